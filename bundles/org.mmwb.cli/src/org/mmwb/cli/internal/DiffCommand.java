package org.mmwb.cli.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import org.mmwb.core.catalog.ProviderCatalog;
import org.mmwb.host.HostKernel;
import org.mmwb.host.HostUnavailableException;
import org.mmwb.host.InputFileException;
import org.mmwb.host.scenario.HostScenarioTarget;
import org.mmwb.host.scenario.ReportFiles;
import org.mmwb.scenario.ReportComparison;
import org.mmwb.scenario.ReportJson;
import org.mmwb.scenario.RunReport;
import org.mmwb.scenario.Scenario;
import org.mmwb.scenario.ScenarioRunner;
import org.mmwb.scenario.sim.SimulatorTarget;

/**
 * {@code diff FILE... [--recorded DIR | --against RUN.json] [--record DIR]}: runs scenarios on the simulator and
 * on the live kernel (or compares with recorded kernel runs) and prints where they disagree, then
 * {@code N/M scenarios match}. Exit 0 when all agree, 1 when not, so scripts and CI can use it.
 */
final class DiffCommand implements Command {

    @Override
    public String name() {
        return "diff";
    }

    @Override
    public String synopsis() {
        return "FILE... [--recorded DIR | --against RUN.json] [--record DIR] [--quiet] [--kernel PROFILE]\n"
                + "             run scenarios on the simulator and the live kernel (or recorded runs); show differences";
    }

    @Override
    public int run(String[] argv, CliIO io) {
        Args args = Args.parse("diff", argv, Set.of("--help", "--quiet"),
                Set.of("--against", "--recorded", "--record", "--kernel"), io);
        if (args.has("--help")) {
            io.out().println("usage: mmwb diff " + synopsis());
            return Cli.OK;
        }
        List<String> files = args.positional();
        if (files.isEmpty()) {
            return io.fail(Cli.USAGE, "diff: give one or more scenario files (usage: mmwb diff FILE...)");
        }
        boolean recorded = args.has("--against") || args.has("--recorded");
        if (args.has("--against") && (args.has("--recorded") || files.size() != 1)) {
            return io.fail(Cli.USAGE, "diff: --against compares one scenario with one recorded run; for several use --recorded DIR");
        }
        if (recorded && args.has("--record")) {
            return io.fail(Cli.USAGE, "diff: --record records live runs; it cannot go with --against or --recorded");
        }
        // Check every file before running anything: a typo in the 40th file should not waste a run.
        List<Scenario> scenarios = new ArrayList<>();
        for (String f : files) {
            scenarios.add(ScenarioFiles.load("diff", f, args.get("--kernel"), io));
        }
        HostKernel host = recorded ? null : startHost(io);
        try {
            int matched = 0;
            int faultsNotCompared = 0;
            String faultsWhy = null;
            for (int i = 0; i < files.size(); i++) {
                String file = files.get(i);
                RunReport kernel;
                RunReport sim;
                if (args.has("--against")) {
                    kernel = read("diff", args.get("--against"), io);
                    sim = simulate(scenarios.get(i), recordedZeroPage(Path.of(args.get("--against"))));
                } else if (args.has("--recorded")) {
                    Path rec = recordedPath(args.get("--recorded"), file);
                    kernel = read("diff", rec.toString(), io);
                    sim = simulate(scenarios.get(i), recordedZeroPage(rec));
                } else {
                    sim = simulate(scenarios.get(i), host.zeroPage());
                    try (HostScenarioTarget target = new HostScenarioTarget(host)) {
                        kernel = ScenarioRunner.run(scenarios.get(i), target);
                    }
                    if (args.has("--record")) {
                        record(kernel, host, recordedPath(args.get("--record"), file), io);
                        if (!kernel.faultCapture().captured()) {
                            io.err().println("mmwb: diff: warning: " + recordedPath(args.get("--record"), file)
                                    + " is recorded without the kernel's faults: " + kernel.faultCapture().note());
                        }
                    }
                }
                ReportComparison.Result result = ReportComparison.compare(sim, "sim", kernel,
                        recorded ? "recorded" : "kernel");
                if (result.agree()) {
                    matched++;
                }
                if (!result.faultsCompared()) {
                    faultsNotCompared++;
                    faultsWhy = faultsWhy != null ? faultsWhy : faultsNote(result);
                }
                if (files.size() > 1) {
                    io.out().println((result.agree() ? "MATCH " : "DIFF  ") + file
                            + (result.agree() ? "" : " (" + result.disagreements().size() + " disagreements)")
                            + (result.faultsCompared() ? "" : " (faults not compared)"));
                }
                if (!result.agree() && !args.has("--quiet") || files.size() == 1) {
                    io.out().print(indent(result.format(), files.size() > 1));
                }
            }
            io.out().println(matched + "/" + files.size() + " scenarios match"
                    + (recorded ? " (against recorded kernel runs)" : " (on kernel " + host.kernelRelease() + ")")
                    + (faultsNotCompared == 0 ? ""
                            : "; faults not compared in " + faultsNotCompared + " of them: " + faultsWhy));
            return matched == files.size() ? Cli.OK : Cli.FAILURE;
        } finally {
            if (host != null) {
                host.close();
            }
        }
    }

    /** The first "faults not compared" note of a result, without its prefix. */
    private static String faultsNote(ReportComparison.Result result) {
        for (String n : result.notes()) {
            if (n.startsWith("faults not compared: ")) {
                return n.substring("faults not compared: ".length());
            }
        }
        return "a side did not capture faults";
    }

    private static String indent(String text, boolean on) {
        return on ? text.replaceAll("(?m)^", "    ") : text;
    }

    /** The recorded run of {@code dir/x.mms}: {@code dir/x.json}. */
    static Path recordedPath(String dir, String scenarioFile) {
        String name = Path.of(scenarioFile).getFileName().toString().replaceFirst("\\.mms$", "");
        return Path.of(dir).resolve(name + ".json");
    }

    static HostKernel startHost(CliIO io) {
        return startHost("diff", io);
    }

    /** Starts the live-kernel helper for a command, or ends the command with a clear message. */
    static HostKernel startHost(String command, CliIO io) {
        String why = HostKernel.unavailableReason();
        if (why != null) {
            throw new CliExit(io.fail(Cli.FAILURE, command + ": cannot run on the live kernel: " + why
                    + (command.equals("diff") ? ". Compare with recorded runs instead: mmwb diff FILE... --recorded DIR"
                            : "")));
        }
        try {
            return HostKernel.start();
        } catch (HostUnavailableException e) {
            throw new CliExit(io.fail(Cli.FAILURE, command + ": cannot run on the live kernel: " + e.getMessage()));
        }
    }

    /**
     * A stored report (a recorded kernel run, a session), or the command ends with "COMMAND: FILE:LINE:COL: why"
     * and {@link Cli#BAD_INPUT}.
     */
    static RunReport read(String command, String file, CliIO io) {
        try {
            return ReportFiles.read(Path.of(file));
        } catch (InputFileException e) {
            throw new CliExit(io.fail(Cli.BAD_INPUT, command + ": " + e.getMessage()));
        }
    }

    /**
     * Runs a scenario on the simulator set like the kernel it is compared with: {@code zeroPage} false copies a
     * host whose kernel forbids the zero page (see HostKernel#zeroPage).
     */
    static RunReport simulate(Scenario scenario, boolean zeroPage) {
        SimulatorTarget sim = SimulatorTarget.open(scenario, ProviderCatalog.installed().resolver());
        sim.kernel().setZeroPageForbidden(!zeroPage);
        return sim.run(scenario);
    }

    /**
     * A recorded run's {@code recorded_on.zero_page}; recordings without it were made with the zero page. Read
     * streamed (a run of a million faults is never held as a JSON tree), after {@link #read} accepted the file.
     */
    static boolean recordedZeroPage(Path file) {
        try (JsonReader r = new JsonReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            r.beginObject();
            while (r.hasNext()) {
                if (!r.nextName().equals("recorded_on") || r.peek() != JsonToken.BEGIN_OBJECT) {
                    r.skipValue();
                    continue;
                }
                r.beginObject();
                while (r.hasNext()) {
                    if (r.nextName().equals("zero_page") && r.peek() == JsonToken.BOOLEAN) {
                        return r.nextBoolean();
                    }
                    r.skipValue();
                }
                return true;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return true; // read() reported an unreadable or malformed recording with its own message
        }
    }

    /** Writes a live run with the kernel that produced it, so later comparisons can say what they compare with. */
    static void record(RunReport report, HostKernel host, Path file, CliIO io) {
        JsonObject o = JsonParser.parseString(ReportJson.toJson(report)).getAsJsonObject();
        JsonObject by = new JsonObject();
        by.addProperty("kernel", host.kernelRelease());
        by.addProperty("zero_page", host.zeroPage());
        by.addProperty("date", LocalDate.now().toString());
        by.addProperty("tool", "mmwb diff --record");
        o.add("recorded_on", by);
        write(o.toString(), file, io);
    }

    static void write(RunReport report, String file, CliIO io) {
        write(ReportJson.toJson(report), Path.of(file), io);
    }

    /** Writes a text file (a fuzzer's scenario), creating its folder. */
    static void writeText(String text, Path file, CliIO io) {
        write(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text, file, io);
    }

    private static void write(String json, Path file, CliIO io) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write(json);
                out.write('\n');
            }
        } catch (IOException e) {
            throw new CliExit(io.fail(Cli.FAILURE, "cannot write '" + file + "': " + e.getMessage()));
        }
    }
}
