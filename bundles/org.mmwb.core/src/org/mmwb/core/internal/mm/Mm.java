package org.mmwb.core.internal.mm;

import java.util.ArrayList;
import java.util.List;

import org.mmwb.core.internal.pgtable.PageTable;
import org.mmwb.core.internal.pgtable.Pte;
import org.mmwb.core.internal.vma.VmaTree;
import org.mmwb.core.mm.MmStruct;
import org.mmwb.core.mm.VmArea;

/** {@code struct mm_struct}: the VMA tree, the page table and the layout fields. */
public final class Mm implements MmStruct {
    final VmaTree<Vma> tree = new VmaTree<>();
    final PageTable pgd;
    final long taskSize;
    long mmapBase;
    long startBrk;
    long brk;
    long startStack;
    long contextVdso;
    long defFlags;
    long totalVm;
    long lockedVm;
    /** The task's resource limits (signal->rlim; one task per mm here). */
    Limits.Rlim rlim = new Limits.Rlim();
    /**
     * capable(CAP_IPC_LOCK) for the task of this mm (its credentials; one task per mm here, threads share it).
     * True by default: the scenario processes run as root, as the host helper does. Copied by fork.
     */
    boolean capIpcLock = true;
    /** The gate area (vsyscall page) if the profile has one: shown by maps, not in the tree. */
    Gate gate;
    /** Set once a huge PMD was ever installed here: lets the 4 KiB fast path skip PMD lookups. */
    boolean hasHuge;
    /** One-entry lookup cache for the fault path (the old per-thread vmacache). */
    Vma lastVma;
    /**
     * The owner was chosen by the OOM killer: SIGKILL is pending (fatal_signal_pending). Faults and populate stop
     * at once; the task dies when the current operation returns.
     */
    public boolean oomKilled;

    final MmKernel k;

    Mm(MmKernel k, int levels, long taskSize) {
        this.k = k;
        this.pgd = new PageTable(levels, k.pgtableBudget);
        this.taskSize = taskSize;
    }

    /** The gate VMA of get_gate_vma. */
    record Gate(long start, long end, long flags, String name) {
    }

    @Override
    public Vma findVma(long addr) {
        return tree.find(addr);
    }

    /** vma_lookup with the fault-path cache. */
    Vma lookup(long addr) {
        Vma v = lastVma;
        if (v != null && v.start <= addr && addr < v.end) {
            return v;
        }
        v = tree.find(addr);
        if (v != null && v.start <= addr) {
            lastVma = v;
            return v;
        }
        return null;
    }

    /** vma_prev of vma: the VMA before it, or null. */
    Vma prevOf(Vma vma) {
        return tree.prev(vma.start);
    }

    /** vma_next of vma: the VMA after it, or null. */
    Vma nextOf(Vma vma) {
        return vma.end == 0 ? null : tree.next(vma.end);
    }

    void link(Vma v) {
        tree.insert(v.start, v.end, v);
    }

    void unlink(Vma v) {
        tree.remove(v.start);
        if (lastVma == v) {
            lastVma = null;
        }
    }

    /** Changes a linked VMA's range (vma_set_range + tree store). */
    void setRange(Vma v, long start, long end, long pgoff) {
        if (v.start != start || v.end != end) {
            tree.update(v.start, start, end);
        }
        v.start = start;
        v.end = end;
        v.pgoff = pgoff;
    }

    @Override
    public List<VmArea> vmas() {
        List<VmArea> out = new ArrayList<>(tree.size());
        for (Vma v : tree) {
            out.add(v);
        }
        return out;
    }

    List<Vma> vmaList() {
        List<Vma> out = new ArrayList<>(tree.size());
        for (Vma v : tree) {
            out.add(v);
        }
        return out;
    }

    /** VMAs intersecting [start, end) in order. */
    List<Vma> range(long start, long end) {
        List<Vma> out = new ArrayList<>();
        Vma v = tree.find(start);
        while (v != null && Long.compareUnsigned(v.start, end) < 0) {
            out.add(v);
            v = nextOf(v);
        }
        return out;
    }

    @Override
    public int mapCount() {
        return tree.size();
    }

    @Override
    public long mmapBase() {
        return mmapBase;
    }

    @Override
    public long taskSize() {
        return taskSize;
    }

    @Override
    public long startBrk() {
        return startBrk;
    }

    @Override
    public long brk() {
        return brk;
    }

    @Override
    public long startStack() {
        return startStack;
    }

    @Override
    public long contextVdso() {
        return contextVdso;
    }

    @Override
    public void setContextVdso(long addr) {
        contextVdso = addr;
    }

    @Override
    public long defFlags() {
        return defFlags;
    }

    @Override
    public long totalVm() {
        return totalVm;
    }

    @Override
    public long lockedVm() {
        return lockedVm;
    }

    /** The task's resource limits. */
    public Limits.Rlim rlimits() {
        return rlim;
    }

    @Override
    public int pgtableLevels() {
        return pgd.levels();
    }

    /** The page table itself (engine and friend bundles); API users get the read-only {@link #pageTable()} view. */
    public PageTable pageTable() {
        return pgd;
    }

    /** get_mm_rss: normal pages mapped here (zero page, PFNMAP/IO and special PTEs are not counted). */
    @Override
    public long residentPages() {
        long[] n = new long[1];
        pgd.forEach(0, 0, (va, pte) -> {
            if (Pages.normal(k, pte)) {
                n[0]++;
            }
            return pte;
        });
        if (hasHuge) {
            pgd.forEachHugePmd(0, 0, (va, pmd) -> {
                if (Pte.pmdPfn(pmd) != k.hugeZeroPfn) {
                    n[0] += Pages.PMD_PAGES;
                }
                return pmd;
            });
        }
        return n[0];
    }
}
