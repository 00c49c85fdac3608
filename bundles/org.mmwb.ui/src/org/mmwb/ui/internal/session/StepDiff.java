package org.mmwb.ui.internal.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mmwb.core.internal.pgtable.Pte;
import org.mmwb.core.mm.Signals;
import org.mmwb.core.mm.VmFlags;
import org.mmwb.ui.internal.session.MmProbe.TaskState;
import org.mmwb.ui.internal.session.MmProbe.Vma;
import org.mmwb.ui.internal.session.MmProbe.VmaList;
import org.mmwb.ui.internal.session.StepChange.Kind;

/**
 * What changed between two {@link MmProbe}s, in the kernel's terms: tasks forked, exited or killed; VMAs added,
 * removed, split (__split_vma), merged (vma_merge / vma_expand), resized, moved or given new flags; why a VMA the
 * step made was not merged with an adjacent one of the same permissions (is_mergeable_vma,
 * is_mergeable_anon_vma, VM_SPECIAL); PTEs installed, changed (bits and frame) and zapped.
 */
final class StepDiff {

    /** PTE changes listed one by one per process and kind; the rest are counted. */
    static final int PTE_LINES = 64;

    private final List<StepChange> out = new ArrayList<>();

    private StepDiff() {
    }

    /** The changes from {@code a} to {@code b}. */
    static List<StepChange> compare(MmProbe a, MmProbe b) {
        StepDiff d = new StepDiff();
        d.tasks(a, b);
        for (Map.Entry<Integer, VmaList> e : b.vmas.entrySet()) {
            VmaList before = a.vmas.get(e.getKey());
            if (before != null) {
                d.vmas(e.getKey(), before, e.getValue(), b.tasks.get(e.getKey()));
            }
        }
        if (a.ptes != null && b.ptes != null) {
            for (TaskState t : b.tasks.values()) {
                Map<Long, Long> before = a.ptes.getOrDefault(t.pid(), Map.of());
                Map<Long, Long> after = b.ptes.getOrDefault(t.pid(), Map.of());
                if (a.tasks.containsKey(t.pid())) {
                    d.ptes(t.pid(), before, after);
                    VmaList vmas = b.vmas.get(t.pid());
                    if (vmas != null) {
                        d.thpNote(t.pid(), before, after, vmas);
                    }
                }
            }
        }
        return d.out;
    }

    private void add(Kind k, int pid, long addr, String text) {
        out.add(new StepChange(k, pid, addr, text));
    }

    private void tasks(MmProbe a, MmProbe b) {
        for (String m : b.oomKills.subList(Math.min(a.oomKills.size(), b.oomKills.size()), b.oomKills.size())) {
            add(Kind.NOTE, 0, -1, "the OOM killer ran: the machine has " + (b.ramPages >> 8) + " MiB of RAM ("
                    + b.ramPages + " pages) and an allocation found none free; select_bad_process chose the task with "
                    + "the highest oom_badness (RSS + page tables + swap). dmesg: " + m);
        }
        for (TaskState t : b.tasks.values()) {
            TaskState old = a.tasks.get(t.pid());
            if (old == null) {
                add(Kind.TASK, t.pid(), -1, "pid " + t.pid() + " created: fork of pid " + t.parent()
                        + " (dup_mmap copied its VMAs; private pages are now shared copy-on-write)");
            } else if (old.alive() && !t.alive()) {
                add(Kind.TASK, t.pid(), -1, t.exitSignal() == Signals.SIGKILL
                        ? "pid " + t.pid() + " killed by SIGKILL from the OOM killer (out_of_memory chose it): "
                                + "exit_mmap freed its memory"
                        : "pid " + t.pid() + " exited: exit_mmap unmapped every VMA and freed its page tables");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- VMAs

    private void vmas(int pid, VmaList before, VmaList after, TaskState task) {
        // both lists are in address order: one merge walk skips the unchanged VMAs, O(n) without allocating, and
        // leaves the removed and added ones in address order too (for the binary searches of overlapping)
        List<Vma> removed = new ArrayList<>();
        List<Vma> added = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < before.size() || j < after.size()) {
            boolean b = i < before.size();
            boolean a = j < after.size();
            if (b && a && before.same(i, after, j)) {
                i++;
                j++;
            } else if (!a || b && Long.compareUnsigned(before.start(i), after.start(j)) <= 0) {
                removed.add(before.get(i));
                if (a && before.start(i) == after.start(j)) {
                    added.add(after.get(j++));
                }
                i++;
            } else {
                added.add(after.get(j++));
            }
        }
        Set<Vma> done = new LinkedHashSet<>();
        for (Vma r : removed) {
            List<Vma> parts = overlapping(r, added);
            if (parts.size() >= 2 && parts.stream().allMatch(p -> overlapping(p, removed).size() == 1)) {
                add(Kind.VMA, pid, r.start(), "split " + range(r) + " " + perms(r) + " into " + list(parts)
                        + " (__split_vma)");
                done.add(r);
                done.addAll(parts);
            }
        }
        for (Vma x : added) {
            if (done.contains(x)) {
                continue;
            }
            List<Vma> olds = overlapping(x, removed);
            if (olds.size() >= 2) {
                add(Kind.VMA, pid, x.start(), "merged " + list(olds) + " into " + range(x) + " " + perms(x)
                        + " (vma_merge)");
                done.add(x);
                done.addAll(olds);
            } else if (olds.size() == 1 && !done.contains(olds.get(0))) {
                Vma y = olds.get(0);
                add(Kind.VMA, pid, x.start(), changed(y, x));
                done.add(x);
                done.add(y);
            }
        }
        List<Vma> newOnes = added.stream().filter(x -> !done.contains(x)).toList();
        List<Vma> goneOnes = removed.stream().filter(x -> !done.contains(x)).toList();
        if (newOnes.size() == 1 && goneOnes.size() == 1 && newOnes.get(0).pages() == goneOnes.get(0).pages()
                && newOnes.get(0).flags() == goneOnes.get(0).flags()) {
            add(Kind.VMA, pid, newOnes.get(0).start(), "moved " + range(goneOnes.get(0)) + " to "
                    + range(newOnes.get(0)) + " " + perms(newOnes.get(0)) + " (mremap: move_vma)");
        } else {
            for (Vma x : newOnes) {
                add(Kind.VMA, pid, x.start(), "added " + range(x) + " " + perms(x) + name(x));
            }
            for (Vma y : goneOnes) {
                add(Kind.VMA, pid, y.start(), "removed " + range(y) + " " + perms(y) + name(y));
            }
        }
        for (Vma x : added) {
            noMerge(pid, x, after, task);
        }
    }

    private static String changed(Vma y, Vma x) {
        if (x.start() == y.start() && x.end() == y.end()) {
            if (x.flags() != y.flags()) {
                return range(x) + ": vm_flags " + flagDelta(y.flags(), x.flags())
                        + (perms(x).equals(perms(y)) ? "" : " (" + perms(y) + " -> " + perms(x) + ")");
            }
            return range(x) + ": vm_pgoff 0x" + Long.toHexString(y.pgoff()) + " -> 0x" + Long.toHexString(x.pgoff());
        }
        String how = x.start() <= y.start() && x.end() >= y.end() ? "grew" : y.start() <= x.start()
                && y.end() >= x.end() ? "shrank" : "moved";
        String why = how.equals("grew") ? " (vma_expand: merged with the new range)" : "";
        return how + " " + range(y) + " to " + range(x) + " " + perms(x) + why
                + (x.flags() != y.flags() ? ", vm_flags " + flagDelta(y.flags(), x.flags()) : "");
    }

    /**
     * Why {@code x}, which this step made, sits beside a VMA of the same permissions without being merged:
     * the first rule of vma_merge that fails, as far as the VMAs show it.
     */
    private void noMerge(int pid, Vma x, List<Vma> after, TaskState task) {
        int at = firstEndingAfter(after, x.start());
        for (int k = Math.max(0, at - 1); k <= at + 1 && k < after.size(); k++) { // its neighbours
            Vma n = after.get(k);
            boolean prev = n.end() == x.start();
            boolean next = x.end() == n.start();
            if (!(prev || next) || !perms(n).equals(perms(x))) {
                continue;
            }
            Vma lo = prev ? n : x;
            Vma hi = prev ? x : n;
            String why = mergeRefusal(lo, hi, task);
            if (why != null) {
                add(Kind.NO_MERGE, pid, x.start(), "not merged with " + range(n) + ": " + why);
            }
        }
    }

    /** The vma_merge rule that keeps {@code lo} and {@code hi} (adjacent, lo first) apart, or null. */
    static String mergeRefusal(Vma lo, Vma hi, TaskState task) {
        long diff = (lo.flags() ^ hi.flags()) & ~VmFlags.IGNORE_MERGE;
        if (((lo.flags() | hi.flags()) & VmFlags.SPECIAL) != 0) {
            return "VM_SPECIAL mappings (VM_IO, VM_DONTEXPAND, VM_PFNMAP, VM_MIXEDMAP) are never merged";
        }
        if (diff != 0) {
            String names = String.join(" ", VmFlags.mnemonics(diff));
            return (diff & VmFlags.ACCOUNT) != 0
                    ? "VM_ACCOUNT differs (one is charged to overcommit, the other is not, e.g. MAP_NORESERVE or "
                            + "read-only private): is_mergeable_vma compares vm_flags [" + names + "]"
                    : "vm_flags differ [" + names + "]: is_mergeable_vma";
        }
        if (lo.file() != hi.file()) {
            return "different files (vm_file): is_mergeable_vma";
        }
        if (!lo.name().equals(hi.name())) {
            return "different names (" + (lo.name().isEmpty() ? "[anon]" : lo.name()) + ", "
                    + (hi.name().isEmpty() ? "[anon]" : hi.name()) + ")";
        }
        if (lo.pgoff() + lo.pages() != hi.pgoff()) {
            return "vm_pgoff not contiguous (0x" + Long.toHexString(lo.pgoff()) + " + " + lo.pages() + " pages != 0x"
                    + Long.toHexString(hi.pgoff()) + "): can_vma_merge_after";
        }
        if (lo.anonVma() && hi.anonVma()) {
            return "each has its own anon_vma (both were faulted before they became adjacent): "
                    + "is_mergeable_anon_vma";
        }
        if ((lo.anonVma() || hi.anonVma()) && task != null && task.parent() != 0) {
            return "the faulted one's anon_vma_chain also links the parent's anon_vma (a fork child's VMA): "
                    + "is_mergeable_anon_vma needs a single-entry chain";
        }
        return null;
    }

    /** The VMAs of {@code in} (in address order) that overlap {@code v}: a binary search, then the run. */
    private static List<Vma> overlapping(Vma v, List<Vma> in) {
        List<Vma> out = new ArrayList<>(2);
        for (int k = firstEndingAfter(in, v.start()); k < in.size()
                && Long.compareUnsigned(in.get(k).start(), v.end()) < 0; k++) {
            out.add(in.get(k));
        }
        return out;
    }

    /** The index of the first VMA of {@code in} (address order) that ends above {@code addr}, or in.size(). */
    private static int firstEndingAfter(List<Vma> in, long addr) {
        int lo = 0;
        int hi = in.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(in.get(mid).end(), addr) > 0) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static String range(Vma v) {
        return "0x" + Long.toHexString(v.start()) + "-0x" + Long.toHexString(v.end());
    }

    private static String perms(Vma v) {
        return VmFlags.perms(v.flags());
    }

    private static String name(Vma v) {
        return v.name().isEmpty() ? "" : " " + v.name();
    }

    private static String list(List<Vma> vs) {
        StringBuilder sb = new StringBuilder();
        for (Vma v : vs) {
            sb.append(sb.isEmpty() ? "" : ", ").append(range(v)).append(' ').append(perms(v));
        }
        return sb.toString();
    }

    /** "+ac -wr" in smaps mnemonics. */
    private static String flagDelta(long from, long to) {
        StringBuilder sb = new StringBuilder();
        for (String m : VmFlags.mnemonics(to & ~from)) {
            sb.append(sb.isEmpty() ? "" : " ").append('+').append(m);
        }
        for (String m : VmFlags.mnemonics(from & ~to)) {
            sb.append(sb.isEmpty() ? "" : " ").append('-').append(m);
        }
        return sb.isEmpty() ? "unchanged" : sb.toString();
    }

    // ------------------------------------------------------------------------------------------------- PTEs

    private void ptes(int pid, Map<Long, Long> before, Map<Long, Long> after) {
        List<Long> installed = new ArrayList<>();
        List<Long> changed = new ArrayList<>();
        List<Long> zapped = new ArrayList<>();
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            Long old = before.get(e.getKey());
            if (old == null) {
                installed.add(e.getKey());
            } else if (!old.equals(e.getValue())) {
                changed.add(e.getKey());
            }
        }
        for (Long va : before.keySet()) {
            if (!after.containsKey(va)) {
                zapped.add(va);
            }
        }
        installed.sort(Long::compareUnsigned);
        changed.sort(Long::compareUnsigned);
        zapped.sort(Long::compareUnsigned);
        lines(pid, installed, Kind.PTE_INSTALLED, "installed", va -> Pte.decode(after.get(va)));
        lines(pid, changed, Kind.PTE_CHANGED, "changed", va -> bitDelta(before.get(va), after.get(va)));
        lines(pid, zapped, Kind.PTE_ZAPPED, "zapped", va -> "was " + Pte.decode(before.get(va)) + " (zap_pte_range)");
    }

    /**
     * THP is "madvise" (the profile's and this host's setting): a large private anonymous VMA without VM_HUGEPAGE
     * gets a 4 KiB page per fault, never a 2 MiB one (thp_vma_allowable_order says no).
     */
    private void thpNote(int pid, Map<Long, Long> before, Map<Long, Long> after, VmaList vmas) {
        for (int i = 0; i < vmas.size(); i++) {
            if (vmas.end(i) - vmas.start(i) < HPAGE || vmas.file(i) != null || (vmas.flags(i) & VmFlags.SHARED) != 0
                    || (vmas.flags(i) & VmFlags.HUGEPAGE) != 0) {
                continue;
            }
            Vma v = vmas.get(i);
            long n = after.keySet().stream().filter(va -> !before.containsKey(va)
                    && Long.compareUnsigned(va, v.start()) >= 0 && Long.compareUnsigned(va, v.end()) < 0).count();
            if (n >= 2) {
                add(Kind.NOTE, pid, v.start(), n + " small pages in " + range(v) + ": transparent hugepages are "
                        + "\"madvise\" (/sys/kernel/mm/transparent_hugepage/enabled), and this VMA has no VM_HUGEPAGE "
                        + "(madvise MADV_HUGEPAGE), so each 4 KiB page took its own fault (do_anonymous_page)");
            }
        }
    }

    private static final long HPAGE = 2L << 20;

    private void lines(int pid, List<Long> vas, Kind kind, String what,
            java.util.function.LongFunction<String> detail) {
        int n = 0;
        for (long va : vas) {
            if (n++ == PTE_LINES) {
                int rest = vas.size() - PTE_LINES;
                out.add(new StepChange(kind, pid, -1, "... and " + rest + " more PTEs " + what, rest));
                break;
            }
            add(kind, pid, va, "PTE 0x" + Long.toHexString(va) + " " + what + ": " + detail.apply(va));
        }
    }

    /** "+RW +D, pfn 0x10a -> 0x10b (a new page: copy-on-write)". */
    static String bitDelta(long from, long to) {
        List<String> a = tokens(from);
        List<String> b = tokens(to);
        StringBuilder sb = new StringBuilder();
        for (String t : b) {
            if (!a.contains(t)) {
                sb.append(sb.isEmpty() ? "" : " ").append('+').append(t);
            }
        }
        for (String t : a) {
            if (!b.contains(t)) {
                sb.append(sb.isEmpty() ? "" : " ").append('-').append(t);
            }
        }
        if (Pte.pfn(from) != Pte.pfn(to)) {
            sb.append(sb.isEmpty() ? "" : ", ").append("pfn 0x").append(Long.toHexString(Pte.pfn(from)))
                    .append(" -> 0x").append(Long.toHexString(Pte.pfn(to))).append(" (another page: a copy-on-write "
                            + "copy or a replaced zero page)");
        }
        return sb.toString();
    }

    private static List<String> tokens(long pte) {
        return Arrays.stream(Pte.decode(pte).split(" ")).filter(t -> !t.startsWith("pfn=")).toList();
    }
}
