package org.mmwb.cli.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mmwb.core.mm.FaultRecord;
import org.mmwb.host.HostKernel;
import org.mmwb.host.scenario.HostScenarioTarget;
import org.mmwb.scenario.ReportComparison;
import org.mmwb.scenario.RunReport;
import org.mmwb.scenario.Scenario;
import org.mmwb.scenario.ScenarioRunner;

/**
 * The differential suite (differential/scenarios): every scenario runs on the simulator and is compared with the
 * kernel run recorded in differential/recorded (the JSON names the kernel that recorded it: 6.18.44 on the
 * machines where the suite was written), and, where the host is Linux x86-64 with gcc, with the live kernel.
 * Faults are part of the comparison: the kernel's user page faults (the live helper captures them with perf as
 * root; the recordings hold them) against the simulator's, as (pid, page, access) in order.
 * A scenario listed in differential/known-mismatches.txt is a known engine bug: it must still mismatch (a fix
 * removes its line); every other scenario must match.
 */
class DifferentialSuiteTest {

    private static Path suite;
    private static Map<String, Scenario> scenarios;
    private static Map<String, String> known;

    @BeforeAll
    static void load() throws IOException {
        suite = findSuite();
        scenarios = new TreeMap<>();
        try (Stream<Path> files = Files.list(suite.resolve("scenarios"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".mms")).toList()) {
                CliIO io = new CliIO(System.out, System.err);
                scenarios.put(name(p), ScenarioFiles.load("suite", p.toString(), null, io));
            }
        }
        known = new LinkedHashMap<>();
        Path list = suite.resolve("known-mismatches.txt");
        if (Files.exists(list)) {
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    int colon = l.indexOf(':');
                    known.put(colon < 0 ? l : l.substring(0, colon).strip(), l);
                }
            }
        }
        assertTrue(scenarios.size() >= 60, "the suite should hold at least 60 scenarios, has " + scenarios.size());
    }

    private static Path findSuite() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("differential/scenarios"))) {
                return d.resolve("differential");
            }
        }
        throw new AssertionError("differential/scenarios not found above " + Path.of("").toAbsolutePath());
    }

    private static String name(Path p) {
        return p.getFileName().toString().replaceFirst("\\.mms$", "");
    }


    /** Every scenario on the simulator against its recording in {@code dir}, by scenario name. */
    private static Map<String, ReportComparison.Result> againstRecordings(String dir) {
        return againstRecordings(dir, java.util.Set.of());
    }

    /**
     * As {@link #againstRecordings(String)}, but the scenarios named in {@code mayLack} may have no recording in
     * {@code dir} (they are left out); every other scenario must have one.
     */
    private static Map<String, ReportComparison.Result> againstRecordings(String dir, java.util.Set<String> mayLack) {
        CliIO io = new CliIO(System.out, System.err);
        Map<String, ReportComparison.Result> results = new TreeMap<>();
        for (Map.Entry<String, Scenario> e : scenarios.entrySet()) {
            Path rec = suite.resolve(dir).resolve(e.getKey() + ".json");
            if (!Files.exists(rec) && mayLack.contains(e.getKey())) {
                continue;
            }
            assertTrue(Files.exists(rec), "no recorded kernel run for " + e.getKey() + " in differential/" + dir
                    + ": record it with ./mmwb diff differential/scenarios/" + e.getKey() + ".mms --record "
                    + "differential/" + dir);
            RunReport kernel = DiffCommand.read("suite", rec.toString(), io);
            results.put(e.getKey(), ReportComparison.compare(
                    DiffCommand.simulate(e.getValue(), DiffCommand.recordedZeroPage(rec)), "sim", kernel, "recorded"));
        }
        return results;
    }

    /** Results, VMAs, page letters and the user page faults of every scenario against its recording. */
    @Test
    void simulatorMatchesRecordedKernelRuns() {
        Map<String, ReportComparison.Result> results = againstRecordings("recorded");
        List<String> withoutFaults = new ArrayList<>();
        results.forEach((name, r) -> {
            if (!r.faultsCompared()) {
                withoutFaults.add(name + " (" + String.join("; ", r.notes()) + ")");
            }
        });
        assertTrue(withoutFaults.isEmpty(), () -> "recordings without the kernel's faults (record them again with "
                + "./mmwb diff FILE --record differential/recorded): " + withoutFaults);
        check("against recorded kernel runs", results);
    }

    /** Scenarios added after differential/recorded-zero-page was made, on a host that forbids the zero page. */
    private static final java.util.Set<String> ADDED_AFTER_ZERO_PAGE_RECORDINGS = java.util.Set.of(
            "mlockall-current-memlock-nonroot", "mlockall-current-populate-stops-at-guard",
            "mlockall-flags-root-ignores-memlock", "mlockall-future-brk-mmap-populate",
            "mlockall-future-memlock-nonroot", "mlockall-future-not-inherited-by-fork", "mlockall-onfault-and-merges",
            "mmap-task-size-4-level-limits");

    /**
     * The same scenarios against recordings from a kernel that maps the zero page (6.18.44-fc-v669), made before
     * faults were captured: results, VMAs and page letters only. They keep the zero page's behaviour (Z pages, the
     * merges that need no anon_vma) checked while differential/recorded comes from a host that forbids it.
     */
    @Test
    void simulatorMatchesZeroPageRecordings() {
        Path dir = suite.resolve("recorded-zero-page");
        Assumptions.assumeTrue(Files.isDirectory(dir), "no differential/recorded-zero-page");
        // scenarios written after the last zero-page host was seen have no recording there yet
        check("against zero-page kernel runs (faults not recorded)", againstRecordings("recorded-zero-page",
                ADDED_AFTER_ZERO_PAGE_RECORDINGS));
    }

    /** The suite can fail on faults alone: one recorded fault changed is a mismatch. */
    @Test
    void aChangedRecordedFaultIsAMismatch() {
        CliIO io = new CliIO(System.out, System.err);
        for (Map.Entry<String, Scenario> e : scenarios.entrySet()) {
            Path rec = suite.resolve("recorded").resolve(e.getKey() + ".json");
            RunReport kernel = DiffCommand.read("suite", rec.toString(), io);
            if (kernel.faults().isEmpty() || known.containsKey(e.getKey())) {
                continue;
            }
            List<FaultRecord> faults = new ArrayList<>(kernel.faults());
            FaultRecord f = faults.get(faults.size() - 1);
            faults.set(faults.size() - 1, new FaultRecord(f.seq(), f.pid(), f.address(), f.access().equals("w") ? "r"
                    : "w", f.vmaStart(), f.vma(), f.handler(), f.path(), f.pgoff(), f.result(), f.pfn(), f.reason(),
                    f.sym(), f.user()));
            RunReport changed = new RunReport(kernel.file(), kernel.profile(), kernel.levels(), kernel.results(),
                    kernel.dumps(), faults, kernel.faultCapture());
            RunReport sim = DiffCommand.simulate(e.getValue(), DiffCommand.recordedZeroPage(rec));
            assertTrue(ReportComparison.compare(sim, "sim", kernel, "recorded").agree(), e.getKey());
            ReportComparison.Result r = ReportComparison.compare(sim, "sim", changed, "recorded");
            assertFalse(r.agree(), () -> e.getKey() + ": a changed fault went unnoticed");
            assertFalse(problems(Map.of(e.getKey(), r)).isEmpty(), e.getKey());
            return;
        }
        fail("no recording holds a fault");
    }

    @Test
    void simulatorMatchesTheLiveKernel() throws Exception {
        String why = HostKernel.unavailableReason();
        Assumptions.assumeTrue(why == null, () -> "live kernel comparison skipped: " + why);
        Map<String, ReportComparison.Result> results = new TreeMap<>();
        try (HostKernel host = HostKernel.start()) {
            // The scenarios describe 6.18; another kernel legitimately differs (the recorded runs still apply).
            Assumptions.assumeTrue(host.kernelRelease().startsWith("6.18"), () -> "live kernel comparison skipped: "
                    + "the host runs " + host.kernelRelease() + ", the suite describes 6.18");
            for (Map.Entry<String, Scenario> e : scenarios.entrySet()) {
                RunReport kernel;
                try (HostScenarioTarget t = new HostScenarioTarget(host)) {
                    kernel = ScenarioRunner.run(e.getValue(), t);
                }
                // The simulator copies the host's zero-page behaviour (some hosts boot with pvm_no_zero_page=1).
                results.put(e.getKey(), ReportComparison.compare(
                        DiffCommand.simulate(e.getValue(), host.zeroPage()), "sim", kernel, "kernel"));
            }
            check("on the live kernel " + host.kernelRelease(), results);
        }
    }

    /** Scenarios that disagree without being listed as known, and listed ones that agree now. */
    private static List<String> problems(Map<String, ReportComparison.Result> results) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, ReportComparison.Result> e : results.entrySet()) {
            boolean agree = e.getValue().agree();
            if (!agree && !known.containsKey(e.getKey())) {
                problems.add("MISMATCH " + e.getKey() + ":\n" + e.getValue().format());
            } else if (agree && known.containsKey(e.getKey())) {
                problems.add("FIXED " + e.getKey() + ": it matches now; remove it from differential/known-mismatches.txt");
            }
        }
        return problems;
    }

    private static void check(String against, Map<String, ReportComparison.Result> results) {
        long matched = results.values().stream().filter(ReportComparison.Result::agree).count();
        List<String> noFaults = results.entrySet().stream().filter(e -> !e.getValue().faultsCompared())
                .map(Map.Entry::getKey).toList();
        // said plainly: a run without faults (no root for perf on the live side) is not a fault match
        System.out.println("differential suite: " + matched + "/" + results.size() + " scenarios match " + against
                + " (" + known.size() + " known mismatches listed)" + (noFaults.isEmpty() ? "; faults compared in all"
                        : "; faults not compared in " + noFaults.size() + ": " + results.get(noFaults.get(0)).notes()));
        List<String> problems = problems(results);
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }
}
