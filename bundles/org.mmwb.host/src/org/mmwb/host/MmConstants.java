package org.mmwb.host;

/**
 * The x86-64 Linux values of the PROT_*, MAP_*, MREMAP_* and MADV_* constants, passed to the kernel as they are
 * (include/uapi/asm-generic/mman-common.h, include/uapi/linux/mman.h).
 */
public final class MmConstants {
    /** PROT_NONE. */
    public static final int PROT_NONE = 0;
    /** PROT_READ. */
    public static final int PROT_READ = 1;
    /** PROT_WRITE. */
    public static final int PROT_WRITE = 2;
    /** PROT_EXEC. */
    public static final int PROT_EXEC = 4;

    /** MAP_SHARED. */
    public static final int MAP_SHARED = 0x01;
    /** MAP_PRIVATE. */
    public static final int MAP_PRIVATE = 0x02;
    /** MAP_FIXED. */
    public static final int MAP_FIXED = 0x10;
    /** MAP_ANONYMOUS. */
    public static final int MAP_ANONYMOUS = 0x20;
    /** MAP_GROWSDOWN. */
    public static final int MAP_GROWSDOWN = 0x100;
    /** MAP_LOCKED. */
    public static final int MAP_LOCKED = 0x2000;
    /** MAP_NORESERVE. */
    public static final int MAP_NORESERVE = 0x4000;
    /** MAP_POPULATE. */
    public static final int MAP_POPULATE = 0x8000;
    /** MAP_FIXED_NOREPLACE. */
    public static final int MAP_FIXED_NOREPLACE = 0x100000;

    /** MREMAP_MAYMOVE. */
    public static final int MREMAP_MAYMOVE = 1;
    /** MREMAP_FIXED. */
    public static final int MREMAP_FIXED = 2;
    /** MREMAP_DONTUNMAP. */
    public static final int MREMAP_DONTUNMAP = 4;

    /** MADV_DONTNEED. */
    public static final int MADV_DONTNEED = 4;
    /** MADV_FREE. */
    public static final int MADV_FREE = 8;
    /** MADV_DONTFORK. */
    public static final int MADV_DONTFORK = 10;
    /** MADV_DOFORK. */
    public static final int MADV_DOFORK = 11;
    /** MADV_HUGEPAGE. */
    public static final int MADV_HUGEPAGE = 14;
    /** MADV_NOHUGEPAGE. */
    public static final int MADV_NOHUGEPAGE = 15;
    /** MADV_WIPEONFORK. */
    public static final int MADV_WIPEONFORK = 18;
    /** MADV_KEEPONFORK. */
    public static final int MADV_KEEPONFORK = 19;
    /** MADV_POPULATE_READ. */
    public static final int MADV_POPULATE_READ = 22;
    /** MADV_POPULATE_WRITE. */
    public static final int MADV_POPULATE_WRITE = 23;
    /** MADV_GUARD_INSTALL. */
    public static final int MADV_GUARD_INSTALL = 102;
    /** MADV_GUARD_REMOVE. */
    public static final int MADV_GUARD_REMOVE = 103;

    private MmConstants() {
    }
}
