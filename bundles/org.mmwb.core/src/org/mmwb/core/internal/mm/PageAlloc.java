package org.mmwb.core.internal.mm;

import org.mmwb.core.internal.page.PhysMem;

/**
 * The page allocator as the fault path meets it (mm/page_alloc.c): the slow path of an allocation for a fault,
 * whose __alloc_pages_may_oom calls the OOM killer (mm/oom_kill.c out_of_memory, {@link MmKernel#oom}) and
 * retries, and order-9 allocations for transparent huge pages, which fail without calling it.
 */
final class PageAlloc {
    private final MmKernel k;
    private final PhysMem phys;
    private final FaultTrace trace;
    private final int pOom;

    PageAlloc(MmKernel k, FaultTrace trace) {
        this.k = k;
        this.phys = k.phys;
        this.trace = trace;
        this.pOom = k.log.intern("out_of_memory");
    }

    /**
     * __alloc_pages_slowpath after the free lists failed: __alloc_pages_may_oom -> out_of_memory kills a victim
     * (oom_badness: the largest RSS + page tables) and the allocation is retried. It fails only when the faulting
     * task itself was chosen (or already has SIGKILL pending: a dying task gets no more memory); the caller then
     * returns VM_FAULT_OOM. The fault path tries the free lists ({@code PhysMem.alloc}) itself first, inline.
     *
     * @return the PFN or {@link PhysMem#NO_PAGE}
     */
    long allocPageSlowpath(Mm mm, int kind) {
        while (mayOom(mm)) {
            long pfn = phys.alloc(kind);
            if (pfn != PhysMem.NO_PAGE) {
                return pfn;
            }
        }
        return PhysMem.NO_PAGE;
    }

    /**
     * __alloc_pages_may_oom on behalf of mm: true if the OOM killer freed memory and the allocation may be retried;
     * false when mm itself is to die, which the fault's trace records.
     */
    boolean mayOom(Mm mm) {
        if (!mm.oomKilled && k.oom.outOfMemory(mm)) {
            return true;
        }
        mm.oomKilled = true;
        trace.path = pOom;
        trace.reason = String.format("out of memory: %d of %d RAM pages in use (%d page-table pages); "
            + "the OOM killer chose this task", phys.allocatedFrames(), phys.ramFrames(), phys.pgtableFrames());
        return false;
    }

    /**
     * An order-9 folio: 512 contiguous frames starting on a 512-frame boundary, or {@link PhysMem#NO_PAGE} (the
     * allocation fails and the fault falls back to 4 KiB pages, as when the buddy allocator has no free order-9
     * block).
     */
    long allocHuge(int kind) {
        Pages.LongList got = new Pages.LongList();
        long start = -1;
        long prev = -2;
        long found = PhysMem.NO_PAGE;
        for (int i = 0; i < (1 << 16) && found < 0; i++) {
            long p = phys.alloc(kind);
            if (p == PhysMem.NO_PAGE) {
                break; // no order-9 block: THP allocations fail without calling the OOM killer
            }
            got.add(p);
            if (start >= 0 && p != prev + 1) {
                start = -1;
            }
            if (start < 0 && (p & 511) == 0) {
                start = p;
            }
            if (start >= 0 && p - start == 511) {
                found = start;
            }
            prev = p;
        }
        for (int i = 0; i < got.n; i++) {
            long p = got.a[i];
            if (found < 0 || p < found || p > found + 511) {
                phys.put(p);
            }
        }
        return found;
    }
}
