package org.mmwb.core.internal.mm;

import org.mmwb.core.internal.pgtable.PageTable;
import org.mmwb.core.internal.pgtable.Pte;
import org.mmwb.core.mm.VmFault;
import org.mmwb.core.mm.VmFaultResult;

/**
 * Faulting pages in on behalf of a task, mm/gup.c: populate_vma_page_range -> __get_user_pages -> faultin_page,
 * as mm_populate (MAP_POPULATE, MAP_LOCKED, mlock) and MADV_POPULATE_* use it. Each fault taken is logged.
 */
final class Gup {
    private final FaultTrace trace;
    private final Memory memory;

    /** Pages {@link #populateVmaPageRange} went through before its error (__get_user_pages' return count). */
    long populated;

    Gup(FaultTrace trace, Memory memory) {
        this.trace = trace;
        this.memory = memory;
    }

    /**
     * populate_vma_page_range / __get_user_pages: fault [start, end) of one VMA in, page by page, where the PTE is
     * missing (or read-only for a write). Returns 0 or the first VM_FAULT error bits; {@link #populated} tells how
     * many pages were gone through before it. A pending SIGKILL (the OOM killer chose this task) stops it at
     * once, as __get_user_pages' fatal_signal_pending check does.
     */
    int populateVmaPageRange(Vma vma, int pid, long start, long end, boolean write) {
        PageTable pt = vma.mm.pgd;
        populated = 0;
        for (long va = start; Long.compareUnsigned(va, end) < 0; va += 4096, populated++) {
            if (vma.mm.oomKilled) {
                return VmFaultResult.OOM;
            }
            long pte = pt.get(va);
            if (pte == 0 && vma.mm.hasHuge) {
                pte = pt.hugePmd(va);
            }
            if ((pte & Pte.PRESENT) != 0 && (!write || (pte & Pte.RW) != 0)) {
                continue;
            }
            int fault = faultinPage(vma, pid, va, write);
            if ((fault & VmFaultResult.ERROR) != 0) {
                return fault;
            }
        }
        return 0;
    }

    /** faultin_page: handle_mm_fault without FAULT_FLAG_USER, logged as a kernel-mode access. */
    private int faultinPage(Vma vma, int pid, long va, boolean write) {
        int fault = memory.handleMmFault(vma, va, write ? VmFault.FLAG_WRITE : 0);
        trace.append(pid, va, write ? Faults.WRITE : Faults.READ, vma.start, fault);
        return fault;
    }
}
