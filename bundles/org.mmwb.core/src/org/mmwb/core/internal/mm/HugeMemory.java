package org.mmwb.core.internal.mm;

import org.mmwb.core.internal.page.PhysMem;
import org.mmwb.core.internal.pgtable.PageTable;
import org.mmwb.core.internal.pgtable.Pte;
import org.mmwb.core.mm.VmFaultResult;
import org.mmwb.core.mm.VmFlags;

/**
 * Transparent huge page faults, mm/huge_memory.c: thp_vma_allowable_order, do_huge_pmd_anonymous_page (the huge
 * zero folio on read), do_huge_pmd_wp_page and huge_pmd_set_accessed. A huge page is 512 contiguous frames from
 * {@link PageAlloc#allocHuge}; when none can be had the fault falls back to 4 KiB pages (VM_FAULT_FALLBACK).
 */
final class HugeMemory {
    private final MmKernel k;
    private final PhysMem phys;
    private final FaultTrace trace;
    private final PageAlloc alloc;

    private final int pHuge;
    private final int pHugeZero;
    private final int pHugeWp;
    private final int pSpurious;

    HugeMemory(MmKernel k, FaultTrace trace, PageAlloc alloc) {
        this.k = k;
        this.phys = k.phys;
        this.trace = trace;
        this.alloc = alloc;
        pHuge = k.log.intern("do_huge_pmd_anonymous_page");
        pHugeZero = k.log.intern("do_huge_pmd_anonymous_page(huge zero page)");
        pHugeWp = k.log.intern("do_huge_pmd_wp_page");
        pSpurious = k.log.intern(FaultTrace.SPURIOUS);
    }

    /** thp_vma_allowable_order with THP=madvise: VM_HUGEPAGE, anonymous, the aligned 2 MiB inside the VMA. */
    static boolean thpEligible(Vma vma, long addr) {
        if ((vma.flags & (VmFlags.HUGEPAGE | VmFlags.NOHUGEPAGE)) != VmFlags.HUGEPAGE || vma.ops != null
                || (vma.flags & (VmFlags.SPECIAL | VmFlags.SHARED)) != 0) {
            return false;
        }
        long base = addr & -Pages.PMD_SIZE;
        return base >= vma.start && base + Pages.PMD_SIZE <= vma.end;
    }

    /**
     * do_huge_pmd_anonymous_page: huge zero page on read (unless mm_forbids_zeropage), a 2 MiB folio otherwise
     * (fallback when unavailable).
     */
    int doHugePmdAnonymousPage(Vma vma, long addr, boolean write) {
        PageTable pt = vma.mm.pgd;
        long base = addr & -Pages.PMD_SIZE;
        long prot = Pages.pgprot(vma.flags) | Pte.PSE;
        if (!write && !k.forbidsZeroPage) {
            long hz = hugeZeroPfn();
            if (hz < 0) {
                return VmFaultResult.FALLBACK;
            }
            vma.mm.hasHuge = true;
            pt.setHugePmd(base, Pte.mk(hz, prot | Pte.SPECIAL));
            trace.path = pHugeZero;
            trace.pfn = hz;
            return 0;
        }
        long pfn = alloc.allocHuge(PhysMem.KIND_ANON);
        if (pfn < 0) {
            return VmFaultResult.FALLBACK;
        }
        VmaMerge.anonVmaPrepare(vma);
        mapExclusive(pfn);
        vma.mm.hasHuge = true;
        // __do_huge_pmd_anonymous_page: maybe_pmd_mkwrite(pmd_mkdirty(entry)): writable only in a VM_WRITE VMA
        long rw = (vma.flags & VmFlags.WRITE) != 0 ? Pte.RW : 0;
        pt.setHugePmd(base, Pte.mk(pfn, prot | rw | Pte.DIRTY));
        trace.path = pHuge;
        trace.pfn = pfn + ((addr >>> 12) & 511);
        return 0;
    }

    /** do_huge_pmd_wp_page: replace the huge zero page, reuse an exclusive folio, else split and COW 4 KiB. */
    int doHugePmdWpPage(Vma vma, long addr, long pmd) {
        PageTable pt = vma.mm.pgd;
        long base = addr & -Pages.PMD_SIZE;
        long pfn = Pte.pmdPfn(pmd);
        if (pfn == k.hugeZeroPfn) {
            long n = alloc.allocHuge(PhysMem.KIND_ANON);
            if (n >= 0) {
                VmaMerge.anonVmaPrepare(vma);
                mapExclusive(n);
                pt.clearHugePmd(base);
                pt.setHugePmd(base, Pte.mk(n, Pages.pgprot(vma.flags) | Pte.PSE | Pte.RW | Pte.DIRTY));
                trace.path = pHugeWp;
                trace.pfn = n + ((addr >>> 12) & 511);
                return 0;
            }
        } else if (phys.anonExclusive(pfn) || phys.refcount(pfn) == 1) {
            for (int i = 0; i < Pages.PMD_PAGES; i++) {
                phys.setAnonExclusive(pfn + i, true);
            }
            pt.setHugePmd(base, pmd | Pte.RW | Pte.DIRTY | Pte.ACCESSED);
            trace.path = pHugeWp;
            trace.pfn = pfn + ((addr >>> 12) & 511);
            return 0;
        }
        Pages.splitHuge(vma.mm, addr);
        return VmFaultResult.FALLBACK;
    }

    /** huge_pmd_set_accessed: a spurious fault on a present huge PMD makes it young (and dirty on a write). */
    int hugePmdSetAccessed(PageTable pt, long addr, long pmd, boolean write) {
        pt.setHugePmd(addr, pmd | Pte.ACCESSED | (write ? Pte.DIRTY : 0));
        trace.path = pSpurious;
        trace.pfn = Pte.pmdPfn(pmd) + ((addr >>> 12) & 511);
        return 0;
    }

    /** The 512 pages of a new folio, mapped once each and exclusive to this anon_vma. */
    private void mapExclusive(long pfn) {
        for (int i = 0; i < Pages.PMD_PAGES; i++) {
            phys.incMapcount(pfn + i);
            phys.setAnonExclusive(pfn + i, true);
        }
    }

    /** mm_get_huge_zero_folio: the huge zero folio, allocated on first use; -1 if none could be had. */
    private long hugeZeroPfn() {
        if (k.hugeZeroPfn < 0) {
            k.hugeZeroPfn = alloc.allocHuge(PhysMem.KIND_KERNEL);
        }
        return k.hugeZeroPfn;
    }
}
