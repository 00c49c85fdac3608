package org.mmwb.core.mm;

/** MADV_* advice values (include/uapi/asm-generic/mman-common.h). */
public final class Madvise {
    public static final int NORMAL = 0;
    public static final int RANDOM = 1;
    public static final int SEQUENTIAL = 2;
    public static final int WILLNEED = 3;
    public static final int DONTNEED = 4;
    public static final int FREE = 8;
    public static final int REMOVE = 9;
    public static final int DONTFORK = 10;
    public static final int DOFORK = 11;
    public static final int MERGEABLE = 12;
    public static final int UNMERGEABLE = 13;
    public static final int HUGEPAGE = 14;
    public static final int NOHUGEPAGE = 15;
    public static final int DONTDUMP = 16;
    public static final int DODUMP = 17;
    public static final int WIPEONFORK = 18;
    public static final int KEEPONFORK = 19;
    public static final int COLD = 20;
    public static final int PAGEOUT = 21;
    public static final int POPULATE_READ = 22;
    public static final int POPULATE_WRITE = 23;
    public static final int DONTNEED_LOCKED = 24;
    public static final int COLLAPSE = 25;
    public static final int GUARD_INSTALL = 102;
    public static final int GUARD_REMOVE = 103;

    private Madvise() {
    }

    /** The advice for a scenario name ("dontneed", "guard_install"), or -1. */
    public static int parse(String name) {
        return switch (name) {
            case "normal" -> NORMAL;
            case "random" -> RANDOM;
            case "sequential" -> SEQUENTIAL;
            case "willneed" -> WILLNEED;
            case "dontneed" -> DONTNEED;
            case "free" -> FREE;
            case "dontfork" -> DONTFORK;
            case "dofork" -> DOFORK;
            case "hugepage" -> HUGEPAGE;
            case "nohugepage" -> NOHUGEPAGE;
            case "dontdump" -> DONTDUMP;
            case "dodump" -> DODUMP;
            case "wipeonfork" -> WIPEONFORK;
            case "keeponfork" -> KEEPONFORK;
            case "populate_read" -> POPULATE_READ;
            case "populate_write" -> POPULATE_WRITE;
            case "guard_install" -> GUARD_INSTALL;
            case "guard_remove" -> GUARD_REMOVE;
            default -> -1;
        };
    }
}
