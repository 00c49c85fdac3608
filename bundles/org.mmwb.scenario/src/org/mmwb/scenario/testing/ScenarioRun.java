package org.mmwb.scenario.testing;

import java.util.ArrayList;
import java.util.List;

import org.mmwb.core.mm.FaultRecord;
import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.VmaSnapshot;
import org.mmwb.scenario.DumpRecord;
import org.mmwb.scenario.OpRecord;
import org.mmwb.scenario.OpResult;
import org.mmwb.scenario.ReportText;
import org.mmwb.scenario.RunReport;

/**
 * The outcome of {@link ScenarioCheck#check(String)}: results by line, the final VMAs of each process, the fault
 * log, and the simulated machine for deeper checks (page-table walks). Lookups that find nothing throw an
 * {@link AssertionError} naming what was looked for and what there is.
 */
public final class ScenarioRun {
    private final RunReport report;
    private final Kernel kernel;

    ScenarioRun(RunReport report, Kernel kernel) {
        this.report = report;
        this.kernel = kernel;
    }

    /** The whole report (what {@code ./mmwb run --json} prints). */
    public RunReport report() {
        return report;
    }

    /** The simulated machine after the run, e.g. for {@code kernel().vtop(kernel().task(1), addr)}. */
    public Kernel kernel() {
        return kernel;
    }

    /** The report as {@code ./mmwb run} prints it (results, maps, flags, pages and faults): for failure messages. */
    public String text() {
        return ReportText.format(report, ReportText.Options.DEFAULT.withFaults(true));
    }

    /** The record of the operation on that line. */
    public OpRecord record(int line) {
        for (OpRecord r : report.results()) {
            if (r.line() == line) {
                return r;
            }
        }
        throw new AssertionError("line " + line + " has no result; lines with results: " + lines());
    }

    /** The result of a line as text ({@code ok}, {@code 0x7f..}, {@code EINVAL}, {@code SIGBUS(ADRERR)}); for a
     *  touch the per-page results separated by spaces. */
    public String result(int line) {
        return String.join(" ", results(line));
    }

    /** The per-page results of a line (one element for other operations). */
    public List<String> results(int line) {
        List<String> out = new ArrayList<>();
        for (OpResult r : record(line).results()) {
            out.add(r.text());
        }
        return out;
    }

    /** The address or value a line returned. */
    public long value(int line) {
        OpResult r = record(line).result();
        if (r == null || r.kind() != OpResult.Kind.VALUE) {
            throw new AssertionError("line " + line + " returned " + result(line) + ", not a value");
        }
        return r.value();
    }

    /** The final VMAs of a process still alive at the end. */
    public List<VmaSnapshot> vmas(int pid) {
        for (DumpRecord d : report.dumps()) {
            if (d.isFinal() && d.pid() == pid) {
                return d.vmas();
            }
        }
        throw new AssertionError("process " + pid + " is not alive at the end of the run");
    }

    /** The final VMA of process 1 containing addr. */
    public VmaSnapshot vma(long addr) {
        return vma(1, addr);
    }

    /** The final VMA of a process containing addr. */
    public VmaSnapshot vma(int pid, long addr) {
        for (VmaSnapshot v : vmas(pid)) {
            if (Long.compareUnsigned(addr, v.start()) >= 0 && Long.compareUnsigned(addr, v.end()) < 0) {
                return v;
            }
        }
        throw new AssertionError(String.format("no VMA of pid %d contains 0x%x:%n%s", pid, addr, text()));
    }

    /** The final VMA of process 1 with that name, e.g. {@code [vdso]}. */
    public VmaSnapshot vma(String name) {
        return vma(1, name);
    }

    /** The final VMA of a process with that name. */
    public VmaSnapshot vma(int pid, String name) {
        for (VmaSnapshot v : vmas(pid)) {
            if (v.name().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("pid " + pid + " has no VMA named " + name + ":\n" + text());
    }

    /** Whether process 1 has a VMA with that name at the end. */
    public boolean hasVma(String name) {
        return vmas(1).stream().anyMatch(v -> v.name().equals(name));
    }

    /** The page letters of a named VMA of process 1 ({@code .} not present, {@code F}, {@code A}, ...). */
    public String pages(String name) {
        return vma(name).pages();
    }

    /** Every fault of the run, in order. */
    public List<FaultRecord> faults() {
        return report.faults();
    }

    /** The faults whose handler starts with the text, e.g. {@code [ticker]} or {@code [ticker] (com.example)}. */
    public List<FaultRecord> faultsBy(String handler) {
        List<FaultRecord> out = new ArrayList<>();
        for (FaultRecord f : report.faults()) {
            if (f.handler().startsWith(handler)) {
                out.add(f);
            }
        }
        return out;
    }

    private List<Integer> lines() {
        List<Integer> l = new ArrayList<>();
        for (OpRecord r : report.results()) {
            l.add(r.line());
        }
        return l;
    }
}
