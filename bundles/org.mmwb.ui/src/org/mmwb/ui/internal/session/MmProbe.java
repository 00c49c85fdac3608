package org.mmwb.ui.internal.session;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
    }

    /**
     * A task's VMAs in address order as columns: a probe of a 200,000-VMA process copies seven arrays, not 200,000
     * objects; {@link #get} makes the record of one VMA when a difference needs it.
     */
    static final class VmaList extends AbstractList<Vma> {
        private final long[] start;
        private final long[] end;
        private final long[] flags;
        private final long[] pgoff;
        private final MemFile[] file;
        private final String[] name;
        private final boolean[] anonVma;

        VmaList(List<? extends VmArea> vmas) {
            int n = vmas.size();
            start = new long[n];
            end = new long[n];
            flags = new long[n];
            pgoff = new long[n];
            file = new MemFile[n];
            name = new String[n];
            anonVma = new boolean[n];
            int i = 0;
            for (VmArea v : vmas) {
                start[i] = v.start();
                end[i] = v.end();
                flags[i] = v.flags();
                pgoff[i] = v.pgoff();
                file[i] = v.file();
                name[i] = v.name();
                anonVma[i++] = v.hasAnonVma();
            }
        }

        @Override
        public Vma get(int i) {
            return new Vma(start[i], end[i], flags[i], pgoff[i], file[i], name[i], anonVma[i]);
        }

        @Override
        public int size() {
            return start.length;
        }

        long start(int i) {
            return start[i];
        }

        long end(int i) {
            return end[i];
        }

        long flags(int i) {
            return flags[i];
        }

        MemFile file(int i) {
            return file[i];
        }

        /** VMA i here is VMA j of {@code o}, whether or not it gained an anon_vma (MemFile: identity). */
        boolean same(int i, VmaList o, int j) {
            return start[i] == o.start[j] && end[i] == o.end[j] && flags[i] == o.flags[j] && pgoff[i] == o.pgoff[j]
                    && file[i] == o.file[j] && Objects.equals(name[i], o.name[j]);
        }
    }

    final Map<Integer, TaskState> tasks = new LinkedHashMap<>();
    /** Page-table pages of all tasks. */
    long tablePages;
    /** The OOM killer's messages so far, and the RAM. */
    List<String> oomKills = List.of();
    long ramPages;
    final Map<Integer, VmaList> vmas = new HashMap<>();
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
            p.vmas.put(t.pid(), new VmaList(mm.vmas()));
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
