package org.mmwb.core.mm;

import java.util.List;

/**
 * The {@code struct page} / folio of one frame as crash's {@code kmem -p} shows it, with every process that maps
 * it (an rmap walk: after fork, the parent's and the child's PTEs of a COW-shared page).
 *
 * @param pfn       the frame
 * @param kind      "anon", "file" (page cache, also shmem), "zero page", "kernel" (vDSO data, tables), "io"
 *                  (device memory, no struct page accounting), "free" or "not RAM"
 * @param refcount  page_ref_count (0 for io / free frames)
 * @param mapcount  page_mapcount: the PTEs mapping it
 * @param flags     the page flags the model implies, kernel names (PG_anon_exclusive, PG_swapbacked, PG_lru,
 *                  PG_uptodate, PG_reserved, PG_dirty)
 * @param mapping   "anon_vma" for anonymous pages, the file's name for page cache, "" otherwise
 * @param index     the page's index (file offset / 4096, or the anon linear index) of its first mapping, -1 if
 *                  none
 * @param mappings  the PTEs that map it, by process
 */
public record PageInfo(long pfn, String kind, int refcount, int mapcount, List<String> flags, String mapping,
        long index, List<Mapping> mappings) {

    public PageInfo {
        flags = List.copyOf(flags);
        mappings = List.copyOf(mappings);
    }

    /**
     * One PTE that maps the frame.
     *
     * @param pid      the process
     * @param address  the virtual address
     * @param vmaStart vm_start of its VMA
     * @param vmaName  the VMA's maps name ("" for anonymous memory)
     * @param pte      the raw entry
     */
    public record Mapping(int pid, long address, long vmaStart, String vmaName, long pte) {
    }
}
