package org.mmwb.core.mm;

import java.util.List;

/** A read-only view of an address space ({@code struct mm_struct}). */
public interface MmStruct {
    /** find_vma: the first VMA with end > addr, or null. */
    VmArea findVma(long addr);

    /** vma_lookup: the VMA containing addr, or null. */
    default VmArea vmaLookup(long addr) {
        VmArea v = findVma(addr);
        return v != null && v.start() <= addr ? v : null;
    }

    /** All VMAs in address order (a copy). */
    List<VmArea> vmas();

    /** map_count. */
    int mapCount();

    /** mm->mmap_base: where top-down placement starts. */
    long mmapBase();

    /** TASK_SIZE of this mm: the end of user space. */
    long taskSize();

    /** mm->start_brk: the start of the heap. */
    long startBrk();

    /** mm->brk: the current program break. */
    long brk();

    /** mm->start_stack: the top of the initial stack. */
    long startStack();

    /** mm->context.vdso on x86: where the vDSO text is; 0 when it has none. */
    long contextVdso();

    /** Lets an arch's vdso .mremap callback record the new vDSO address (vdso_mremap). */
    void setContextVdso(long addr);

    /** mm->def_flags (VM_NOHUGEPAGE after prctl, VM_LOCKED after mlockall(MCL_FUTURE)). */
    long defFlags();

    /** total_vm in pages. */
    long totalVm();

    /** locked_vm in pages. */
    long lockedVm();

    /** Page-table levels of this mm: 4 or 5. */
    int pgtableLevels();

    /** A read-only view of this mm's page tables. */
    PageTableView pageTable();

    /** mm_pgtables_bytes: bytes of page-table pages below the PGD (VmPTE). */
    default long pgtablesBytes() {
        return pageTable().pgtablesBytes();
    }

    /**
     * Resident pages (RSS, /proc/PID/status VmRSS / 4096): present PTEs plus 512 per huge PMD, counting the
     * zero page as smaps does not (it is not counted). Walks the page tables: O(mapped pages).
     */
    long residentPages();
}
