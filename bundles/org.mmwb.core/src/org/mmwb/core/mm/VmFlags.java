package org.mmwb.core.mm;

/**
 * The VM_* bits of {@code vm_area_struct.vm_flags} (include/linux/mm.h, Linux 6.18, x86-64) and their
 * two-letter mnemonics as /proc/PID/smaps prints them in its "VmFlags:" line (show_smap_vma_flags in
 * fs/proc/task_mmu.c, which prints them in bit order).
 */
public final class VmFlags {
    public static final long NONE = 0;
    public static final long READ = 0x1L;
    public static final long WRITE = 0x2L;
    public static final long EXEC = 0x4L;
    public static final long SHARED = 0x8L;
    public static final long MAYREAD = 0x10L;
    public static final long MAYWRITE = 0x20L;
    public static final long MAYEXEC = 0x40L;
    public static final long MAYSHARE = 0x80L;
    public static final long GROWSDOWN = 0x100L;
    public static final long UFFD_MISSING = 0x200L;
    public static final long PFNMAP = 0x400L;
    /** 6.18: set by MADV_GUARD_INSTALL; sticky and ignored by merge. */
    public static final long MAYBE_GUARD = 0x800L;
    public static final long UFFD_WP = 0x1000L;
    public static final long LOCKED = 0x2000L;
    public static final long IO = 0x4000L;
    public static final long SEQ_READ = 0x8000L;
    public static final long RAND_READ = 0x10000L;
    public static final long DONTCOPY = 0x20000L;
    public static final long DONTEXPAND = 0x40000L;
    public static final long LOCKONFAULT = 0x80000L;
    public static final long ACCOUNT = 0x100000L;
    public static final long NORESERVE = 0x200000L;
    public static final long HUGETLB = 0x400000L;
    public static final long SYNC = 0x800000L;
    /** VM_ARCH_1: VM_PAT on x86. */
    public static final long ARCH_1 = 0x1000000L;
    public static final long WIPEONFORK = 0x2000000L;
    public static final long DONTDUMP = 0x4000000L;
    /** Zero on this host's config (no CONFIG_MEM_SOFT_DIRTY in its smaps); kept for the merge rule. */
    public static final long SOFTDIRTY = 0x8000000L;
    public static final long MIXEDMAP = 0x10000000L;
    public static final long HUGEPAGE = 0x20000000L;
    public static final long NOHUGEPAGE = 0x40000000L;
    public static final long MERGEABLE = 0x80000000L;
    public static final long SHADOW_STACK = 1L << 37;
    public static final long DROPPABLE = 1L << 40;
    public static final long UFFD_MINOR = 1L << 41;
    public static final long SEALED = 1L << 42;

    /** VM_ACCESS_FLAGS. */
    public static final long ACCESS_FLAGS = READ | WRITE | EXEC;
    /** VM_SPECIAL: never merged, never mlocked, ... */
    public static final long SPECIAL = IO | DONTEXPAND | PFNMAP | MIXEDMAP;
    /** VM_LOCKED_MASK. */
    public static final long LOCKED_MASK = LOCKED | LOCKONFAULT;
    /** Flags merge ignores and a merge keeps (VM_IGNORE_MERGE / VM_STICKY of 6.18). */
    public static final long IGNORE_MERGE = SOFTDIRTY | MAYBE_GUARD;
    /** VM_DATA_DEFAULT_FLAGS of x86-64 (VM_DATA_FLAGS_NON_EXEC). */
    public static final long DATA_DEFAULT = READ | WRITE | MAYREAD | MAYWRITE | MAYEXEC;
    /** VM_STACK_FLAGS of x86-64. */
    public static final long STACK_FLAGS = GROWSDOWN | DATA_DEFAULT | ACCOUNT;

    private static final String[] MNEMONIC = new String[64];

    static {
        String[][] table = {
            {"0", "rd"}, {"1", "wr"}, {"2", "ex"}, {"3", "sh"}, {"4", "mr"}, {"5", "mw"}, {"6", "me"},
            {"7", "ms"}, {"8", "gd"}, {"9", "um"}, {"10", "pf"}, {"11", "gu"}, {"12", "uw"}, {"13", "lo"},
            {"14", "io"}, {"15", "sr"}, {"16", "rr"}, {"17", "dc"}, {"18", "de"}, {"19", "lf"}, {"20", "ac"},
            {"21", "nr"}, {"22", "ht"}, {"23", "sf"}, {"24", "ar"}, {"25", "wf"}, {"26", "dd"}, {"27", "sd"},
            {"28", "mm"}, {"29", "hg"}, {"30", "nh"}, {"31", "mg"}, {"37", "ss"}, {"40", "dp"}, {"41", "ui"},
            {"42", "sl"},
        };
        for (String[] e : table) {
            MNEMONIC[Integer.parseInt(e[0])] = e[1];
        }
    }

    private VmFlags() {
    }

    /** The mnemonic of one bit number, or null when smaps prints nothing for it. */
    public static String mnemonic(int bit) {
        return bit >= 0 && bit < 64 ? MNEMONIC[bit] : null;
    }

    /** The mnemonics of every set flag, in the order show_smap_vma_flags prints them. */
    public static String[] mnemonics(long flags) {
        String[] out = new String[Long.bitCount(flags)];
        int n = 0;
        for (int bit = 0; bit < 64; bit++) {
            if ((flags & (1L << bit)) != 0 && MNEMONIC[bit] != null) {
                out[n++] = MNEMONIC[bit];
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /** The smaps "VmFlags:" value: mnemonics each followed by a space, as the kernel prints them. */
    public static String smapsLine(long flags) {
        StringBuilder sb = new StringBuilder();
        for (String m : mnemonics(flags)) {
            sb.append(m).append(' ');
        }
        return sb.toString();
    }

    /** The "rwxp"/"rw-s" column of /proc/PID/maps (show_map_vma). */
    public static String perms(long flags) {
        return new String(new char[] {
            (flags & READ) != 0 ? 'r' : '-',
            (flags & WRITE) != 0 ? 'w' : '-',
            (flags & EXEC) != 0 ? 'x' : '-',
            (flags & MAYSHARE) != 0 ? 's' : 'p' });
    }

    /** calc_vm_prot_bits: PROT_* to VM_READ/WRITE/EXEC. */
    public static long fromProt(int prot) {
        long f = 0;
        if ((prot & Prot.READ) != 0) {
            f |= READ;
        }
        if ((prot & Prot.WRITE) != 0) {
            f |= WRITE;
        }
        if ((prot & Prot.EXEC) != 0) {
            f |= EXEC;
        }
        return f;
    }
}
