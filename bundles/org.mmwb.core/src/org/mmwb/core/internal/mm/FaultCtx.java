package org.mmwb.core.internal.mm;

import org.mmwb.core.internal.pgtable.Pte;
import org.mmwb.core.mm.VmArea;
import org.mmwb.core.mm.VmFault;
import org.mmwb.core.mm.VmFaultResult;
import org.mmwb.core.mm.VmFlags;

/**
 * The engine's {@link VmFault}: one reusable instance per kernel (faults do not nest), recording what a
 * handler did so {@link SpecialMappingFault} can check it (a page set, PFNs inserted, contract violations).
 */
final class FaultCtx extends VmFault {
    private static final int MAX_INSERTS = 16;

    Vma vma;
    long address;
    long realAddress;
    long pgoff;
    int flags;
    long page = -1;
    final long[] inserted = new long[MAX_INSERTS];
    int nInserted;
    /** First contract violation seen, or null. */
    String violation;
    /** True while a handler runs (set by the engine). */
    boolean inHandler;
    /** Handlers running now: a user access meanwhile would recurse into the fault path ({@link Faults#access}). */
    int depth;

    void reset(Vma vma, long address, long pgoff, int flags) {
        this.vma = vma;
        this.realAddress = address;
        this.address = address & ~0xfffL;
        this.pgoff = pgoff;
        this.flags = flags;
        this.page = -1;
        this.nInserted = 0;
        this.violation = null;
    }

    @Override
    public VmArea vma() {
        return vma;
    }

    @Override
    public long address() {
        return address;
    }

    @Override
    public long realAddress() {
        return realAddress;
    }

    @Override
    public long pgoff() {
        return pgoff;
    }

    @Override
    public int flags() {
        return flags;
    }

    @Override
    public void setPage(long pfn) {
        if (!inHandler) {
            violate("setPage called outside its fault");
            return;
        }
        if (page >= 0) {
            violate("set vmf->page twice");
            return;
        }
        page = pfn;
    }

    @Override
    public int vmfInsertPfn(long addr, long pfn) {
        return insert(addr, pfn, VmFault.CACHE_WB);
    }

    @Override
    public int vmfInsertPfnProt(long addr, long pfn, int cacheMode) {
        return insert(addr, pfn, cacheMode);
    }

    /** vmf_insert_pfn_prot with its BUG_ONs turned into recorded violations (the fault then ends SIGBUS). */
    private int insert(long addr, long pfn, int cacheMode) {
        if (!inHandler) {
            violate("vmf_insert_pfn called outside its fault");
            return VmFaultResult.SIGBUS;
        }
        long vf = vma.flags;
        if ((vf & (VmFlags.PFNMAP | VmFlags.MIXEDMAP)) == 0) {
            return violate("vmf_insert_pfn on a VMA that is neither VM_PFNMAP nor VM_MIXEDMAP (BUG_ON)");
        }
        if ((vf & (VmFlags.PFNMAP | VmFlags.MIXEDMAP)) == (VmFlags.PFNMAP | VmFlags.MIXEDMAP)) {
            return violate("vmf_insert_pfn on a VMA with both VM_PFNMAP and VM_MIXEDMAP (BUG_ON)");
        }
        if ((vf & VmFlags.PFNMAP) != 0 && vma.isCow()) {
            return violate("vmf_insert_pfn on a COW VM_PFNMAP mapping (BUG_ON)");
        }
        if (Long.compareUnsigned(addr, vma.start) < 0 || Long.compareUnsigned(addr, vma.end) >= 0) {
            return violate(String.format("inserted PFN 0x%x at 0x%x outside its VMA %x-%x", pfn, addr,
                vma.start, vma.end));
        }
        if (pfn < 0 || pfn > (Pte.PFN_MASK >>> 12)) {
            return violate(String.format("inserted invalid PFN 0x%x", pfn));
        }
        long va = addr & ~0xfffL;
        Mm mm = vma.mm;
        for (int i = 0; i < nInserted; i++) {
            if (inserted[i] == va) {
                return violate(String.format("inserted a PFN twice at 0x%x", va));
            }
        }
        if (mm.pgd.get(va) != 0 || mm.pgd.hugePmd(va) != 0) {
            // insert_pfn: an entry mapped by an earlier fault is left alone (the kernel's silent success)
            return VmFaultResult.NOPAGE;
        }
        if (nInserted == MAX_INSERTS) {
            return violate("inserted more than " + MAX_INSERTS + " PFNs in one fault");
        }
        long cache = switch (cacheMode) {
            case VmFault.CACHE_UC_MINUS -> Pte.PCD;
            case VmFault.CACHE_UC -> Pte.PCD | Pte.PWT;
            case VmFault.CACHE_WC -> Pte.PWT;
            default -> 0;
        };
        long pte = Pte.mk(pfn, Pages.pgprot(vf) | Pte.SPECIAL | cache);
        mm.pgd.set(va, pte);
        inserted[nInserted++] = va;
        return VmFaultResult.NOPAGE;
    }

    private int violate(String why) {
        if (violation == null) {
            violation = why;
        }
        return VmFaultResult.SIGBUS;
    }

    /** Undoes the PTEs a failed handler inserted. */
    void undoInserts() {
        for (int i = 0; i < nInserted; i++) {
            vma.mm.pgd.clear(inserted[i]);
        }
        nInserted = 0;
    }
}
