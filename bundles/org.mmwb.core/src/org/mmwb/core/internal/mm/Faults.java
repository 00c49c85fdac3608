package org.mmwb.core.internal.mm;

import org.mmwb.core.internal.log.FaultLog;
import org.mmwb.core.internal.page.PhysMem;
import org.mmwb.core.internal.pgtable.PageTable;
import org.mmwb.core.internal.pgtable.Pte;
import org.mmwb.core.mm.MemFile;
import org.mmwb.core.mm.Signals;
import org.mmwb.core.mm.SpecialMapping;
import org.mmwb.core.mm.VmFault;
import org.mmwb.core.mm.VmFaultResult;
import org.mmwb.core.mm.VmFlags;

/**
 * The page-fault path: the CPU's permission check, arch/x86/mm/fault.c (do_user_addr_fault, access_error,
 * bad_area, mm_fault_error) and mm/memory.c (handle_mm_fault, do_anonymous_page, do_fault, do_wp_page,
 * huge PMD faults), plus special_mapping_fault with handler isolation. Every fault is logged.
 * The anonymous write fault path allocates no Java objects.
 */
public final class Faults {
    /** Access kinds (also the FaultLog ACCESS_* bits). */
    public static final int READ = FaultLog.ACCESS_READ;
    public static final int WRITE = FaultLog.ACCESS_WRITE;
    public static final int EXEC = FaultLog.ACCESS_EXEC;

    /** x86 page-fault error code bits (arch/x86/include/asm/trap_pf.h). */
    static final int PF_PROT = 1;
    static final int PF_WRITE = 2;
    static final int PF_USER = 4;
    static final int PF_INSTR = 16;

    private static final long VSYSCALL = 0xffffffffff600000L;

    private final MmKernel k;
    private final PhysMem phys;
    private final FaultLog log;
    private final long[] walkBuf = new long[5];
    private int depth;

    // outputs of the last handleMmFault, read by the logger (fields, not objects: no allocation)
    private long outPfn;
    private int outPath;
    private int outHandler;
    private long outPgoff;
    private String outReason;
    /** Pages {@link #populate} went through before its error (GUP's return count). */
    long populated;

    private final int pAnon;
    private final int pZero;
    private final int pRead;
    private final int pFaultAround;
    private final int pCow;
    private final int pShared;
    private final int pWpReuse;
    private final int pWpCopy;
    private final int pWpShared;
    private final int pSpurious;
    private final int pGuard;
    private final int pBadArea;
    private final int pAccErr;
    private final int pHuge;
    private final int pHugeZero;
    private final int pHugeWp;
    private final int pSigbus;
    private final int pGate;
    private final int pSpecialPages;
    private final int pSpecialFault;
    private final int pOom;
    private final int hAnon;
    private final int hShmem;
    private final int hNone;

    Faults(MmKernel k) {
        this.k = k;
        this.phys = k.phys;
        this.log = k.log;
        pAnon = log.intern("do_anonymous_page");
        pZero = log.intern("do_anonymous_page(zero page)");
        pRead = log.intern("do_read_fault");
        pFaultAround = log.intern("do_read_fault(fault-around)");
        pCow = log.intern("do_cow_fault");
        pShared = log.intern("do_shared_fault");
        pWpReuse = log.intern("do_wp_page(reuse)");
        pWpCopy = log.intern("do_wp_page(wp_page_copy)");
        pWpShared = log.intern("do_wp_page(wp_page_shared)");
        pSpurious = log.intern("spurious");
        pGuard = log.intern("handle_pte_marker(guard)");
        pBadArea = log.intern("bad_area");
        pAccErr = log.intern("bad_area_access_error");
        pHuge = log.intern("do_huge_pmd_anonymous_page");
        pHugeZero = log.intern("do_huge_pmd_anonymous_page(huge zero page)");
        pHugeWp = log.intern("do_huge_pmd_wp_page");
        pSigbus = log.intern("sigbus");
        pGate = log.intern("emulate_vsyscall");
        pSpecialPages = log.intern("special_mapping_fault(pages)");
        pSpecialFault = log.intern("special_mapping_fault(.fault)");
        pOom = log.intern("out_of_memory");
        hAnon = log.intern("anonymous");
        hShmem = log.intern("shmem_fault");
        hNone = log.intern("");
    }

    /**
     * A user-mode access of one byte at addr, as the CPU performs it: succeeds when the PTE permits, else takes
     * page faults until it does or a signal results. Returns {@link Signals#OK} or an encoded signal.
     */
    public int access(Mm mm, int pid, long addr, int access) {
        if (depth > 0) {
            // a fault handler touching user memory: the kernel would recurse into the fault path
            k.ctx.violation = k.ctx.violation == null ? "recursed into the fault path (access at 0x"
                + Long.toHexString(addr) + ")" : k.ctx.violation;
            return Signals.BUS_ADRERR_RESULT;
        }
        if (mm.oomKilled) {
            return Signals.encode(Signals.SIGKILL, 0);
        }
        if (!canonical(mm, addr)) {
            return Signals.encode(Signals.SIGSEGV, Signals.SI_KERNEL);
        }
        if (Long.compareUnsigned(addr, mm.taskSize) >= 0) {
            return kernelAddress(mm, pid, addr, access);
        }
        PageTable pt = mm.pgd;
        for (int tries = 0; tries < 4; tries++) {
            long pte = pt.get(addr);
            if (pte == 0 && mm.hasHuge) {
                pte = pt.hugePmd(addr);
            }
            int ec = PF_USER;
            if ((pte & Pte.PRESENT) != 0) {
                if (permits(pte, access)) {
                    return OK_ACCESS;
                }
                ec |= PF_PROT;
            }
            if (access == WRITE) {
                ec |= PF_WRITE;
            } else if (access == EXEC) {
                ec |= PF_INSTR;
            }
            int r = doUserAddrFault(mm, pid, addr, ec, access);
            if (r != Signals.OK) {
                return r;
            }
        }
        return Signals.OK;
    }

    private static final int OK_ACCESS = Signals.OK;

    /**
     * The page allocator for a fault of {@code mm}: alloc_pages, and when RAM is used up the slow path's
     * __alloc_pages_may_oom -> out_of_memory, which kills a victim (oom_badness: the largest RSS + page tables)
     * and retries. The allocation fails only when the faulting task itself was chosen (or already has SIGKILL
     * pending: a dying task gets no more memory); the caller then returns VM_FAULT_OOM.
     *
     * @return the PFN or {@link PhysMem#NO_PAGE}
     */
    private long allocPage(Mm mm, int kind) {
        while (true) {
            long pfn = phys.alloc(kind);
            if (pfn != PhysMem.NO_PAGE) {
                return pfn;
            }
            if (!outOfMemory(mm)) {
                return PhysMem.NO_PAGE;
            }
        }
    }

    /**
     * pte_alloc and the upper levels for a fault of {@code mm} (page-table pages come from the same allocator:
     * failing, they call the OOM killer too). False when the tables could not be had: VM_FAULT_OOM.
     */
    private boolean allocTables(Mm mm, long addr, boolean pte) {
        while (!mm.pgd.ensureTables(addr, pte)) {
            if (!outOfMemory(mm)) {
                return false;
            }
        }
        return true;
    }

    /** out_of_memory on behalf of mm; true if the allocation may be retried. Records why a fault failed. */
    private boolean outOfMemory(Mm mm) {
        if (!mm.oomKilled && k.oom.outOfMemory(mm)) {
            return true;
        }
        mm.oomKilled = true;
        outPath = pOom;
        outReason = String.format("out of memory: %d of %d RAM pages in use (%d page-table pages); "
            + "the OOM killer chose this task", phys.allocatedFrames(), phys.ramFrames(), phys.pgtableFrames());
        return false;
    }

    /**
     * The PFN a user access at addr that just succeeded went through (its PTE or huge PMD), -1 if none (the
     * vsyscall gate): allocation-free, for Kernel.read/write, so the access path itself stays lean.
     */
    public static long pfnAfterAccess(Mm mm, long addr) {
        PageTable pt = mm.pgd;
        long pte = pt.get(addr);
        if (pte != 0) {
            return (pte & Pte.PRESENT) != 0 ? Pte.pfn(pte) : -1;
        }
        long pmd = mm.hasHuge ? pt.hugePmd(addr) : 0;
        return (pmd & Pte.PRESENT) != 0 ? Pte.pmdPfn(pmd) + ((addr >>> 12) & 511) : -1;
    }

    private static boolean permits(long pte, int access) {
        if ((pte & Pte.USER) == 0) {
            return false;
        }
        if (access == WRITE) {
            return (pte & Pte.RW) != 0;
        }
        if (access == EXEC) {
            return (pte & Pte.NX) == 0;
        }
        return true;
    }

    private boolean canonical(Mm mm, long addr) {
        int bits = mm.pgd.levels() == 5 ? 57 : 48;
        long top = addr >> (bits - 1);
        return top == 0 || top == -1;
    }

    /**
     * do_kern_addr_fault from user mode: only instruction fetches of the vsyscall gate are emulated
     * (emulate_vsyscall: the entries at offsets 0, 0x400 and 0x800; anything else in the page is SIGSEGV with
     * SI_KERNEL, as the host shows).
     */
    private int kernelAddress(Mm mm, int pid, long addr, int access) {
        Mm.Gate g = mm.gate;
        if (g != null && access == EXEC && (addr & ~0xfffL) == VSYSCALL && Long.compareUnsigned(addr, g.end()) < 0) {
            boolean entry = (addr & ~0xc00L) == VSYSCALL && ((addr & 0xc00L) >>> 10) < 3;
            log.append(pid, addr, access | FaultLog.ACCESS_USER, g.start(), log.intern(g.name()), 0,
                entry ? 0 : VmFaultResult.SIGSEGV, -1, pGate);
            return entry ? Signals.OK : Signals.encode(Signals.SIGSEGV, Signals.SI_KERNEL);
        }
        log.append(pid, addr, access | FaultLog.ACCESS_USER, FaultLog.NO_VMA, hNone, 0, VmFaultResult.SIGSEGV, -1,
            pBadArea);
        return Signals.SEGV_MAPERR_RESULT;
    }

    /** do_user_addr_fault: find the VMA (expanding a stack), check access_error, handle, map errors to signals. */
    int doUserAddrFault(Mm mm, int pid, long addr, int ec, int access) {
        Vma vma = mm.lookup(addr);
        if (vma == null) {
            Vma v = mm.findVma(addr);
            if (v == null || (v.flags & VmFlags.GROWSDOWN) == 0 || expandStack(v, addr) != 0) {
                log.append(pid, addr, access | FaultLog.ACCESS_USER, v == null ? FaultLog.NO_VMA : v.start, hNone,
                    0, VmFaultResult.SIGSEGV, -1, pBadArea);
                return Signals.SEGV_MAPERR_RESULT;
            }
            vma = v;
        }
        if (accessError(ec, vma)) {
            log.append(pid, addr, access | FaultLog.ACCESS_USER, vma.start, hNone, 0, VmFaultResult.SIGSEGV, -1,
                pAccErr);
            return Signals.SEGV_ACCERR_RESULT;
        }
        int flags = VmFault.FLAG_USER;
        if ((ec & PF_WRITE) != 0) {
            flags |= VmFault.FLAG_WRITE;
        }
        if ((ec & PF_INSTR) != 0) {
            flags |= VmFault.FLAG_INSTRUCTION;
        }
        int fault = handleMmFault(vma, addr, flags);
        long seq = log.append(pid, addr, access | FaultLog.ACCESS_USER, vma.start, outHandler, outPgoff, fault,
            outPfn, outPath);
        if (outReason != null) {
            k.reasons.put(seq, outReason);
        }
        if ((fault & VmFaultResult.ERROR) == 0) {
            return Signals.OK;
        }
        return mmFaultError(fault);
    }

    /** mm_fault_error: OOM kills, SIGBUS/HWPOISON give SIGBUS(BUS_ADRERR), SIGSEGV gives SIGSEGV(MAPERR). */
    static int mmFaultError(int fault) {
        if ((fault & VmFaultResult.OOM) != 0) {
            return Signals.encode(Signals.SIGKILL, 0);
        }
        if ((fault & (VmFaultResult.SIGBUS | VmFaultResult.HWPOISON | VmFaultResult.HWPOISON_LARGE)) != 0) {
            return Signals.BUS_ADRERR_RESULT;
        }
        return Signals.SEGV_MAPERR_RESULT;
    }

    /** access_error (arch/x86/mm/fault.c). */
    static boolean accessError(int ec, Vma vma) {
        if ((ec & PF_WRITE) != 0) {
            return (vma.flags & VmFlags.WRITE) == 0;
        }
        if ((ec & PF_PROT) != 0) {
            return true;
        }
        return !vma.accessible();
    }

    /** expand_downwards with the stack_guard_gap and acct_stack_growth's limit checks; 0 or -errno. */
    int expandStack(Vma vma, long addr) {
        addr &= ~0xfffL;
        if (Long.compareUnsigned(addr, k.mmapMinAddr) < 0) {
            return -1;
        }
        Mm mm = vma.mm;
        Vma prev = mm.prevOf(vma);
        if (prev != null && (prev.flags & VmFlags.GROWSDOWN) == 0 && prev.accessible()
                && addr - prev.end < k.stackGuardGap) {
            return -12;
        }
        if (prev != null && addr < prev.end) {
            return -12;
        }
        long size = vma.end - addr;
        long grow = (vma.start - addr) >>> 12;
        if (grow > vma.pgoff || !Limits.acctStackGrowth(vma, size, grow)) {
            return -12;
        }
        VmaMerge.anonVmaPrepare(vma);
        mm.setRange(vma, addr, vma.end, vma.pgoff - grow);
        mm.totalVm += grow;
        return 0;
    }

    /** handle_mm_fault / __handle_mm_fault / handle_pte_fault. Sets the out* fields for the log. */
    int handleMmFault(Vma vma, long addr, int flags) {
        outPfn = -1;
        outReason = null;
        outPgoff = (addr - vma.start) >>> 12;
        outHandler = vma.ops == null ? hAnon : hShmem;
        boolean write = (flags & VmFault.FLAG_WRITE) != 0;
        Mm mm = vma.mm;
        PageTable pt = mm.pgd;
        // __handle_mm_fault: p4d_alloc, pud_alloc, pmd_alloc fail -> VM_FAULT_OOM
        if (!allocTables(mm, addr, false)) {
            return VmFaultResult.OOM;
        }
        if (thpEligible(vma, addr)) {
            long pmd = pt.hugePmd(addr);
            if (pmd == 0 && pmdNone(pt, addr)) {
                int r = doHugePmdAnonymousPage(vma, addr, write);
                if ((r & VmFaultResult.FALLBACK) == 0) {
                    return r;
                }
            } else if (pmd != 0) {
                if (write && (pmd & Pte.RW) == 0) {
                    int r = doHugePmdWpPage(vma, addr, pmd);
                    if ((r & VmFaultResult.FALLBACK) == 0) {
                        return r;
                    }
                } else {
                    pt.setHugePmd(addr, pmd | Pte.ACCESSED | (write ? Pte.DIRTY : 0));
                    outPath = pSpurious;
                    outPfn = Pte.pmdPfn(pmd) + ((addr >>> 12) & 511);
                    return 0;
                }
            }
        } else if (mm.hasHuge && pt.hugePmd(addr) != 0) {
            Pages.splitHuge(mm, addr);
        }
        long pte = pt.get(addr);
        if (pte == 0) {
            // pte_alloc of do_anonymous_page / do_fault
            if (!allocTables(mm, addr, true)) {
                return VmFaultResult.OOM;
            }
            return vma.ops == null ? doAnonymousPage(vma, addr, write) : doFault(vma, addr, flags);
        }
        if ((pte & (Pte.PRESENT | Pte.PROTNONE)) == 0) {
            if (Pte.isGuardMarker(pte)) {
                outPath = pGuard;
                return VmFaultResult.SIGSEGV;
            }
            outPath = pSigbus;
            return VmFaultResult.SIGBUS;
        }
        if (write && (pte & Pte.RW) == 0) {
            return doWpPage(vma, addr, pte);
        }
        pt.set(addr, pte | Pte.ACCESSED | (write ? Pte.DIRTY : 0));
        outPath = pSpurious;
        outPfn = Pte.pfn(pte);
        return 0;
    }

    private boolean pmdNone(PageTable pt, long addr) {
        int n = pt.walk(addr, walkBuf);
        int pmdLevel = pt.levels() - 2;
        return n <= pmdLevel || walkBuf[pmdLevel] == 0;
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
    private int doHugePmdAnonymousPage(Vma vma, long addr, boolean write) {
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
            outPath = pHugeZero;
            outPfn = hz;
            return 0;
        }
        long pfn = allocHuge(PhysMem.KIND_ANON);
        if (pfn < 0) {
            return VmFaultResult.FALLBACK;
        }
        VmaMerge.anonVmaPrepare(vma);
        for (int i = 0; i < Pages.PMD_PAGES; i++) {
            phys.incMapcount(pfn + i);
            phys.setAnonExclusive(pfn + i, true);
        }
        vma.mm.hasHuge = true;
        // __do_huge_pmd_anonymous_page: maybe_pmd_mkwrite(pmd_mkdirty(entry)): writable only in a VM_WRITE VMA
        long rw = (vma.flags & VmFlags.WRITE) != 0 ? Pte.RW : 0;
        pt.setHugePmd(base, Pte.mk(pfn, prot | rw | Pte.DIRTY));
        outPath = pHuge;
        outPfn = pfn + ((addr >>> 12) & 511);
        return 0;
    }

    /** do_huge_pmd_wp_page: replace the huge zero page, reuse an exclusive folio, else split and COW 4 KiB. */
    private int doHugePmdWpPage(Vma vma, long addr, long pmd) {
        PageTable pt = vma.mm.pgd;
        long base = addr & -Pages.PMD_SIZE;
        long pfn = Pte.pmdPfn(pmd);
        if (pfn == k.hugeZeroPfn) {
            long n = allocHuge(PhysMem.KIND_ANON);
            if (n >= 0) {
                VmaMerge.anonVmaPrepare(vma);
                for (int i = 0; i < Pages.PMD_PAGES; i++) {
                    phys.incMapcount(n + i);
                    phys.setAnonExclusive(n + i, true);
                }
                pt.clearHugePmd(base);
                pt.setHugePmd(base, Pte.mk(n, Pages.pgprot(vma.flags) | Pte.PSE | Pte.RW | Pte.DIRTY));
                outPath = pHugeWp;
                outPfn = n + ((addr >>> 12) & 511);
                return 0;
            }
        } else if (phys.anonExclusive(pfn) || phys.refcount(pfn) == 1) {
            for (int i = 0; i < Pages.PMD_PAGES; i++) {
                phys.setAnonExclusive(pfn + i, true);
            }
            pt.setHugePmd(base, pmd | Pte.RW | Pte.DIRTY | Pte.ACCESSED);
            outPath = pHugeWp;
            outPfn = pfn + ((addr >>> 12) & 511);
            return 0;
        }
        Pages.splitHuge(vma.mm, addr);
        return VmFaultResult.FALLBACK;
    }

    /**
     * A 2 MiB folio: 512 contiguous frames starting on a 512-frame boundary, or -1 (the allocation "fails"
     * and the fault falls back to 4 KiB pages, as when the buddy allocator has no free order-9 block).
     */
    long allocHuge(int kind) {
        Pages.LongList got = new Pages.LongList();
        long start = -1;
        long prev = -2;
        long found = -1;
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

    /** The huge zero folio (huge_zero_folio), allocated on first use; -1 if none could be had. */
    long hugeZeroPfn() {
        if (k.hugeZeroPfn < 0) {
            k.hugeZeroPfn = allocHuge(PhysMem.KIND_KERNEL);
        }
        return k.hugeZeroPfn;
    }

    /**
     * do_anonymous_page: the zero page on read (unless mm_forbids_zeropage), otherwise a new exclusive anonymous
     * page, dirty and writable in a VM_WRITE VMA even when the fault was a read.
     */
    private int doAnonymousPage(Vma vma, long addr, boolean write) {
        long va = addr & ~0xfffL;
        if ((vma.flags & VmFlags.SHARED) != 0) {
            outPath = pSigbus;
            return VmFaultResult.SIGBUS;
        }
        PageTable pt = vma.mm.pgd;
        long prot = Pages.pgprot(vma.flags);
        if (!write && !k.forbidsZeroPage) {
            long z = phys.zeroPfn();
            pt.set(va, Pte.mk(z, prot | Pte.SPECIAL));
            outPath = pZero;
            outPfn = z;
            return 0;
        }
        if (vma.anonVma == null) {
            VmaMerge.anonVmaPrepare(vma);
        }
        long pfn = allocPage(vma.mm, PhysMem.KIND_ANON);
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
        outPath = pAnon;
        outPfn = pfn;
        return 0;
    }

    /** do_fault: do_read_fault, do_cow_fault or do_shared_fault around the VMA's fault op. */
    private int doFault(Vma vma, long addr, int flags) {
        boolean write = (flags & VmFault.FLAG_WRITE) != 0;
        long va = addr & ~0xfffL;
        long pgoff = vma.pgoff + ((va - vma.start) >>> 12);
        if (!write && vma.ops.kind == VmOps.Kind.SHMEM) {
            // do_read_fault: fault-around first; it may map the faulting page itself
            outHandler = hShmem;
            long mapped = faultAround(vma, va, pgoff);
            if (mapped >= 0) {
                outPath = pFaultAround;
                outPfn = mapped;
                return VmFaultResult.NOPAGE;
            }
        }
        if (write && (vma.flags & VmFlags.SHARED) == 0) {
            // do_cow_fault: vmf_anon_prepare comes before ->fault, so even a SIGBUS leaves an anon_vma behind
            VmaMerge.anonVmaPrepare(vma);
        }
        int ret = doFaultOp(vma, addr, pgoff, flags);
        if ((ret & (VmFaultResult.ERROR | VmFaultResult.NOPAGE | VmFaultResult.RETRY)) != 0) {
            outPath = (ret & VmFaultResult.ERROR) != 0 && outPath == pSigbus ? pSigbus : outPath;
            return ret;
        }
        long page = k.ctx.page;
        PageTable pt = vma.mm.pgd;
        long prot = Pages.pgprot(vma.flags);
        if (!write) {
            phys.incMapcount(page);
            pt.set(va, Pte.mk(page, prot));
            outPath = outPath == pSpecialPages || outPath == pSpecialFault ? outPath : pRead;
            outPfn = page;
            return ret;
        }
        if ((vma.flags & VmFlags.SHARED) == 0) {
            VmaMerge.anonVmaPrepare(vma);
            long n = allocPage(vma.mm, PhysMem.KIND_ANON);
            if (n == PhysMem.NO_PAGE) {
                phys.put(page); // do_cow_fault: the cow_page allocation failed, ->fault's page is released
                return VmFaultResult.OOM;
            }
            phys.copy(page, n);
            phys.put(page);
            phys.incMapcount(n);
            phys.setAnonExclusive(n, true);
            pt.set(va, Pte.mk(n, prot | Pte.RW | Pte.DIRTY));
            outPath = pCow;
            outPfn = n;
            return ret;
        }
        phys.incMapcount(page);
        pt.set(va, Pte.mk(page, prot | Pte.RW | Pte.DIRTY));
        outPath = pShared;
        outPfn = page;
        return ret;
    }

    /** fault_around_bytes / PAGE_SIZE: 64 KiB. */
    static final int FAULT_AROUND_PAGES = 16;

    /**
     * do_fault_around + filemap_map_pages: on a read fault of a page-cache backed VMA, map the pages of the
     * surrounding 64 KiB block (clamped to the VMA, the page table and EOF) that are already in the page cache
     * and not mapped yet, the faulting page included. Returns the faulting page's PFN if it was mapped, else -1.
     */
    private long faultAround(Vma vma, long va, long pgoff) {
        long pteOff = (va >>> 12) & 511;
        long vmaOff = (va - vma.start) >>> 12;
        long fromPte = Math.max(pteOff & ~(FAULT_AROUND_PAGES - 1), pteOff - Math.min(pteOff, vmaOff));
        long toPte = Math.min(Math.min(fromPte + FAULT_AROUND_PAGES, 512), pteOff + vma.pages() - vmaOff) - 1;
        MemFile f = vma.file;
        PageTable pt = vma.mm.pgd;
        long prot = Pages.pgprot(vma.flags);
        long self = -1;
        for (long i = fromPte; i <= toPte; i++) {
            long a = va + ((i - pteOff) << 12);
            long idx = pgoff + (i - pteOff);
            if (idx < 0 || idx >= f.sizePages() || pt.get(a) != 0) {
                continue;
            }
            // a memfd of the `file` op was written page by page when made: all its pages are in the cache;
            // zero-filled shmem (shared anonymous) has only the pages somebody faulted in
            long pfn = f.zeroFilled() || f.regular() ? f.cachedPfn(idx) : pageCachePage(f, idx);
            if (pfn < 0) {
                continue;
            }
            phys.get(pfn);
            phys.incMapcount(pfn);
            // set_pte_range: prefaulted PTEs are made old only if arch_wants_old_prefaulted_pte(), which is
            // false on x86, so they keep the _PAGE_ACCESSED of vm_page_prot like the faulting page
            pt.set(a, Pte.mk(pfn, prot));
            if (i == pteOff) {
                self = pfn;
            }
        }
        return self;
    }

    /** __do_fault: the VMA's ->fault; on success k.ctx.page holds a referenced page. */
    private int doFaultOp(Vma vma, long addr, long pgoff, int flags) {
        FaultCtx ctx = k.ctx;
        ctx.reset(vma, addr, pgoff, flags);
        if (vma.ops.kind == VmOps.Kind.SHMEM) {
            outHandler = hShmem;
            return shmemFault(vma, pgoff);
        }
        return specialMappingFault(vma, addr, flags);
    }

    /** shmem_fault: the page-cache page of pgoff (created on first use), SIGBUS past EOF. */
    private int shmemFault(Vma vma, long pgoff) {
        MemFile f = vma.file;
        if (pgoff >= f.sizePages()) {
            outPath = pSigbus;
            return VmFaultResult.SIGBUS;
        }
        long pfn = pageCachePage(f, pgoff, vma.mm);
        if (pfn == PhysMem.NO_PAGE) {
            return VmFaultResult.OOM; // shmem_get_folio_gfp: -ENOMEM -> vmf_error
        }
        phys.get(pfn);
        k.ctx.page = pfn;
        outPath = pRead;
        return 0;
    }

    /**
     * find_or_create the page-cache page of a file (memfd pages start with 'A' + index); {@link PhysMem#NO_PAGE}
     * when RAM is used up (no OOM killer: for writes and fault-around, which cannot name a faulting task).
     */
    public long pageCachePage(MemFile f, long index) {
        return pageCachePage(f, index, null);
    }

    /** As {@link #pageCachePage(MemFile, long)}, for a fault of mm: a failed allocation calls the OOM killer. */
    long pageCachePage(MemFile f, long index, Mm mm) {
        long pfn = f.cachedPfn(index);
        if (pfn < 0) {
            pfn = mm == null ? phys.alloc(PhysMem.KIND_FILE) : allocPage(mm, PhysMem.KIND_FILE);
            if (pfn == PhysMem.NO_PAGE) {
                return pfn;
            }
            if (!f.zeroFilled()) {
                phys.write(pfn, 0, (byte) ('A' + index % 26));
            }
            f.setCachedPfn(index, pfn);
        }
        return pfn;
    }

    /**
     * special_mapping_fault: call sm.fault with vmf.pgoff relative to the mapping if it is set, else walk the
     * pages array; a missing page is VM_FAULT_SIGBUS. A handler that breaks its contract ends the fault with
     * VM_FAULT_SIGBUS and a recorded reason.
     */
    private int specialMappingFault(Vma vma, long addr, int flags) {
        FaultCtx ctx = k.ctx;
        long rel = (addr - vma.start) >>> 12;
        ctx.pgoff = vma.pgoff + rel - vma.pgoff;
        if (vma.ops.kind == VmOps.Kind.LEGACY_SPECIAL) {
            LegacyPages lp = (LegacyPages) vma.priv;
            outHandler = log.intern(lp.name() == null ? "legacy_special_mapping" : lp.name());
            outPgoff = ctx.pgoff;
            return pagesFault(lp.pages(), ctx);
        }
        SpecialMapping sm = (SpecialMapping) vma.priv;
        outHandler = log.intern(sm.owner().isEmpty() ? sm.name() : sm.name() + " (" + sm.owner() + ")");
        outPgoff = ctx.pgoff;
        if (sm.fault() == null) {
            long[] pages = new long[sm.pageCount()];
            for (int i = 0; i < pages.length; i++) {
                pages[i] = sm.page(i);
            }
            return pagesFault(pages, ctx);
        }
        outPath = pSpecialFault;
        int r;
        depth++;
        ctx.inHandler = true;
        try {
            r = sm.fault().fault(sm, vma, ctx);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            ctx.violation = ctx.violation != null ? ctx.violation : "threw " + t;
            r = VmFaultResult.SIGBUS;
        } finally {
            ctx.inHandler = false;
            depth--;
        }
        r = checkHandler(ctx, r);
        if (outReason != null && sm.failureListener() != null) {
            try {
                sm.failureListener().failed(sm, vma, addr, outReason);
            } catch (RuntimeException e) {
                // a listener must not turn a SIGBUS into an engine failure
            }
        }
        return r;
    }

    /** The checks a broken third-party handler fails; any failure undoes its PTEs and yields SIGBUS. */
    private int checkHandler(FaultCtx ctx, int r) {
        String why = ctx.violation;
        if (why == null && (r & ~VmFaultResult.VALID_MASK) != 0) {
            why = "returned invalid vm_fault_t 0x" + Integer.toHexString(r);
        }
        if (why == null && ctx.page >= 0 && ctx.nInserted > 0) {
            why = "set vmf->page and also inserted PFNs";
        }
        if (why == null && (r & VmFaultResult.ERROR) == 0) {
            if ((r & VmFaultResult.NOPAGE) != 0 && ctx.nInserted == 0 && ctx.vma.mm.pgd.get(ctx.address) == 0) {
                why = "returned VM_FAULT_NOPAGE without installing a PTE";
            } else if ((r & VmFaultResult.NOPAGE) == 0 && ctx.page < 0) {
                why = ctx.nInserted > 0 ? "inserted PFNs but did not return VM_FAULT_NOPAGE"
                    : "returned " + VmFaultResult.describe(r) + " without a page";
            } else if ((r & VmFaultResult.NOPAGE) == 0 && !(phys.isRam(ctx.page) && phys.isAllocated(ctx.page))) {
                why = String.format("set vmf->page to PFN 0x%x, which is not an allocated page", ctx.page);
            }
        }
        if (why != null) {
            ctx.undoInserts();
            ctx.page = -1;
            outReason = why;
            outPath = pSigbus;
            return VmFaultResult.SIGBUS;
        }
        if ((r & VmFaultResult.ERROR) != 0) {
            ctx.undoInserts();
            ctx.page = -1;
            return r;
        }
        if (ctx.page >= 0) {
            phys.get(ctx.page);
        } else if (ctx.nInserted > 0) {
            long pte = ctx.vma.mm.pgd.get(ctx.address);
            outPfn = pte != 0 ? Pte.pfn(pte) : Pte.pfn(ctx.vma.mm.pgd.get(ctx.inserted[0]));
        }
        return r;
    }

    /** The pages-array walk of special_mapping_fault. */
    private int pagesFault(long[] pages, FaultCtx ctx) {
        outPath = pSpecialPages;
        long pgoff = ctx.pgoff;
        int i = 0;
        while (pgoff > 0 && i < pages.length && pages[i] >= 0) {
            pgoff--;
            i++;
        }
        if (pgoff == 0 && i < pages.length && pages[i] >= 0) {
            phys.get(pages[i]);
            ctx.page = pages[i];
            return 0;
        }
        outPath = pSigbus;
        return VmFaultResult.SIGBUS;
    }

    /** do_wp_page: reuse an exclusive anonymous page, share a shared one, else copy (wp_page_copy). */
    private int doWpPage(Vma vma, long addr, long pte) {
        long va = addr & ~0xfffL;
        PageTable pt = vma.mm.pgd;
        long pfn = Pte.pfn(pte);
        boolean normal = Pages.normal(k, pte);
        if ((vma.flags & VmFlags.SHARED) != 0) {
            pt.set(va, pte | Pte.RW | Pte.DIRTY | Pte.ACCESSED);
            outPath = pWpShared;
            outPfn = pfn;
            return 0;
        }
        if (normal && phys.kind(pfn) == PhysMem.KIND_ANON
                && (phys.anonExclusive(pfn) || phys.refcount(pfn) == 1)) {
            phys.setAnonExclusive(pfn, true);
            pt.set(va, pte | Pte.RW | Pte.DIRTY | Pte.ACCESSED);
            outPath = pWpReuse;
            outPfn = pfn;
            return 0;
        }
        VmaMerge.anonVmaPrepare(vma);
        long n = allocPage(vma.mm, PhysMem.KIND_ANON);
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
        outPath = pWpCopy;
        outPfn = n;
        return 0;
    }

    /**
     * faultin_page for populate (mm_populate, MADV_POPULATE_*): fault [start, end) of one VMA the way GUP
     * does. Returns 0 or the first VM_FAULT error bits; {@link #populated} tells how many pages were gone through
     * before it (__get_user_pages' count). A pending SIGKILL (the OOM killer chose this task) stops it at once,
     * as __get_user_pages' fatal_signal_pending check does.
     */
    int populate(Vma vma, int pid, long start, long end, boolean write) {
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
            int fault = handleMmFault(vma, va, write ? VmFault.FLAG_WRITE : 0);
            long seq = log.append(pid, va, write ? WRITE : READ, vma.start, outHandler, outPgoff, fault, outPfn,
                outPath);
            if (outReason != null) {
                k.reasons.put(seq, outReason);
            }
            if ((fault & VmFaultResult.ERROR) != 0) {
                return fault;
            }
        }
        return 0;
    }
}
