package org.mmwb.cli.internal;

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


    @Test
    void simulatorMatchesRecordedKernelRuns() {
        CliIO io = new CliIO(System.out, System.err);
        Map<String, ReportComparison.Result> results = new TreeMap<>();
        for (Map.Entry<String, Scenario> e : scenarios.entrySet()) {
            Path rec = suite.resolve("recorded").resolve(e.getKey() + ".json");
            assertTrue(Files.exists(rec), "no recorded kernel run for " + e.getKey() + ": record it with "
                    + "./mmwb diff differential/scenarios/" + e.getKey() + ".mms --record differential/recorded");
            RunReport kernel = DiffCommand.read("suite", rec.toString(), io);
            results.put(e.getKey(), ReportComparison.compare(
                    DiffCommand.simulate(e.getValue(), DiffCommand.recordedZeroPage(rec)), "sim", kernel, "recorded"));
        }
        check("against recorded kernel runs", results);
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

    private static void check(String against, Map<String, ReportComparison.Result> results) {
        int matched = 0;
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, ReportComparison.Result> e : results.entrySet()) {
            boolean agree = e.getValue().agree();
            matched += agree ? 1 : 0;
            if (!agree && !known.containsKey(e.getKey())) {
                problems.add("MISMATCH " + e.getKey() + ":\n" + e.getValue().format());
            } else if (agree && known.containsKey(e.getKey())) {
                problems.add("FIXED " + e.getKey() + ": it matches now; remove it from differential/known-mismatches.txt");
            }
        }
        System.out.println("differential suite: " + matched + "/" + results.size() + " scenarios match " + against
                + " (" + known.size() + " known mismatches listed)");
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }
}
