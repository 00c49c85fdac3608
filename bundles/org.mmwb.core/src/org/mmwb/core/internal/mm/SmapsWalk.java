package org.mmwb.core.internal.mm;

import java.util.ArrayList;
import java.util.List;

import org.mmwb.core.internal.page.PhysMem;
import org.mmwb.core.internal.pgtable.Pte;
import org.mmwb.core.mm.MemFile;
import org.mmwb.core.mm.PageInfo;
import org.mmwb.core.mm.Smaps;
import org.mmwb.core.mm.VmFlags;

/**
 * fs/proc/task_mmu.c smaps_pte_entry / smaps_pmd_entry / smaps_account for the workbench's Properties, and a
 * reverse-map walk for the page inspector (what crash's {@code kmem -p} and rmap show).
 */
public final class SmapsWalk {

    private static final long HPAGE = 2L << 20;

    private SmapsWalk() {
    }

    /** smaps of every VMA of mm in address order. */
    public static List<Smaps> smaps(MmKernel k, Mm mm) {
        List<Smaps> out = new ArrayList<>();
        for (Vma v : mm.tree) {
            out.add(smaps(k, v));
        }
        return out;
    }

    /** smaps of the VMA of mm that starts at {@code start}, or null (one walk, not one per VMA). */
    public static Smaps smapsAt(MmKernel k, Mm mm, long start) {
        Vma v = mm.findVma(start);
        return v == null || v.start != start ? null : smaps(k, v);
    }

    private static Smaps smaps(MmKernel k, Vma v) {
        long[] c = new long[9]; // rss sharedClean sharedDirty privateClean privateDirty referenced anon anonHuge
        double[] pss = new double[1];
        PhysMem phys = k.phys;
        v.mm.pgd.forEach(v.start, v.end, (va, pte) -> {
            if (Pages.normal(k, pte)) {
                account(phys, Pte.pfn(pte), 4096, Pte.young(pte), Pte.dirty(pte), c, pss);
            }
            return pte;
        });
        if (v.mm.hasHuge) {
            v.mm.pgd.forEachHugePmd(v.start, v.end, (va, pmd) -> {
                long pfn = Pte.pmdPfn(pmd);
                if (pfn != k.hugeZeroPfn) {
                    account(phys, pfn, HPAGE, Pte.young(pmd), Pte.dirty(pmd), c, pss);
                    if (phys.kind(pfn) == PhysMem.KIND_ANON) {
                        c[7] += HPAGE;
                    }
                }
                return pmd;
            });
        }
        boolean locked = (v.flags & VmFlags.LOCKED) != 0;
        return new Smaps(v.start, c[0], pss[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], 0, locked ? pss[0] : 0,
                thpEligible(v));
    }

    /** smaps_account: a page mapped once (or with a single reference) is private, else its Pss is shared out. */
    private static void account(PhysMem phys, long pfn, long size, boolean young, boolean dirty, long[] c,
            double[] pss) {
        c[0] += size;
        if (young) {
            c[5] += size;
        }
        if (phys.kind(pfn) == PhysMem.KIND_ANON) {
            c[6] += size;
        }
        int mapcount = Math.max(1, phys.mapcount(pfn));
        boolean shared = phys.refcount(pfn) != 1 && mapcount >= 2;
        pss[0] += shared ? (double) size / mapcount : size;
        c[shared ? (dirty ? 2 : 1) : (dirty ? 4 : 3)] += size;
    }

    /**
     * thp_vma_allowable_order(vma, TVA_SMAPS, PMD_ORDER) with THP "madvise": an anonymous VMA with VM_HUGEPAGE
     * (and not VM_NOHUGEPAGE) that holds an aligned 2 MiB block ending at or before vm_end.
     */
    static boolean thpEligible(Vma v) {
        if ((v.flags & VmFlags.HUGEPAGE) == 0 || (v.flags & VmFlags.NOHUGEPAGE) != 0 || v.file != null
                || v.end - v.start < HPAGE) {
            return false;
        }
        long haddr = (v.end - HPAGE) & ~(HPAGE - 1);
        return haddr >= v.start;
    }

    /** The struct page of pfn and, by walking every live mm's page tables, the PTEs that map it. */
    public static PageInfo pageInfo(MmKernel k, List<Mm> mms, List<Integer> pids, long pfn) {
        PhysMem phys = k.phys;
        List<PageInfo.Mapping> maps = new ArrayList<>();
        long[] index = {-1};
        String[] mapping = {""};
        for (int i = 0; i < mms.size(); i++) {
            Mm mm = mms.get(i);
            int pid = pids.get(i);
            mm.pgd.forEach(0, 0, (va, pte) -> {
                if ((pte & (Pte.PRESENT | Pte.PROTNONE)) != 0 && Pte.pfn(pte) == pfn) {
                    Vma v = mm.tree.find(va);
                    if (v != null && v.start <= va) {
                        maps.add(new PageInfo.Mapping(pid, va, v.start, v.name(), pte));
                        if (index[0] < 0) {
                            index[0] = v.pgoff + ((va - v.start) >>> 12);
                            MemFile f = v.file;
                            mapping[0] = phys.isRam(pfn) && phys.kind(pfn) == PhysMem.KIND_ANON ? "anon_vma"
                                    : f != null ? f.name() : "";
                        }
                    }
                }
                return pte;
            });
        }
        String kind;
        List<String> flags = new ArrayList<>();
        boolean ram = phys.isRam(pfn);
        if (!ram) {
            kind = pfn >= PhysMem.IO_PFN_BASE && pfn < PhysMem.IO_PFN_END ? "io" : "not RAM";
        } else if (pfn == phys.zeroPfn()) {
            kind = "zero page";
            flags.add("PG_reserved");
        } else if (!phys.isAllocated(pfn)) {
            kind = "free";
        } else {
            switch (phys.kind(pfn)) {
                case PhysMem.KIND_ANON -> {
                    kind = "anon";
                    flags.addAll(List.of("PG_uptodate", "PG_lru", "PG_swapbacked"));
                    if (phys.anonExclusive(pfn)) {
                        flags.add("PG_anon_exclusive");
                    }
                }
                case PhysMem.KIND_FILE -> {
                    kind = "file";
                    flags.addAll(List.of("PG_uptodate", "PG_lru", "PG_swapbacked"));
                }
                default -> {
                    kind = "kernel";
                    flags.add("PG_reserved");
                }
            }
        }
        if (maps.stream().anyMatch(m -> Pte.dirty(m.pte()))) {
            flags.add("PG_dirty");
        }
        boolean counted = ram && phys.isAllocated(pfn);
        return new PageInfo(pfn, kind, counted ? phys.refcount(pfn) : 0, counted ? phys.mapcount(pfn) : 0, flags,
                mapping[0], index[0], maps);
    }
}
