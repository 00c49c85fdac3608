package org.mmwb.core.internal.mm;

import org.mmwb.core.internal.page.PhysMem;
import org.mmwb.core.internal.pgtable.PageTable;
import org.mmwb.core.internal.pgtable.Pte;
import org.mmwb.core.mm.VmFault;
import org.mmwb.core.mm.VmFaultResult;
import org.mmwb.core.mm.VmFlags;

/**
 * The generic fault path, mm/memory.c: handle_mm_fault, __handle_mm_fault (the huge PMD cases go to
 * {@link HugeMemory}), handle_pte_fault, do_anonymous_page, do_wp_page, do_fault with do_read_fault (and
 * do_fault_around), do_cow_fault and do_shared_fault around __do_fault, which calls the VMA's fault op
 * ({@link Shmem#shmemFault} or {@link SpecialMappingFault}). What each fault did goes to the {@link FaultTrace}.
 */
final class Memory {
    /** fault_around_bytes / PAGE_SIZE: 64 KiB. */
    static final int FAULT_AROUND_PAGES = 16;

    private final MmKernel k;
    private final PhysMem phys;
    private final FaultTrace trace;
    private final PageAlloc alloc;
    private final HugeMemory huge;
    private final Shmem shmem;
    private final SpecialMappingFault special;
    private final long[] walkBuf = new long[5];

    private final int pAnon;
    private final int pZero;
    private final int pFaultAround;
    private final int pCow;
    private final int pShared;
    private final int pWpReuse;
    private final int pWpCopy;
    private final int pWpShared;
    private final int pSpurious;
    private final int pGuard;
    private final int pSigbus;
    private final int hAnon;
    private final int hShmem;

    Memory(MmKernel k, FaultTrace trace, PageAlloc alloc, HugeMemory huge, Shmem shmem,
            SpecialMappingFault special) {
        this.k = k;
        this.phys = k.phys;
        this.trace = trace;
        this.alloc = alloc;
        this.huge = huge;
        this.shmem = shmem;
        this.special = special;
        pAnon = k.log.intern("do_anonymous_page");
        pZero = k.log.intern("do_anonymous_page(zero page)");
        pFaultAround = k.log.intern("do_read_fault(fault-around)");
        pCow = k.log.intern("do_cow_fault");
        pShared = k.log.intern("do_shared_fault");
        pWpReuse = k.log.intern("do_wp_page(reuse)");
        pWpCopy = k.log.intern("do_wp_page(wp_page_copy)");
        pWpShared = k.log.intern("do_wp_page(wp_page_shared)");
        pSpurious = k.log.intern(FaultTrace.SPURIOUS);
        pGuard = k.log.intern("handle_pte_marker(guard)");
        pSigbus = k.log.intern(FaultTrace.SIGBUS);
        hAnon = k.log.intern("anonymous");
        hShmem = k.log.intern("shmem_fault");
    }

    /**
     * handle_mm_fault / __handle_mm_fault: the upper page-table levels (p4d_alloc, pud_alloc, pmd_alloc; failing,
     * VM_FAULT_OOM), a huge PMD where THP applies, else {@link #handlePteFault}. Starts the fault's trace.
     */
    int handleMmFault(Vma vma, long addr, int flags) {
        trace.pfn = -1;
        trace.reason = null;
        trace.pgoff = (addr - vma.start) >>> 12;
        trace.handler = vma.ops == null ? hAnon : hShmem;
        boolean write = (flags & VmFault.FLAG_WRITE) != 0;
        Mm mm = vma.mm;
        PageTable pt = mm.pgd;
        if (!allocTables(mm, addr, false)) {
            return VmFaultResult.OOM;
        }
        if (HugeMemory.thpEligible(vma, addr)) {
            long pmd = pt.hugePmd(addr);
            if (pmd == 0 && pmdNone(pt, addr)) {
                int r = huge.doHugePmdAnonymousPage(vma, addr, write);
                if ((r & VmFaultResult.FALLBACK) == 0) {
                    return r;
                }
            } else if (pmd != 0) {
                if (!write || (pmd & Pte.RW) != 0) {
                    return huge.hugePmdSetAccessed(pt, addr, pmd, write);
                }
                int r = huge.doHugePmdWpPage(vma, addr, pmd);
                if ((r & VmFaultResult.FALLBACK) == 0) {
                    return r;
                }
            }
        } else if (mm.hasHuge && pt.hugePmd(addr) != 0) {
            Pages.splitHuge(mm, addr);
        }
        return handlePteFault(vma, addr, flags, write);
    }

    /**
     * handle_pte_fault: an empty PTE goes to do_anonymous_page or do_fault (after pte_alloc), a guard marker is
     * SIGSEGV, another non-present entry SIGBUS, a write to a read-only PTE do_wp_page; else the fault was
     * spurious and the PTE is only made young (and dirty).
     */
    private int handlePteFault(Vma vma, long addr, int flags, boolean write) {
        Mm mm = vma.mm;
        PageTable pt = mm.pgd;
        long pte = pt.get(addr);
        if (pte == 0) {
            if (!allocTables(mm, addr, true)) {
                return VmFaultResult.OOM;
            }
            return vma.ops == null ? doAnonymousPage(vma, addr, write) : doFault(vma, addr, flags);
        }
        if ((pte & (Pte.PRESENT | Pte.PROTNONE)) == 0) {
            if (Pte.isGuardMarker(pte)) {
                trace.path = pGuard;
                return VmFaultResult.SIGSEGV;
            }
            trace.path = pSigbus;
            return VmFaultResult.SIGBUS;
        }
        if (write && (pte & Pte.RW) == 0) {
            return doWpPage(vma, addr, pte);
        }
        pt.set(addr, pte | Pte.ACCESSED | (write ? Pte.DIRTY : 0));
        trace.path = pSpurious;
        trace.pfn = Pte.pfn(pte);
        return 0;
    }

    /**
     * The page tables down to the PMD (or the PTE table with {@code pte}) for a fault of mm: p4d_alloc, pud_alloc,
     * pmd_alloc, pte_alloc. Page-table pages come from RAM too, so failing they call the OOM killer; false when
     * they could not be had (VM_FAULT_OOM).
     */
    private boolean allocTables(Mm mm, long addr, boolean pte) {
        while (!mm.pgd.ensureTables(addr, pte)) {
            if (!alloc.mayOom(mm)) {
                return false;
            }
        }
        return true;
    }

    /** An anonymous page for a fault of mm: the free lists inline, the OOM killer's slow path out of line. */
    private long allocAnonPage(Mm mm) {
        long pfn = phys.alloc(PhysMem.KIND_ANON);
        return pfn != PhysMem.NO_PAGE ? pfn : alloc.allocPageSlowpath(mm, PhysMem.KIND_ANON);
    }

    /** pmd_none: no page table and no huge PMD at addr. */
    private boolean pmdNone(PageTable pt, long addr) {
        int n = pt.walk(addr, walkBuf);
        int pmdLevel = pt.levels() - 2;
        return n <= pmdLevel || walkBuf[pmdLevel] == 0;
    }

    /**
     * do_anonymous_page: the zero page on read (unless mm_forbids_zeropage), otherwise a new exclusive anonymous
     * page, dirty and writable in a VM_WRITE VMA even when the fault was a read.
     */
    private int doAnonymousPage(Vma vma, long addr, boolean write) {
        long va = addr & ~0xfffL;
        if ((vma.flags & VmFlags.SHARED) != 0) {
            trace.path = pSigbus;
            return VmFaultResult.SIGBUS;
        }
        PageTable pt = vma.mm.pgd;
        long prot = Pages.pgprot(vma.flags);
        if (!write && !k.forbidsZeroPage) {
            long z = phys.zeroPfn();
            pt.set(va, Pte.mk(z, prot | Pte.SPECIAL));
            trace.path = pZero;
            trace.pfn = z;
            return 0;
        }
        if (vma.anonVma == null) {
            VmaMerge.anonVmaPrepare(vma);
        }
        long pfn = allocAnonPage(vma.mm);
        if (pfn == PhysMem.NO_PAGE) {
            return VmFaultResult.OOM; // vma_alloc_anon_folio_pmd / alloc_anon_folio failed
        }
        phys.incMapcount(pfn);
        phys.setAnonExclusive(pfn, true);
        long pte = Pte.mk(pfn, prot | Pte.DIRTY);
        if ((vma.flags & VmFlags.WRITE) != 0) {
            pte |= Pte.RW;
        }
        pt.set(va, pte);
        trace.path = pAnon;
        trace.pfn = pfn;
        return 0;
    }

    /** do_fault: do_read_fault, do_cow_fault or do_shared_fault around the VMA's fault op. */
    private int doFault(Vma vma, long addr, int flags) {
        long va = addr & ~0xfffL;
        long pgoff = vma.pgoff + ((va - vma.start) >>> 12);
        if ((flags & VmFault.FLAG_WRITE) == 0) {
            return doReadFault(vma, addr, va, pgoff, flags);
        }
        if ((vma.flags & VmFlags.SHARED) == 0) {
            return doCowFault(vma, addr, va, pgoff, flags);
        }
        return doSharedFault(vma, addr, va, pgoff, flags);
    }

    /**
     * do_read_fault: fault-around first (it may map the faulting page itself), else ->fault, mapped read-only; the
     * path stays the one the fault op named (shmem's do_read_fault, or special_mapping_fault's).
     */
    private int doReadFault(Vma vma, long addr, long va, long pgoff, int flags) {
        if (vma.ops.kind == VmOps.Kind.SHMEM) {
            trace.handler = hShmem;
            long mapped = doFaultAround(vma, va, pgoff);
            if (mapped >= 0) {
                trace.path = pFaultAround;
                trace.pfn = mapped;
                return VmFaultResult.NOPAGE;
            }
        }
        int ret = doFaultOp(vma, addr, pgoff, flags);
        if (failedOrDone(ret)) {
            return ret;
        }
        long page = k.ctx.page;
        phys.incMapcount(page);
        vma.mm.pgd.set(va, Pte.mk(page, Pages.pgprot(vma.flags)));
        trace.pfn = page;
        return ret;
    }

    /**
     * do_cow_fault: ->fault's page is copied into a new anonymous page, which is mapped writable; vmf_anon_prepare
     * comes before ->fault, so even a SIGBUS leaves an anon_vma behind.
     */
    private int doCowFault(Vma vma, long addr, long va, long pgoff, int flags) {
        VmaMerge.anonVmaPrepare(vma);
        int ret = doFaultOp(vma, addr, pgoff, flags);
        if (failedOrDone(ret)) {
            return ret;
        }
        long page = k.ctx.page;
        VmaMerge.anonVmaPrepare(vma);
        long n = allocAnonPage(vma.mm);
        if (n == PhysMem.NO_PAGE) {
            phys.put(page); // the cow_page allocation failed: ->fault's page is released
            return VmFaultResult.OOM;
        }
        phys.copy(page, n);
        phys.put(page);
        phys.incMapcount(n);
        phys.setAnonExclusive(n, true);
        vma.mm.pgd.set(va, Pte.mk(n, Pages.pgprot(vma.flags) | Pte.RW | Pte.DIRTY));
        trace.path = pCow;
        trace.pfn = n;
        return ret;
    }

    /** do_shared_fault: ->fault's page itself is mapped writable and dirty. */
    private int doSharedFault(Vma vma, long addr, long va, long pgoff, int flags) {
        int ret = doFaultOp(vma, addr, pgoff, flags);
        if (failedOrDone(ret)) {
            return ret;
        }
        long page = k.ctx.page;
        phys.incMapcount(page);
        vma.mm.pgd.set(va, Pte.mk(page, Pages.pgprot(vma.flags) | Pte.RW | Pte.DIRTY));
        trace.path = pShared;
        trace.pfn = page;
        return ret;
    }

    /** ->fault ended the fault itself: an error, or PTEs it installed (NOPAGE), or a retry. */
    private static boolean failedOrDone(int ret) {
        return (ret & (VmFaultResult.ERROR | VmFaultResult.NOPAGE | VmFaultResult.RETRY)) != 0;
    }

    /**
     * do_fault_around: on a read fault of a page-cache backed VMA, the surrounding 64 KiB block, clamped to the
     * VMA and the page table, goes to the file's map_pages ({@link Shmem#filemapMapPages}). Returns the faulting
     * page's PFN if that mapped it, else -1.
     */
    private long doFaultAround(Vma vma, long va, long pgoff) {
        long pteOff = (va >>> 12) & 511;
        long vmaOff = (va - vma.start) >>> 12;
        long fromPte = Math.max(pteOff & ~(FAULT_AROUND_PAGES - 1), pteOff - Math.min(pteOff, vmaOff));
        long toPte = Math.min(Math.min(fromPte + FAULT_AROUND_PAGES, 512), pteOff + vma.pages() - vmaOff) - 1;
        return shmem.filemapMapPages(vma, va, pgoff, fromPte - pteOff, toPte - pteOff);
    }

    /** __do_fault: the VMA's ->fault; on success k.ctx.page holds a referenced page. */
    private int doFaultOp(Vma vma, long addr, long pgoff, int flags) {
        k.ctx.reset(vma, addr, pgoff, flags);
        if (vma.ops.kind == VmOps.Kind.SHMEM) {
            trace.handler = hShmem;
            return shmem.shmemFault(vma, pgoff);
        }
        return special.specialMappingFault(vma, addr);
    }

    /** do_wp_page: reuse an exclusive anonymous page, share a shared one, else copy (wp_page_copy). */
    private int doWpPage(Vma vma, long addr, long pte) {
        long va = addr & ~0xfffL;
        PageTable pt = vma.mm.pgd;
        long pfn = Pte.pfn(pte);
        boolean normal = Pages.normal(k, pte);
        if ((vma.flags & VmFlags.SHARED) != 0) {
            pt.set(va, pte | Pte.RW | Pte.DIRTY | Pte.ACCESSED);
            trace.path = pWpShared;
            trace.pfn = pfn;
            return 0;
        }
        if (normal && phys.kind(pfn) == PhysMem.KIND_ANON
                && (phys.anonExclusive(pfn) || phys.refcount(pfn) == 1)) {
            phys.setAnonExclusive(pfn, true);
            pt.set(va, pte | Pte.RW | Pte.DIRTY | Pte.ACCESSED);
            trace.path = pWpReuse;
            trace.pfn = pfn;
            return 0;
        }
        VmaMerge.anonVmaPrepare(vma);
        long n = allocAnonPage(vma.mm);
        if (n == PhysMem.NO_PAGE) {
            return VmFaultResult.OOM; // wp_page_copy: folio allocation failed
        }
        if (pfn != phys.zeroPfn() && phys.isRam(pfn) && phys.isAllocated(pfn)) {
            phys.copy(pfn, n);
        }
        if (normal) {
            phys.decMapcount(pfn);
            phys.put(pfn);
        }
        phys.incMapcount(n);
        phys.setAnonExclusive(n, true);
        pt.set(va, Pte.mk(n, Pages.pgprot(vma.flags) | Pte.RW | Pte.DIRTY));
        trace.path = pWpCopy;
        trace.pfn = n;
        return 0;
    }
}
