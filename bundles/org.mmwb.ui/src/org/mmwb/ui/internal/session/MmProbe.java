package org.mmwb.ui.internal.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.MemFile;
import org.mmwb.core.mm.MmStruct;
import org.mmwb.core.mm.PageTableView;
import org.mmwb.core.mm.Task;
import org.mmwb.core.mm.VmArea;

/**
 * What a step can change, read from the kernel before and after it ({@link StepDiff} compares two): the tasks, each
 * live task's VMAs and, when asked and affordable, every present page-table leaf (PTEs and huge PMDs).
 */
final class MmProbe {

    /**
     * Page-table pages (all tasks) above which PTEs are not read: a walk reads 512 entries per table page and
     * keeps every present one (256 pages: at most 128K entries, a few MB).
     */
    static final long PTE_TABLE_BUDGET = 256;
    /** The budget for the steps of a long replay that are not among its last ones. */
    static final long PTE_TABLE_BUDGET_EARLY = 64;

    /** A task as a step can change it. */
    record TaskState(int pid, int parent, boolean alive, int exitSignal) {
    }

    /** The fields of a VMA that vma_merge compares, and its anon_vma. */
    record Vma(long start, long end, long flags, long pgoff, MemFile file, String name, boolean anonVma) {
        long pages() {
            return (end - start) >>> 12;
        }

        /** The same VMA, whether or not it gained an anon_vma (MemFile has identity equality). */
        boolean sameAs(Vma o) {
            return start == o.start && end == o.end && flags == o.flags && pgoff == o.pgoff && file == o.file
                    && java.util.Objects.equals(name, o.name);
        }
    }

    final Map<Integer, TaskState> tasks = new LinkedHashMap<>();
    /** Page-table pages of all tasks. */
    long tablePages;
    /** The OOM killer's messages so far, and the RAM. */
    List<String> oomKills = List.of();
    long ramPages;
    final Map<Integer, List<Vma>> vmas = new HashMap<>();
    /** pid -> page address -> raw leaf entry; null when not read. */
    final Map<Integer, Map<Long, Long>> ptes;

    private MmProbe(boolean withPtes) {
        ptes = withPtes ? new HashMap<>() : null;
    }

    /** Reads the kernel (idle: between steps); PTEs only when the tables have at most {@code tableBudget} pages. */
    static MmProbe take(Kernel k, long tableBudget) {
        long tablePages = 0;
        for (Task t : k.tasks()) {
            MmStruct mm = t.alive() ? t.mm() : null;
            tablePages += mm == null ? 0 : mm.pageTable().tablePages();
        }
        MmProbe p = new MmProbe(tablePages <= tableBudget);
        p.tablePages = tablePages;
        p.oomKills = k.oomKills();
        p.ramPages = k.ramPages();
        for (Task t : k.tasks()) {
            MmStruct mm = t.alive() ? t.mm() : null;
            p.tasks.put(t.pid(), new TaskState(t.pid(), t.parent() == null ? 0 : t.parent().pid(), mm != null,
                    t.exitSignal()));
            if (mm == null) {
                continue;
            }
            List<Vma> list = new ArrayList<>();
            for (VmArea v : mm.vmas()) {
                list.add(new Vma(v.start(), v.end(), v.flags(), v.pgoff(), v.file(), v.name(), v.hasAnonVma()));
            }
            p.vmas.put(t.pid(), list);
            if (p.ptes != null) {
                Map<Long, Long> leaves = new HashMap<>();
                PageTableView pt = mm.pageTable();
                leaves(pt, pt.root(), 0L, leaves);
                p.ptes.put(t.pid(), leaves);
            }
        }
        return p;
    }

    /** Every present leaf below a table: PTEs, and upper-level entries that map (huge) rather than point. */
    private static void leaves(PageTableView pt, int table, long base, Map<Long, Long> out) {
        int depth = pt.depth(table);
        int shift = 12 + 9 * (pt.levels() - 1 - depth);
        for (int i = 0; i < 512; i++) {
            long e = pt.entry(table, i);
            if (e == 0) {
                continue;
            }
            long va = base | ((long) i << shift);
            if (depth == 0 && (va & (1L << (shift + 8))) != 0) {
                va |= -1L << (shift + 9); // the kernel half: sign-extended (canonical) addresses
            }
            int child = pt.child(table, i);
            if (child >= 0) {
                leaves(pt, child, va, out);
            } else {
                out.put(va, e);
            }
        }
    }
}
