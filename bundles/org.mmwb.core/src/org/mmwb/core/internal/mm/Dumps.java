package org.mmwb.core.internal.mm;

import java.util.ArrayList;
import java.util.List;

import org.mmwb.core.internal.page.PhysMem;
import org.mmwb.core.internal.pgtable.PageTable;
import org.mmwb.core.internal.pgtable.Pte;
import org.mmwb.core.mm.PteWalk;
import org.mmwb.core.mm.VmFlags;
import org.mmwb.core.mm.VmaSnapshot;

/** Page-state queries for dumps: pagemap letters, smaps-like snapshots, vtop walks (fs/proc/task_mmu.c). */
public final class Dumps {
    private Dumps() {
    }

    /**
     * The pagemap letter of one page: '.' not present (and every page of a VM_PFNMAP/VM_IO VMA, which pagemap
     * skips), 'Z' zero page, 'A' anonymous mapped once, 'a' anonymous mapped more than once, 'F' file/shmem or
     * kernel page, 'G' guard marker.
     */
    public static char pageState(Mm mm, long va) {
        Vma v = mm.vmaLookup(va) instanceof Vma x ? x : null;
        if (v != null && (v.flags & (VmFlags.PFNMAP | VmFlags.IO)) != 0) {
            return '.';
        }
        PageTable pt = mm.pgd;
        long pte = pt.get(va);
        long pfn;
        if (pte == 0) {
            long pmd = pt.hugePmd(va);
            if (pmd == 0) {
                return '.';
            }
            pfn = Pte.pmdPfn(pmd) + ((va >>> 12) & 511);
            if (Pte.pmdPfn(pmd) == mm.k.hugeZeroPfn) {
                return 'Z';
            }
        } else {
            if (Pte.isGuardMarker(pte)) {
                return 'G';
            }
            if ((pte & (Pte.PRESENT | Pte.PROTNONE)) == 0) {
                return '.';
            }
            pfn = Pte.pfn(pte);
        }
        return letter(mm.k.phys, pfn);
    }

    static char letter(PhysMem phys, long pfn) {
        if (pfn == phys.zeroPfn()) {
            return 'Z';
        }
        if (!phys.isRam(pfn) || !phys.isAllocated(pfn)) {
            return 'F';
        }
        if (phys.kind(pfn) == PhysMem.KIND_ANON) {
            return phys.mapcount(pfn) > 1 ? 'a' : 'A';
        }
        return 'F';
    }

    /** The pages string of [start, end). */
    public static String pages(Mm mm, long start, long end) {
        StringBuilder sb = new StringBuilder((int) Math.min(1 << 20, (end - start) >>> 12));
        for (long va = start; Long.compareUnsigned(va, end) < 0; va += 4096) {
            sb.append(pageState(mm, va));
        }
        return sb.toString();
    }

    /** Every VMA of the mm (and the gate area last), as /proc/PID/smaps would list them. */
    public static List<VmaSnapshot> snapshot(Mm mm) {
        List<VmaSnapshot> out = new ArrayList<>();
        for (Vma v : mm.vmaList()) {
            boolean shmem = v.file != null;
            // maps shows the file offset; an anonymous VMA's vm_pgoff (its start page) is not shown
            out.add(new VmaSnapshot(v.start, v.end, VmFlags.perms(v.flags), shmem ? v.pgoff : 0,
                shmem ? "00:01" : "00:00", shmem ? v.file.ino() : 0, v.name(), v.flags,
                List.of(VmFlags.mnemonics(v.flags)), pages(mm, v.start, v.end), false, null));
        }
        if (mm.gate != null) {
            Mm.Gate g = mm.gate;
            StringBuilder sb = new StringBuilder();
            for (long va = g.start(); Long.compareUnsigned(va, g.end()) < 0; va += 4096) {
                sb.append('.');
            }
            out.add(new VmaSnapshot(g.start(), g.end(), VmFlags.perms(g.flags()), 0, "00:00", 0, g.name(), g.flags(),
                List.of(VmFlags.mnemonics(g.flags())), sb.toString(), true, null));
        }
        return out;
    }

    /** vtop: the entries along the walk of va. */
    public static PteWalk vtop(Mm mm, long va) {
        PageTable pt = mm.pgd;
        long[] buf = new long[pt.levels()];
        int n = pt.walk(va, buf);
        int shown = Math.min(pt.levels(), n + 1);
        long[] entries = new long[shown];
        String[] names = new String[shown];
        String[] decoded = new String[shown];
        boolean huge = false;
        long pfn = -1;
        for (int i = 0; i < shown; i++) {
            entries[i] = buf[i];
            names[i] = pt.levelName(i);
            decoded[i] = Pte.decode(buf[i]);
        }
        long pmd = pt.hugePmd(va);
        if (pmd != 0) {
            huge = true;
            pfn = Pte.pmdPfn(pmd) + ((va >>> 12) & 511);
        } else {
            long pte = pt.get(va);
            if ((pte & (Pte.PRESENT | Pte.PROTNONE)) != 0) {
                pfn = Pte.pfn(pte);
            }
        }
        return new PteWalk(va, names, entries, decoded, huge, pfn, pageState(mm, va));
    }
}
