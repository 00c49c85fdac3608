package org.mmwb.core.mm;

/** PROT_* bits of mmap/mprotect (include/uapi/asm-generic/mman-common.h). */
public final class Prot {
    public static final int NONE = 0;
    public static final int READ = 0x1;
    public static final int WRITE = 0x2;
    public static final int EXEC = 0x4;
    public static final int SEM = 0x8;
    public static final int GROWSDOWN = 0x01000000;
    public static final int GROWSUP = 0x02000000;

    private Prot() {
    }

    /** Formats PROT bits the way scenarios write them: {@code rw-}, {@code r-x}, {@code ---}. */
    public static String text(int prot) {
        return "" + ((prot & READ) != 0 ? 'r' : '-') + ((prot & WRITE) != 0 ? 'w' : '-')
                + ((prot & EXEC) != 0 ? 'x' : '-');
    }

    /** Parses "rw-", "r-x", "---" (also "rwx" subsets in any order); returns -1 when malformed. */
    public static int parse(String s) {
        int p = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 'r' -> p |= READ;
                case 'w' -> p |= WRITE;
                case 'x' -> p |= EXEC;
                case '-' -> { }
                default -> { return -1; }
            }
        }
        return p;
    }
}
