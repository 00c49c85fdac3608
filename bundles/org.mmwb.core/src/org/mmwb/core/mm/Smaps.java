package org.mmwb.core.mm;

/**
 * The counters of one VMA as /proc/PID/smaps prints them (fs/proc/task_mmu.c show_smap / smaps_account), in
 * bytes. Pss is exact here (smaps prints it rounded down to kB).
 *
 * @param start         vm_start of the VMA
 * @param rss           Rss: resident pages (not the zero page, not PFNMAP/special PTEs)
 * @param pss           Pss: each page divided by the number of processes mapping it
 * @param sharedClean   Shared_Clean: pages mapped more than once, clean
 * @param sharedDirty   Shared_Dirty
 * @param privateClean  Private_Clean: pages mapped once, clean
 * @param privateDirty  Private_Dirty
 * @param referenced    Referenced: young PTEs (_PAGE_ACCESSED)
 * @param anonymous     Anonymous: anon pages (also the COW copies in a private file mapping)
 * @param anonHugePages AnonHugePages: anonymous memory mapped by huge PMDs
 * @param swap          Swap: 0 (the simulator does not swap)
 * @param locked        Locked: the Pss of a VM_LOCKED VMA
 * @param thpEligible   THPeligible: thp_vma_allowable_order for a PMD (THP "madvise": VM_HUGEPAGE and room for
 *                      an aligned 2 MiB block)
 */
public record Smaps(long start, long rss, double pss, long sharedClean, long sharedDirty, long privateClean,
        long privateDirty, long referenced, long anonymous, long anonHugePages, long swap, double locked,
        boolean thpEligible) {
}
