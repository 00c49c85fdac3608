package org.mmwb.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.mmwb.core.mm.FaultRecord;
import org.mmwb.core.mm.VmaSnapshot;

/**
 * Compares two runs of the same scenario (typically simulator vs live kernel) and lists where they disagree: op
 * results, VMAs, page letters, faults. {@code ./mmwb diff} prints {@link Result#format()}.
 *
 * <h2>Addresses are compared symbolically where machines legitimately differ</h2>
 * The runner names an address with a {@code sym} when its value depends on the machine rather than on the
 * scenario, and this comparison then compares the names instead of the numbers:
 * <ul>
 * <li>A kernel-chosen address (mmap without {@code fixed}/{@code noreplace} whose hint was not honoured or was 0;
 * mremap that moved without {@code fixed=}) starts a new base named after its binding ({@code $a}) or its line
 * ({@code @12}); addresses inside that mapping are {@code $a+0x1000}.</li>
 * <li>Mappings placed by exec ({@code [vdso]}, {@code [vvar]}, {@code [vvar_vclock]}, {@code [stack]}, {@code [heap]})
 * are bases under their own names, as they were before the first operation; {@code [stack]} also names the 8M
 * below it (stack growth). An address computed from one ({@code [vdso]-1M} with {@code fixed}) keeps that form.</li>
 * <li>brk results are relative to the break before the first brk of the run: {@code [brk]+0x21000}.</li>
 * <li>Everything else is absolute and compared as a number: literal addresses, fixed placements in the scenario's
 * own window (e.g. 0x100000000000), a hint the kernel honoured.</li>
 * </ul>
 * Results: two results agree when their texts agree, or, where either has a {@code sym}, when their syms agree
 * (so the kernel honouring a hint on one machine and not on the other is reported). VMAs are matched by key: a
 * bracketed name ({@code [vdso]}, with an occurrence number if it appears twice) — compared by name, size, perms,
 * flags and pages, never by address, as ASLR moves them; else the {@code sym} of the start; else the absolute start.
 * Matched VMAs must agree in size, perms, pgoff, name, VmFlags (in order) and page letters, except that in
 * {@code [stack]} and {@code [vdso]} a page present on one side only is not a difference (the live process uses
 * its own stack, and its dynamic linker reads the vDSO). Dumps are matched by
 * (line, pid), the final states by pid. Results are matched by line: each line runs once.
 * <h2>Faults</h2>
 * Each run says which faults it holds ({@link RunReport.FaultCapture}). When either could not observe its faults
 * they are not compared, and the result says so ({@link Result#faultsCompared()}, a note). When either holds only
 * the user-mode faults (the live kernel's exceptions:page_fault_user: the scenario's own accesses), both are reduced
 * to their user-mode faults (the simulator's GUP faults, from populate and mlock, have no counterpart) and compared
 * as a sequence of (pid, page, access), page symbolic where named; the first difference is reported with both
 * counts. A fault in [vdso] or [stack] that one side took and the other did not is skipped, as page letters there
 * are (see below). Two complete fault logs (two simulator runs) are compared by position: pid, access, address (symbolic
 * where named), pgoff, result, handler; PFNs never.
 */
public final class ReportComparison {

    private ReportComparison() {
    }

    /** What disagrees. */
    public enum Kind {
        PROFILE, RESULT, DUMP, VMA, PAGES, FAULT
    }

    /**
     * One disagreement.
     *
     * @param kind  what part of the report
     * @param where where: {@code line 3 pid 1 mmap}, {@code dump line 7 pid 1 VMA $a}
     * @param what  which property: {@code result}, {@code perms}, {@code pages}, {@code only in sim}, ...
     * @param left  the left run's value ("" when absent)
     * @param right the right run's value ("" when absent)
     */
    public record Disagreement(Kind kind, String where, String what, String left, String right) {
    }

    /**
     * The outcome.
     *
     * @param leftName      label of the left run, e.g. {@code sim}
     * @param rightName     label of the right run, e.g. {@code kernel}
     * @param disagreements every disagreement in report order
     * @param notes         things not compared and why
     * @param faultsCompared false when a side could not observe its faults (a note says which and why)
     */
    public record Result(String leftName, String rightName, List<Disagreement> disagreements, List<String> notes,
            boolean faultsCompared) {

        public Result {
            disagreements = List.copyOf(disagreements);
            notes = List.copyOf(notes);
        }

        /** A result whose faults were compared. */
        public Result(String leftName, String rightName, List<Disagreement> disagreements, List<String> notes) {
            this(leftName, rightName, disagreements, notes, true);
        }

        public boolean agree() {
            return disagreements.isEmpty();
        }

        /** One line per disagreement ({@code WHERE: WHAT: sim X, kernel Y}), then notes, then a summary. */
        public String format() {
            StringBuilder sb = new StringBuilder();
            for (Disagreement d : disagreements) {
                sb.append(d.where()).append(": ").append(d.what());
                if (d.what().startsWith("only in")) {
                    sb.append(": ").append(d.left().isEmpty() ? d.right() : d.left());
                } else {
                    sb.append(": ").append(leftName).append(' ').append(show(d.left())).append(", ")
                            .append(rightName).append(' ').append(show(d.right()));
                }
                sb.append('\n');
            }
            for (String n : notes) {
                sb.append("note: ").append(n).append('\n');
            }
            sb.append(disagreements.isEmpty() ? leftName + " and " + rightName + " agree"
                    : disagreements.size() + " disagreement" + (disagreements.size() == 1 ? "" : "s") + " between "
                            + leftName + " and " + rightName).append('\n');
            return sb.toString();
        }

        private static String show(String v) {
            return v.isEmpty() ? "(none)" : v;
        }
    }

    public static Result compare(RunReport left, RunReport right) {
        return compare(left, "sim", right, "kernel");
    }

    public static Result compare(RunReport left, String leftName, RunReport right, String rightName) {
        List<Disagreement> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!Objects.equals(left.profile(), right.profile())) {
            out.add(new Disagreement(Kind.PROFILE, "report", "profile", left.profile(), right.profile()));
        }
        compareResults(left, leftName, right, rightName, out);
        compareDumps(left, leftName, right, rightName, out);
        boolean faults = compareFaults(left, right, leftName, rightName, out, notes);
        return new Result(leftName, rightName, out, notes, faults);
    }

    /** Per-page differences listed for one operation; the rest are counted (a 1 GiB touch has 262,144 pages). */
    static final int MAX_PAGE_DISAGREEMENTS = 10;

    /**
     * Records are matched by line and occurrence: a line inside a {@code repeat} loop runs once per iteration, and
     * its n-th result on one side is compared with its n-th on the other.
     */
    private static String occurrenceKey(Map<String, Integer> seen, String key) {
        int n = seen.merge(key, 1, Integer::sum);
        return n == 1 ? key : key + " #" + n;
    }

    private static void compareResults(RunReport l, String ln, RunReport r, String rn, List<Disagreement> out) {
        Map<String, OpRecord> rightByLine = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (OpRecord o : r.results()) {
            rightByLine.put(occurrenceKey(seen, "line " + o.line()), o);
        }
        seen.clear();
        for (OpRecord a : l.results()) {
            String key = occurrenceKey(seen, "line " + a.line());
            OpRecord b = rightByLine.remove(key);
            String where = key + " pid " + a.pid() + " " + a.op();
            if (b == null) {
                out.add(new Disagreement(Kind.RESULT, where, "only in " + ln, ReportText.results(a.results()), ""));
                continue;
            }
            if (!a.op().equals(b.op())) {
                out.add(new Disagreement(Kind.RESULT, "line " + a.line(), "op", a.op(), b.op()));
                continue;
            }
            if (a.pid() != b.pid()) {
                out.add(new Disagreement(Kind.RESULT, where, "pid", "" + a.pid(), "" + b.pid()));
            }
            if (!a.perPage() && !b.perPage()) {
                String x = resultKey(a);
                String y = resultKey(b);
                if (!x.equals(y)) {
                    out.add(new Disagreement(Kind.RESULT, where, "result", shown(a), shown(b)));
                }
                continue;
            }
            int n = Math.max(a.results().size(), b.results().size());
            int differing = 0;
            for (int i = 0; i < n; i++) {
                String x = i < a.results().size() ? a.results().get(i).text() : "";
                String y = i < b.results().size() ? b.results().get(i).text() : "";
                if (!x.equals(y) && ++differing <= MAX_PAGE_DISAGREEMENTS) {
                    out.add(new Disagreement(Kind.RESULT, where, "page " + i, x, y));
                }
            }
            if (differing > MAX_PAGE_DISAGREEMENTS) {
                out.add(new Disagreement(Kind.RESULT, where, "pages", (differing - MAX_PAGE_DISAGREEMENTS)
                        + " more pages differ", ""));
            }
        }
        for (OpRecord b : rightByLine.values()) {
            out.add(new Disagreement(Kind.RESULT, "line " + b.line() + " pid " + b.pid() + " " + b.op(),
                    "only in " + rn, "", ReportText.results(b.results())));
        }
    }

    /** What a single result is compared by: its sym when named, else its text. */
    private static String resultKey(OpRecord o) {
        return o.sym() != null ? "sym:" + o.sym() : o.result() == null ? "" : o.result().text();
    }

    private static String shown(OpRecord o) {
        String t = o.result() == null ? "" : o.result().text();
        return o.sym() != null ? t + " (" + o.sym() + ")" : t;
    }

    private static String dumpKey(DumpRecord d) {
        return (d.line() == null ? "final" : "dump line " + d.line()) + " pid " + d.pid();
    }

    private static void compareDumps(RunReport l, String ln, RunReport r, String rn, List<Disagreement> out) {
        Map<String, DumpRecord> rightDumps = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (DumpRecord d : r.dumps()) {
            rightDumps.putIfAbsent(occurrenceKey(seen, dumpKey(d)), d);
        }
        seen.clear();
        for (DumpRecord a : l.dumps()) {
            String key = occurrenceKey(seen, dumpKey(a));
            DumpRecord b = rightDumps.remove(key);
            if (b == null) {
                out.add(new Disagreement(Kind.DUMP, key, "only in " + ln, a.vmas().size() + " VMAs", ""));
                continue;
            }
            compareVmas(key, a.vmas(), ln, b.vmas(), rn, out);
        }
        for (Map.Entry<String, DumpRecord> e : rightDumps.entrySet()) {
            out.add(new Disagreement(Kind.DUMP, e.getKey(), "only in " + rn, "", e.getValue().vmas().size()
                    + " VMAs"));
        }
    }

    /** The key a VMA is matched by (see the class comment). */
    public static String vmaKey(VmaSnapshot v, Map<String, Integer> seen) {
        String base;
        if (v.isSpecialName()) {
            base = v.name();
        } else if (v.sym() != null) {
            base = v.sym();
        } else {
            return "0x" + Long.toHexString(v.start());
        }
        int n = seen.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "#" + n;
    }

    private static void compareVmas(String dump, List<VmaSnapshot> as, String ln, List<VmaSnapshot> bs, String rn,
            List<Disagreement> out) {
        Map<String, VmaSnapshot> right = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (VmaSnapshot b : bs) {
            right.put(vmaKey(b, seen), b);
        }
        seen.clear();
        for (VmaSnapshot a : as) {
            String key = vmaKey(a, seen);
            VmaSnapshot b = right.remove(key);
            String where = dump + " VMA " + key;
            if (b == null) {
                out.add(new Disagreement(Kind.VMA, where, "only in " + ln, ReportText.mapsLine(a).strip(), ""));
                continue;
            }
            if (a.size() != b.size()) {
                out.add(new Disagreement(Kind.VMA, where, "size", "0x" + Long.toHexString(a.size()),
                        "0x" + Long.toHexString(b.size())));
            }
            diff(out, where, "perms", a.perms(), b.perms());
            diff(out, where, "pgoff", "" + a.pgoff(), "" + b.pgoff());
            diff(out, where, "name", a.name(), b.name());
            diff(out, where, "VmFlags", String.join(" ", a.flags()), String.join(" ", b.flags()));
            int i = firstPageDifference(a.name(), a.pages(), b.pages());
            if (i >= 0) {
                out.add(new Disagreement(Kind.PAGES, where, "pages (first difference at page " + i + ")", a.pages(),
                        b.pages()));
            }
        }
        for (Map.Entry<String, VmaSnapshot> e : right.entrySet()) {
            out.add(new Disagreement(Kind.VMA, dump + " VMA " + e.getKey(), "only in " + rn, "",
                    ReportText.mapsLine(e.getValue()).strip()));
        }
    }

    /** Mappings a live process uses by itself: its own stack, and the vDSO the dynamic linker reads at start. */
    private static final java.util.Set<String> SELF_USED = java.util.Set.of("[stack]", "[vdso]");

    /**
     * The first page whose letters differ, or -1. In {@link #SELF_USED} mappings a page present on one side and
     * not present ({@code .}) on the other is not a difference: the process behind a live run touches them itself.
     */
    static int firstPageDifference(String name, String a, String b) {
        if (a.length() != b.length()) {
            int i = 0;
            while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
                i++;
            }
            return i;
        }
        boolean selfUsed = SELF_USED.contains(name);
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y && !(selfUsed && (x == '.' || y == '.'))) {
                return i;
            }
        }
        return -1;
    }

    private static void diff(List<Disagreement> out, String where, String what, String a, String b) {
        if (!a.equals(b)) {
            out.add(new Disagreement(Kind.VMA, where, what, a, b));
        }
    }

    /** Compares the faults (see the class comment); returns false when they could not be compared. */
    private static boolean compareFaults(RunReport l, RunReport r, String ln, String rn, List<Disagreement> out,
            List<String> notes) {
        RunReport.FaultCapture lc = l.faultCapture();
        RunReport.FaultCapture rc = r.faultCapture();
        if (!lc.captured() || !rc.captured()) {
            RunReport.FaultCapture missing = lc.captured() ? rc : lc;
            notes.add("faults not compared: the " + (lc.captured() ? rn : ln) + " run did not capture faults"
                    + (missing.note() == null ? "" : " (" + missing.note() + ")"));
            return false;
        }
        if (lc.scope().equals(RunReport.FaultCapture.USER) || rc.scope().equals(RunReport.FaultCapture.USER)) {
            compareUserFaults(l, r, ln, rn, out);
            return true;
        }
        int n = Math.max(l.faults().size(), r.faults().size());
        int differing = 0;
        for (int i = 0; i < n; i++) {
            FaultRecord a = i < l.faults().size() ? l.faults().get(i) : null;
            FaultRecord b = i < r.faults().size() ? r.faults().get(i) : null;
            String where = "fault " + i;
            if (a == null || b == null) {
                if (++differing <= MAX_PAGE_DISAGREEMENTS) {
                    out.add(new Disagreement(Kind.FAULT, where, "only in " + (a == null ? rn : ln),
                            a == null ? "" : ReportText.faultLine(a), b == null ? "" : ReportText.faultLine(b)));
                }
                continue;
            }
            String fa = faultKey(a);
            String fb = faultKey(b);
            if (!fa.equals(fb) && ++differing <= MAX_PAGE_DISAGREEMENTS) {
                out.add(new Disagreement(Kind.FAULT, where, "fault", fa, fb));
            }
        }
        if (differing > MAX_PAGE_DISAGREEMENTS) {
            out.add(new Disagreement(Kind.FAULT, "faults", "count", (differing - MAX_PAGE_DISAGREEMENTS)
                    + " more faults differ", ""));
        }
        return true;
    }

    /**
     * The user-mode faults of both runs as sequences of (pid, page, access): one disagreement at the first
     * difference, naming the position and both counts (a later difference usually follows from the first). As with
     * page letters, a fault in [vdso] or [stack] that only one side took is not a difference: the live process
     * touched those pages itself (its dynamic linker reads the vDSO, it runs on its stack), so its accesses there
     * may find them present.
     */
    private static void compareUserFaults(RunReport l, RunReport r, String ln, String rn, List<Disagreement> out) {
        List<FaultRecord> a = userFaults(l.faults());
        List<FaultRecord> b = userFaults(r.faults());
        int i = 0;
        int j = 0;
        while (j < b.size()) {
            String y = userFaultKey(b.get(j));
            // the next fault the left side must have taken; self-used ones before it may be missing on the right
            int k = i;
            while (k < a.size() && selfUsed(a.get(k))) {
                k++;
            }
            int m = -1;
            if (k < a.size() && userFaultKey(a.get(k)).equals(y)) {
                m = k;
            } else {
                for (int x = i; x < k && m < 0; x++) {
                    m = userFaultKey(a.get(x)).equals(y) ? x : -1;
                }
            }
            if (m >= 0) {
                i = m + 1;
                j++;
            } else if (selfUsed(b.get(j))) {
                j++;
            } else {
                break;
            }
        }
        while (i < a.size() && selfUsed(a.get(i))) {
            i++;
        }
        if (i == a.size() && j == b.size()) {
            return;
        }
        out.add(new Disagreement(Kind.FAULT, "user fault " + i + (i == j ? "" : " (" + rn + " " + j + ")"),
                "first difference (" + ln + " " + a.size() + " faults, " + rn + " " + b.size() + ")",
                i < a.size() ? userFaultKey(a.get(i)) : "", j < b.size() ? userFaultKey(b.get(j)) : ""));
    }

    private static List<FaultRecord> userFaults(List<FaultRecord> faults) {
        List<FaultRecord> out = new ArrayList<>();
        for (FaultRecord f : faults) {
            if (f.user()) {
                out.add(f);
            }
        }
        return out;
    }

    private static String userFaultKey(FaultRecord f) {
        return "pid " + f.pid() + " " + f.access() + " " + page(f);
    }

    /**
     * A fault that resolved in a {@link #SELF_USED} mapping: named so by the handler ({@code [vdso] (...)}), the
     * VMA or the symbolic address (the live kernel's faults carry only the last).
     */
    private static boolean selfUsed(FaultRecord f) {
        if ((f.result() & org.mmwb.core.mm.VmFaultResult.ERROR) != 0) {
            return false;
        }
        for (String m : SELF_USED) {
            if (f.handler().startsWith(m) || f.vma().equals(m) || f.sym() != null && f.sym().startsWith(m)) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern SYM_OFFSET = java.util.regex.Pattern.compile(
            "^(.*?)(?:([+-])0x([0-9a-f]+))?$");

    /** The fault's page: {@code 0x100000001000}, or symbolic ({@code $a+0x1000}) where the address is named. */
    static String page(FaultRecord f) {
        long inPage = f.address() & 0xfff;
        if (f.sym() == null) {
            return "0x" + Long.toHexString(f.address() - inPage);
        }
        java.util.regex.Matcher m = SYM_OFFSET.matcher(f.sym());
        if (!m.matches()) {
            return f.sym();
        }
        long off = m.group(2) == null ? 0 : Long.parseUnsignedLong(m.group(3), 16) * (m.group(2).equals("-") ? -1 : 1);
        long pageOff = off - inPage;
        return m.group(1) + (pageOff == 0 ? "" : pageOff > 0 ? "+0x" + Long.toHexString(pageOff)
                : "-0x" + Long.toHexString(-pageOff));
    }

    private static String faultKey(FaultRecord f) {
        String addr = f.sym() != null ? f.sym() : "0x" + Long.toHexString(f.address());
        return "pid " + f.pid() + " " + f.access() + " " + addr + " pgoff " + f.pgoff() + " " + f.resultName() + " "
                + f.handler();
    }
}
