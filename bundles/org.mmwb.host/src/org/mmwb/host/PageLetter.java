package org.mmwb.host;

/**
 * The page letters of a dump: how /proc/PID/pagemap shows one page (Documentation/admin-guide/mm/pagemap.rst).
 * The same rules are applied by the C helper (page_letter in native/mmwb-hostd.c) and by {@link ProcImport}.
 */
public final class PageLetter {
    /** pagemap bit 63: page present. */
    public static final long PM_PRESENT = 1L << 63;
    /** pagemap bit 62: page swapped. */
    public static final long PM_SWAP = 1L << 62;
    /** pagemap bit 61: file page or shared anonymous (shmem). */
    public static final long PM_FILE = 1L << 61;
    /** pagemap bit 58: guard region marker (MADV_GUARD_INSTALL). */
    public static final long PM_GUARD_REGION = 1L << 58;
    /** pagemap bit 56: page exclusively mapped. */
    public static final long PM_MMAP_EXCLUSIVE = 1L << 56;
    /** pagemap bits 0-54: the PFN (zero without CAP_SYS_ADMIN). */
    public static final long PM_PFN_MASK = (1L << 55) - 1;

    /** Not present (also VM_PFNMAP/VM_IO pages: pagemap skips them). */
    public static final char NOT_PRESENT = '.';
    /** The shared zero page. */
    public static final char ZERO = 'Z';
    /** An anonymous page mapped once. */
    public static final char ANON_EXCLUSIVE = 'A';
    /** An anonymous page shared (after fork). */
    public static final char ANON_SHARED = 'a';
    /** A file or shmem page. */
    public static final char FILE = 'F';
    /** A guard marker. */
    public static final char GUARD = 'G';
    /** A swapped-out page (beyond the design's letters; no swap on the build machines). */
    public static final char SWAPPED = 'S';

    private PageLetter() {
    }

    /**
     * @param entry    a pagemap entry
     * @param zeroPage whether the entry's PFN is the zero page (kpageflags ZERO_PAGE or the known zero PFN)
     * @return the page's letter
     */
    public static char of(long entry, boolean zeroPage) {
        if ((entry & PM_GUARD_REGION) != 0) {
            return GUARD;
        }
        if ((entry & PM_PRESENT) == 0) {
            return (entry & PM_SWAP) != 0 ? SWAPPED : NOT_PRESENT;
        }
        if ((entry & PM_FILE) != 0) {
            return FILE;
        }
        if (zeroPage) {
            return ZERO;
        }
        return (entry & PM_MMAP_EXCLUSIVE) != 0 ? ANON_EXCLUSIVE : ANON_SHARED;
    }

    /**
     * @param entry a pagemap entry
     * @return its PFN (0 when not present or hidden from unprivileged readers)
     */
    public static long pfn(long entry) {
        return (entry & PM_PRESENT) != 0 ? entry & PM_PFN_MASK : 0;
    }
}
