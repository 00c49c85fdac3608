package org.mmwb.core.internal.mm;

import org.mmwb.core.internal.page.PhysMem;
import org.mmwb.core.internal.pgtable.PageTable;
import org.mmwb.core.internal.pgtable.Pte;
import org.mmwb.core.mm.VmFlags;

/** dup_mmap (fork), exit_mmap (exit, exec): kernel/fork.c and mm/mmap.c. */
public final class ForkExit {
    private ForkExit() {
    }

    /** dup_mmap: copy every VMA but VM_DONTCOPY ones; WIPEONFORK VMAs start empty; copy_page_range as needed. */
    public static Mm dupMmap(Mm old) {
        Mm mm = old.k.newMm(old.pgd.levels(), old.taskSize);
        mm.mmapBase = old.mmapBase;
        mm.startBrk = old.startBrk;
        mm.brk = old.brk;
        mm.startStack = old.startStack;
        mm.contextVdso = old.contextVdso;
        // mm_init: only VM_INIT_DEF_MASK (VM_NOHUGEPAGE) is inherited; mlockall(MCL_FUTURE)'s VM_LOCKED is not
        mm.defFlags = old.defFlags & VmFlags.NOHUGEPAGE;
        mm.capIpcLock = old.capIpcLock;
        mm.gate = old.gate;
        mm.hasHuge = old.hasHuge;
        mm.rlim = old.rlim.copy();
        for (Vma src : old.vmaList()) {
            if ((src.flags & VmFlags.DONTCOPY) != 0) {
                continue;
            }
            Vma tmp = src.dup(mm);
            if ((tmp.flags & VmFlags.WIPEONFORK) != 0) {
                tmp.anonVma = null;
                tmp.avcCount = 0;
            } else if (src.anonVma != null) {
                // anon_vma_fork: the parent's chain plus the child's own anon_vma
                tmp.anonVma = new AnonVma(src.anonVma);
                tmp.avcCount = src.avcCount + 1;
            }
            tmp.flags &= ~VmFlags.LOCKED_MASK;
            mm.link(tmp);
            mm.totalVm += tmp.pages();
            if ((tmp.flags & VmFlags.WIPEONFORK) == 0) {
                copyPageRange(src, tmp);
            }
        }
        return mm;
    }

    /** vma_needs_copy: PFN maps, anon memory and guard markers are copied; file pages refault instead. */
    static boolean needsCopy(Vma src) {
        return (src.flags & (VmFlags.PFNMAP | VmFlags.MIXEDMAP | VmFlags.MAYBE_GUARD)) != 0 || src.anonVma != null;
    }

    /** copy_page_range: share pages, write-protect COW mappings in both, drop anon exclusivity. */
    static void copyPageRange(Vma src, Vma dst) {
        if (!needsCopy(src)) {
            return;
        }
        MmKernel k = src.mm.k;
        PhysMem phys = k.phys;
        PageTable spt = src.mm.pgd;
        PageTable dpt = dst.mm.pgd;
        boolean cow = src.isCow();
        boolean shared = (src.flags & VmFlags.SHARED) != 0;
        spt.forEachHugePmd(src.start, src.end, (va, pmd) -> {
            long pfn = Pte.pmdPfn(pmd);
            long n = pmd;
            if (pfn != k.hugeZeroPfn && (pmd & Pte.SPECIAL) == 0) {
                for (int i = 0; i < Pages.PMD_PAGES; i++) {
                    phys.get(pfn + i);
                    phys.incMapcount(pfn + i);
                    phys.setAnonExclusive(pfn + i, false);
                }
            }
            if (cow) {
                n &= ~Pte.RW;
            }
            dpt.setHugePmd(va, n & ~Pte.ACCESSED);
            return n;
        });
        spt.forEach(src.start, src.end, (va, pte) -> {
            if (Pte.isGuardMarker(pte)) {
                dpt.set(va, pte);
                return pte;
            }
            if ((pte & (Pte.PRESENT | Pte.PROTNONE)) == 0) {
                return pte;
            }
            long n = pte;
            if (Pages.normal(k, pte)) {
                long pfn = Pte.pfn(pte);
                phys.get(pfn);
                phys.incMapcount(pfn);
                if (phys.kind(pfn) == PhysMem.KIND_ANON) {
                    phys.setAnonExclusive(pfn, false);
                }
            }
            if (cow) {
                n &= ~Pte.RW;
            }
            long child = n & ~Pte.ACCESSED;
            if (shared) {
                child &= ~Pte.DIRTY;
            }
            dpt.set(va, child);
            return n;
        });
    }

    /** exit_mmap: every VMA unmapped, closed and freed; page tables released. */
    public static void exitMmap(Mm mm) {
        for (Vma v : mm.vmaList()) {
            MmapOps.removeVma(mm, v);
        }
        mm.pgd.freePgtables(0, 0);
        mm.lastVma = null;
    }
}
