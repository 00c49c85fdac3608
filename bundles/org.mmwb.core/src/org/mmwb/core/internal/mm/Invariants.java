package org.mmwb.core.internal.mm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mmwb.core.internal.page.PhysMem;
import org.mmwb.core.internal.pgtable.Pte;
import org.mmwb.core.mm.MemFile;

/**
 * Consistency checks run by tests after every step: VMAs ordered and disjoint, the VMA tree's own B+tree
 * invariants, map_count and total_vm equal to what the VMAs say, every PTE inside a VMA, mapcounts equal to the
 * PTEs that map each page (so RSS, counted from the PTEs, is the pages mapped), refcounts never below mapcounts,
 * nothing negative.
 */
public final class Invariants {
    private Invariants() {
    }

    /** Returns the violations found (empty when consistent). */
    public static List<String> check(MmKernel k, List<Mm> mms) {
        List<String> errs = new ArrayList<>();
        Map<Long, Integer> maps = new HashMap<>();
        Map<Long, Integer> cacheRefs = new HashMap<>();
        java.util.Set<MemFile> files = new java.util.HashSet<>();
        PhysMem phys = k.phys;
        for (Mm mm : mms) {
            long prevEnd = 0;
            int count = 0;
            for (Vma v : mm.vmaList()) {
                count++;
                if (v.start >= v.end || (v.start & 0xfff) != 0 || (v.end & 0xfff) != 0) {
                    errs.add("bad VMA range " + v);
                }
                if (v.start < prevEnd) {
                    errs.add("overlapping VMA " + v);
                }
                if (v.mm != mm) {
                    errs.add("VMA in wrong mm " + v);
                }
                if (v.anonVma != null && v.avcCount < 1) {
                    errs.add("anon_vma without chain " + v);
                }
                prevEnd = v.end;
                if (v.file != null) {
                    files.add(v.file);
                }
            }
            if (count != mm.mapCount()) {
                errs.add("map_count " + mm.mapCount() + " != " + count);
            }
            try {
                mm.tree.checkInvariants();
            } catch (IllegalStateException e) {
                errs.add("VMA tree: " + e.getMessage());
            }
            long pages = 0;
            for (Vma v : mm.vmaList()) {
                pages += v.pages();
            }
            if (pages != mm.totalVm) {
                errs.add("total_vm " + mm.totalVm + " != " + pages + " pages in VMAs");
            }
            mm.pgd.forEach(0, 0, (va, pte) -> {
                Vma v = mm.vmaLookup(va) instanceof Vma x ? x : null;
                if (v == null) {
                    errs.add(String.format("PTE outside any VMA at 0x%x: %s", va, Pte.decode(pte)));
                }
                if (Pages.normal(k, pte)) {
                    maps.merge(Pte.pfn(pte), 1, Integer::sum);
                }
                return pte;
            });
            mm.pgd.forEachHugePmd(0, 0, (va, pmd) -> {
                if (mm.vmaLookup(va) == null || mm.vmaLookup(va + (1 << 21) - 1) == null) {
                    errs.add(String.format("huge PMD outside a VMA at 0x%x", va));
                }
                long pfn = Pte.pmdPfn(pmd);
                if (pfn != k.hugeZeroPfn && (pmd & Pte.SPECIAL) == 0) {
                    for (int i = 0; i < 512; i++) {
                        maps.merge(pfn + i, 1, Integer::sum);
                    }
                }
                return pmd;
            });
        }
        for (MemFile f : files) {
            f.forEachCached((i, pfn) -> cacheRefs.merge(pfn, 1, Integer::sum));
        }
        for (Map.Entry<Long, Integer> e : maps.entrySet()) {
            long pfn = e.getKey();
            int mc = phys.mapcount(pfn);
            int rc = phys.refcount(pfn);
            if (mc != e.getValue()) {
                errs.add(String.format("pfn 0x%x mapcount %d but %d PTEs map it", pfn, mc, e.getValue()));
            }
            int need = e.getValue() + cacheRefs.getOrDefault(pfn, 0);
            if (rc < need) {
                errs.add(String.format("pfn 0x%x refcount %d below its %d references", pfn, rc, need));
            }
            if (mc < 0 || rc < 0) {
                errs.add(String.format("pfn 0x%x negative counts ref=%d map=%d", pfn, rc, mc));
            }
        }
        return errs;
    }
}
