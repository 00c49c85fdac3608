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

    long mmapBase();

    long taskSize();

    long startBrk();

    long brk();

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
}
