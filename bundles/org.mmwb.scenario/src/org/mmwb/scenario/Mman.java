package org.mmwb.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kernel's numeric constants for the mm system calls, as in include/uapi/asm-generic/mman-common.h and
 * include/uapi/linux/mman.h (x86-64 values). The runner passes these numbers to a {@link ScenarioTarget} unchanged,
 * so a live-kernel adapter hands them straight to the system call.
 */
public final class Mman {
    private Mman() {
    }

    public static final int PROT_NONE = 0x0;
    public static final int PROT_READ = 0x1;
    public static final int PROT_WRITE = 0x2;
    public static final int PROT_EXEC = 0x4;

    public static final int MAP_SHARED = 0x01;
    public static final int MAP_PRIVATE = 0x02;
    public static final int MAP_FIXED = 0x10;
    public static final int MAP_ANONYMOUS = 0x20;
    public static final int MAP_GROWSDOWN = 0x100;
    public static final int MAP_LOCKED = 0x2000;
    public static final int MAP_NORESERVE = 0x4000;
    public static final int MAP_POPULATE = 0x8000;
    public static final int MAP_FIXED_NOREPLACE = 0x100000;

    public static final int MREMAP_MAYMOVE = 1;
    public static final int MREMAP_FIXED = 2;
    public static final int MREMAP_DONTUNMAP = 4;

    public static final int MADV_DONTNEED = 4;
    public static final int MADV_FREE = 8;
    public static final int MADV_DONTFORK = 10;
    public static final int MADV_DOFORK = 11;
    public static final int MADV_HUGEPAGE = 14;
    public static final int MADV_NOHUGEPAGE = 15;
    public static final int MADV_WIPEONFORK = 18;
    public static final int MADV_KEEPONFORK = 19;
    public static final int MADV_POPULATE_READ = 22;
    public static final int MADV_POPULATE_WRITE = 23;
    public static final int MADV_GUARD_INSTALL = 102;
    public static final int MADV_GUARD_REMOVE = 103;

    /** Page size of every supported profile (x86-64 base pages). */
    public static final long PAGE_SIZE = 4096;

    /** The scenario language's advice words in table order, mapped to their MADV_* numbers. */
    public static final Map<String, Integer> ADVICE;

    static {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("dontneed", MADV_DONTNEED);
        m.put("free", MADV_FREE);
        m.put("dontfork", MADV_DONTFORK);
        m.put("dofork", MADV_DOFORK);
        m.put("wipeonfork", MADV_WIPEONFORK);
        m.put("keeponfork", MADV_KEEPONFORK);
        m.put("populate_read", MADV_POPULATE_READ);
        m.put("populate_write", MADV_POPULATE_WRITE);
        m.put("hugepage", MADV_HUGEPAGE);
        m.put("nohugepage", MADV_NOHUGEPAGE);
        m.put("guard_install", MADV_GUARD_INSTALL);
        m.put("guard_remove", MADV_GUARD_REMOVE);
        ADVICE = java.util.Collections.unmodifiableMap(m);
    }

    /** Resource numbers of setrlimit(2) (include/uapi/asm-generic/resource.h). */
    public static final int RLIMIT_DATA = 2;
    public static final int RLIMIT_STACK = 3;
    public static final int RLIMIT_MEMLOCK = 8;
    public static final int RLIMIT_AS = 9;
    /** RLIM_INFINITY. */
    public static final long RLIM_INFINITY = -1L;

    /** Formats PROT bits the way the language writes them: {@code rw-}, {@code r-x}, {@code ---}. */
    public static String protText(int prot) {
        return "" + ((prot & PROT_READ) != 0 ? 'r' : '-') + ((prot & PROT_WRITE) != 0 ? 'w' : '-')
                + ((prot & PROT_EXEC) != 0 ? 'x' : '-');
    }
}
