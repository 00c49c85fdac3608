package org.mmwb.cli.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.mmwb.core.catalog.ProviderCatalog;
import org.mmwb.host.HostKernel;
import org.mmwb.host.scenario.HostScenarioTarget;
import org.mmwb.scenario.OperationTable;
import org.mmwb.scenario.ReportJson;
import org.mmwb.scenario.ReportText;
import org.mmwb.scenario.RunReport;
import org.mmwb.scenario.Scenario;
import org.mmwb.scenario.ScenarioRunner;
import org.mmwb.scenario.sim.SimulatorTarget;

/**
 * {@code run FILE [--json] [--print LIST] [--kernel PROFILE]}: runs a scenario on the simulator and prints its
 * results and dumps; a {@code .json} file (a recorded run or an imported process) is printed read-only. Exits
 * with {@link Cli#PLUGIN_FAILED} after a warning on standard error when a plugin failed.
 */
final class RunCommand implements Command {

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String synopsis() {
        return "FILE [--json] [--print results,maps,smaps,pages,pagetable,faults,symbols] [--kernel PROFILE] [--live]\n"
                + "             run a .mms scenario on the simulator (or show a .json session read-only);\n"
                + "             --live runs it on the live kernel instead, through the host helper";
    }

    @Override
    public int run(String[] argv, CliIO io) {
        Args args = Args.parse("run", argv, Set.of("--json", "--help", "--live"), Set.of("--print", "--kernel"), io);
        if (args.has("--help")) {
            io.out().println("usage: mmwb run " + synopsis());
            io.out().println("scenario operations: " + String.join(" ", OperationTable.installed().names())
                    + "\n             (mmwb operations [NAME] for their usage; the language: docs/scenarios.md)");
            return Cli.OK;
        }
        if (args.positional().size() != 1) {
            return io.fail(Cli.USAGE, "run: give one scenario file (usage: mmwb run FILE [--json])");
        }
        String file = args.positional().get(0);
        int problemsBefore = PluginFailures.mark();
        PrintSelection print = PrintSelection.parse(args.get("--print"), io);
        RunReport report;
        SimulatorTarget sim = null;
        if (file.endsWith(".json")) {
            report = DiffCommand.read("run", file, io);
        } else if (args.has("--live")) {
            Scenario scenario = ScenarioFiles.load("run", file, args.get("--kernel"), io);
            try (HostKernel host = DiffCommand.startHost(io);
                    HostScenarioTarget target = new HostScenarioTarget(host)) {
                report = ScenarioRunner.run(scenario, target);
            }
        } else {
            Scenario scenario = ScenarioFiles.load("run", file, args.get("--kernel"), io);
            sim = SimulatorTarget.open(scenario, ProviderCatalog.installed().resolver());
            report = sim.run(scenario);
        }
        if (!args.has("--json") && print.pageTables() && sim == null) {
            io.err().println("mmwb: run: page tables are printed for simulator runs only (not for a .json session or --live)");
        }
        // Streamed: the output of a million faults is written as it is produced, never held as one string.
        Writer out = new BufferedWriter(new OutputStreamWriter(io.out(), StandardCharsets.UTF_8), 1 << 16);
        try {
            if (args.has("--json")) {
                ReportJson.write(report, out);
                out.write('\n');
            } else {
                ReportText.write(report, print.options(), out);
                if (print.pageTables() && sim != null) {
                    sim.writePageTables(out);
                }
            }
            out.flush();
        } catch (IOException e) {
            return io.fail(Cli.FAILURE, "run: cannot write the output: " + e.getMessage());
        }
        return sim != null && PluginFailures.warn("run", io, problemsBefore) ? Cli.PLUGIN_FAILED : Cli.OK;
    }
}
