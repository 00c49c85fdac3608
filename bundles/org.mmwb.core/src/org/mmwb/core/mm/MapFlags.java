package org.mmwb.core.mm;

/** MAP_* flags of mmap (x86-64 values, include/uapi/linux/mman.h, asm-generic/mman*.h). */
public final class MapFlags {
    public static final int SHARED = 0x01;
    public static final int PRIVATE = 0x02;
    public static final int SHARED_VALIDATE = 0x03;
    public static final int TYPE = 0x0f;
    public static final int FIXED = 0x10;
    public static final int ANONYMOUS = 0x20;
    public static final int GROWSDOWN = 0x0100;
    public static final int DENYWRITE = 0x0800;
    public static final int EXECUTABLE = 0x1000;
    public static final int LOCKED = 0x2000;
    public static final int NORESERVE = 0x4000;
    public static final int POPULATE = 0x8000;
    public static final int NONBLOCK = 0x10000;
    public static final int STACK = 0x20000;
    public static final int HUGETLB = 0x40000;
    public static final int SYNC = 0x80000;
    public static final int FIXED_NOREPLACE = 0x100000;
    public static final int UNINITIALIZED = 0x4000000;

    /** mremap flags (include/uapi/linux/mman.h). */
    public static final int MREMAP_MAYMOVE = 1;
    public static final int MREMAP_FIXED = 2;
    public static final int MREMAP_DONTUNMAP = 4;

    /** mlock2 flag. */
    public static final int MLOCK_ONFAULT = 1;

    /** mlockall flags (include/uapi/asm-generic/mman.h; x86-64 uses these). */
    public static final int MCL_CURRENT = 1;
    public static final int MCL_FUTURE = 2;
    public static final int MCL_ONFAULT = 4;

    private MapFlags() {
    }
}
