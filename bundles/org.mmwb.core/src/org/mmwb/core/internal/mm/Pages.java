package org.mmwb.core.internal.mm;

import org.mmwb.core.internal.page.PhysMem;
import org.mmwb.core.internal.pgtable.PageTable;
import org.mmwb.core.internal.pgtable.Pte;
import org.mmwb.core.mm.VmFlags;

/** Page-table level helpers: vm_page_prot, zap, change_protection, copy and move of page tables. */
final class Pages {
    static final long PMD_SIZE = 1L << 21;
    static final int PMD_PAGES = 512;

    private Pages() {
    }

    /** vm_get_page_prot on x86-64 with NX: protection_map[] of the flags (private writable = copy-on-write). */
    static long pgprot(long flags) {
        if ((flags & VmFlags.ACCESS_FLAGS) == 0) {
            return Pte.PROTNONE | Pte.ACCESSED;
        }
        long p = Pte.PRESENT | Pte.USER | Pte.ACCESSED;
        if ((flags & (VmFlags.SHARED | VmFlags.WRITE)) == (VmFlags.SHARED | VmFlags.WRITE)) {
            p |= Pte.RW;
        }
        if ((flags & VmFlags.EXEC) == 0) {
            p |= Pte.NX;
        }
        return p;
    }

    /** True when a PTE maps a page with struct-page accounting (vm_normal_page != NULL). */
    static boolean normal(MmKernel k, long pte) {
        if ((pte & (Pte.PRESENT | Pte.PROTNONE)) == 0 || (pte & Pte.SPECIAL) != 0) {
            return false;
        }
        long pfn = Pte.pfn(pte);
        return pfn != k.phys.zeroPfn() && k.phys.isRam(pfn) && k.phys.isAllocated(pfn);
    }

    /** Drops the mapping of one PTE (page_remove_rmap + put). */
    static void release(MmKernel k, long pte) {
        if (normal(k, pte)) {
            long pfn = Pte.pfn(pte);
            k.phys.decMapcount(pfn);
            k.phys.put(pfn);
        }
    }

    /** Splits a huge PMD that straddles addr (addr not 2 MiB aligned), as vma_adjust_trans_huge does. */
    static void splitHugeAt(Mm mm, long addr) {
        if (mm.hasHuge && (addr & (PMD_SIZE - 1)) != 0) {
            splitHuge(mm, addr);
        }
    }

    /** __split_huge_pmd for the PMD covering addr; the huge zero page becomes 512 zero-page PTEs. */
    static void splitHuge(Mm mm, long addr) {
        PageTable pt = mm.pgd;
        long pmd = pt.hugePmd(addr);
        if (pmd == 0) {
            return;
        }
        long pfn = Pte.pmdPfn(pmd);
        if (pfn == mm.k.hugeZeroPfn) {
            // __split_huge_zero_page_pmd: 512 PTEs of the 4 KiB zero page
            long base = addr & -PMD_SIZE;
            pt.clearHugePmd(base);
            long flags = (pmd & ~Pte.PFN_MASK & ~Pte.PSE & ~Pte.PAT_LARGE) | Pte.SPECIAL;
            long zero = mm.k.phys.zeroPfn();
            for (int i = 0; i < PMD_PAGES; i++) {
                pt.set(base + ((long) i << 12), Pte.mk(zero, flags));
            }
            return;
        }
        pt.splitHugePmd(addr);
    }

    /**
     * zap_page_range_single / unmap_vmas over [start, end): clears PTEs and releases pages. Guard markers stay
     * when keepGuards (MADV_DONTNEED keeps them; munmap does not).
     */
    static void zap(Mm mm, long start, long end, boolean keepGuards) {
        MmKernel k = mm.k;
        PageTable pt = mm.pgd;
        if (mm.hasHuge) { // no huge PMD was ever installed in this mm: skip the PMD walks of the 4K fast path
            splitHugeAt(mm, start);
            splitHugeAt(mm, end);
            pt.forEachHugePmd(start, end, (va, pmd) -> {
                releaseHuge(k, pmd);
                return 0;
            });
        }
        pt.forEach(start, end, (va, pte) -> {
            if (Pte.isGuardMarker(pte)) {
                return keepGuards ? pte : 0;
            }
            release(k, pte);
            return 0;
        });
    }

    static void releaseHuge(MmKernel k, long pmd) {
        long pfn = Pte.pmdPfn(pmd);
        if (pfn == k.hugeZeroPfn || (pmd & Pte.SPECIAL) != 0) {
            return;
        }
        for (int i = 0; i < PMD_PAGES; i++) {
            k.phys.decMapcount(pfn + i);
            k.phys.put(pfn + i);
        }
    }

    /** change_protection: apply the new vm_page_prot to present entries of [start, end) of vma. */
    static void changeProtection(Vma vma, long start, long end) {
        MmKernel k = vma.mm.k;
        long prot = pgprot(vma.flags);
        boolean write = (vma.flags & VmFlags.WRITE) != 0;
        boolean shared = (vma.flags & VmFlags.SHARED) != 0;
        PageTable pt = vma.mm.pgd;
        splitHugeAt(vma.mm, start);
        splitHugeAt(vma.mm, end);
        if (vma.mm.hasHuge) {
            pt.forEachHugePmd(start, end, (va, pmd) -> {
                long n = Pte.modify(pmd, prot) | Pte.PSE;
                long pfn = Pte.pmdPfn(pmd);
                if (write && pfn != k.hugeZeroPfn && (shared || k.phys.anonExclusive(pfn))) {
                    n |= Pte.RW;
                }
                return n;
            });
        }
        pt.forEach(start, end, (va, pte) -> {
            if ((pte & (Pte.PRESENT | Pte.PROTNONE)) == 0) {
                return pte;
            }
            long n = Pte.modify(pte, prot);
            // can_change_pte_writable: exclusive anon pages and shared pages may stay writable
            if (write && (n & Pte.PRESENT) != 0 && normal(k, pte)) {
                long pfn = Pte.pfn(pte);
                if (shared || (k.phys.kind(pfn) == PhysMem.KIND_ANON && k.phys.anonExclusive(pfn)
                        && Pte.dirty(pte))) {
                    n |= Pte.RW;
                }
            }
            return n;
        });
    }

    /** move_page_tables for mremap: entries of [from, from+len) move to [to, to+len) of the same mm. */
    static void move(Mm mm, long from, long to, long len) {
        PageTable pt = mm.pgd;
        splitHugeAt(mm, from);
        splitHugeAt(mm, from + len);
        boolean alignedHuge = ((from ^ to) & (PMD_SIZE - 1)) == 0;
        long[] hp = mm.hasHuge ? collectHuge(pt, from, from + len) : new long[0];
        for (int i = 0; i < hp.length; i += 2) {
            long va = hp[i];
            long pmd = hp[i + 1];
            pt.clearHugePmd(va);
            if (alignedHuge) {
                mm.hasHuge = true;
                pt.setHugePmd(va - from + to, pmd);
            } else {
                pt.setHugePmd(va, pmd);
                splitHuge(mm, va);
            }
        }
        long[] buf = collect(pt, from, from + len);
        for (int i = 0; i < buf.length; i += 2) {
            pt.clear(buf[i]);
        }
        for (int i = 0; i < buf.length; i += 2) {
            pt.set(buf[i] - from + to, buf[i + 1]);
        }
        pt.freePgtables(from, from + len);
    }

    /** Copies the non-zero PTEs of [start, end) as (va, pte) pairs. */
    static long[] collect(PageTable pt, long start, long end) {
        LongList l = new LongList();
        pt.forEach(start, end, (va, pte) -> {
            l.add(va);
            l.add(pte);
            return pte;
        });
        return l.toArray();
    }

    static long[] collectHuge(PageTable pt, long start, long end) {
        LongList l = new LongList();
        pt.forEachHugePmd(start, end, (va, pmd) -> {
            l.add(va);
            l.add(pmd);
            return pmd;
        });
        return l.toArray();
    }

    /** A growable long array (no boxing). */
    static final class LongList {
        long[] a = new long[16];
        int n;

        void add(long v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
