package org.mmwb.core.mm;

/** Resource numbers of getrlimit/setrlimit that mm enforces (include/uapi/asm-generic/resource.h). */
public final class Rlimit {
    /** RLIMIT_DATA: brk and private writable mappings (mm/mmap.c may_expand_vm). */
    public static final int DATA = 2;
    /** RLIMIT_STACK: stack growth (acct_stack_growth) and mmap_base's gap. */
    public static final int STACK = 3;
    /** RLIMIT_MEMLOCK: mlock, MAP_LOCKED (mm/mlock.c). */
    public static final int MEMLOCK = 8;
    /** RLIMIT_AS: the whole address space (may_expand_vm). */
    public static final int AS = 9;
    /** RLIM_INFINITY. */
    public static final long INFINITY = -1L;

    private Rlimit() {
    }
}
