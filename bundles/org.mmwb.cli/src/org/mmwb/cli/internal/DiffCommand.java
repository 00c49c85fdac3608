package org.mmwb.cli.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.mmwb.host.HostKernel;
import org.mmwb.host.HostUnavailableException;
import org.mmwb.host.scenario.HostScenarioTarget;
import org.mmwb.scenario.ReportComparison;
import org.mmwb.scenario.ReportFormatException;
import org.mmwb.scenario.ReportJson;
import org.mmwb.scenario.RunReport;
import org.mmwb.scenario.Scenario;
import org.mmwb.scenario.ScenarioRunner;
import org.mmwb.scenario.sim.SimulatorTarget;

/**
 * {@code diff FILE [--against RECORDED.json] [--record OUT.json]}: runs a scenario on the simulator and on the live
 * kernel (or compares with a recorded kernel run) and prints where they disagree. Exit 0 when they agree, 1 when
 * not, so scripts and CI can use it.
 */
final class DiffCommand implements Command {

    @Override
    public String name() {
        return "diff";
    }

    @Override
    public String synopsis() {
        return "FILE [--against RECORDED.json] [--record OUT.json] [--kernel PROFILE]\n"
                + "             run a scenario on the simulator and the live kernel and show where they disagree";
    }

    @Override
    public int run(String[] argv, CliIO io) {
        Args args = Args.parse("diff", argv, Set.of("--help"), Set.of("--against", "--record", "--kernel"), io);
        if (args.has("--help")) {
            io.out().println("usage: mmwb diff " + synopsis());
            return Cli.OK;
        }
        if (args.positional().size() != 1) {
            return io.fail(Cli.USAGE, "diff: give one scenario file (usage: mmwb diff FILE)");
        }
        if (args.has("--against") && args.has("--record")) {
            return io.fail(Cli.USAGE, "diff: --record records a live run; it cannot go with --against");
        }
        String file = args.positional().get(0);
        Scenario scenario = ScenarioFiles.load("diff", file, args.get("--kernel"), io);
        RunReport sim = SimulatorTarget.open(scenario, Profiles::byName).run(scenario);
        RunReport kernel;
        String kernelName;
        if (args.has("--against")) {
            kernel = read(args.get("--against"), io);
            kernelName = "recorded";
        } else {
            kernel = runOnHost(scenario, io);
            kernelName = "kernel";
            if (args.has("--record")) {
                write(kernel, args.get("--record"), io);
            }
        }
        ReportComparison.Result result = ReportComparison.compare(sim, "sim", kernel, kernelName);
        io.out().print(result.format());
        return result.agree() ? Cli.OK : Cli.FAILURE;
    }

    private static RunReport runOnHost(Scenario scenario, CliIO io) {
        String why = HostKernel.unavailableReason();
        if (why != null) {
            throw new CliExit(io.fail(Cli.FAILURE, "diff: cannot run on the live kernel: " + why
                    + ". Compare with a recorded run instead: mmwb diff FILE --against RECORDED.json"));
        }
        try (HostKernel host = HostKernel.start(); HostScenarioTarget target = new HostScenarioTarget(host)) {
            return ScenarioRunner.run(scenario, target);
        } catch (HostUnavailableException e) {
            throw new CliExit(io.fail(Cli.FAILURE, "diff: cannot run on the live kernel: " + e.getMessage()));
        }
    }

    static RunReport read(String file, CliIO io) {
        try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            return ReportJson.read(in);
        } catch (ReportFormatException e) {
            throw new CliExit(io.fail(Cli.FAILURE, file + " is not an mmwb report: " + e.getMessage()));
        } catch (IOException e) {
            throw new CliExit(io.fail(Cli.FAILURE, "cannot read '" + file + "': " + e.getMessage()));
        }
    }

    static void write(RunReport report, String file, CliIO io) {
        try (Writer out = Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8)) {
            ReportJson.write(report, out);
        } catch (IOException e) {
            throw new CliExit(io.fail(Cli.FAILURE, "cannot write '" + file + "': " + e.getMessage()));
        }
    }
}
