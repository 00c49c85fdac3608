package org.mmwb.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mmwb.core.catalog.ProviderCatalog;
import org.mmwb.core.fuzz.InvariantFuzzer;
import org.mmwb.host.HostKernel;
import org.mmwb.host.scenario.HostScenarioTarget;
import org.mmwb.scenario.OperationTable;
import org.mmwb.scenario.ParseResult;
import org.mmwb.scenario.ReportComparison;
import org.mmwb.scenario.RunReport;
import org.mmwb.scenario.Scenario;
import org.mmwb.scenario.ScenarioParser;
import org.mmwb.scenario.ScenarioRunner;

/**
 * {@code fuzz [--seed N] [--count N] [--ops N] [--minimize] [--out DIR]}: random scenarios run on the simulator and
 * on the live kernel; a disagreement is (with --minimize) shrunk to the fewest lines that still disagree and saved
 * as {@code DIR/fuzz-SEED-I.mms} beside the kernel's run {@code DIR/fuzz-SEED-I.json}, ready for the differential
 * suite. {@code fuzz --engine [--seed N] [--count OPS] [--procs N] [--check-every N]} fuzzes the engine alone
 * against its invariants. Exit 0 when everything agreed (or held), 1 otherwise.
 */
final class FuzzCommand implements Command {

    @Override
    public String name() {
        return "fuzz";
    }

    @Override
    public String synopsis() {
        return "[--seed N] [--count N] [--ops N] [--minimize] [--out DIR] | --engine [--seed N] [--count OPS]\n"
                + "             random scenarios on the simulator and the live kernel (or the engine's invariants alone)";
    }

    @Override
    public int run(String[] argv, CliIO io) {
        Args args = Args.parse("fuzz", argv, Set.of("--help", "--minimize", "--engine"),
                Set.of("--seed", "--count", "--ops", "--out", "--procs", "--check-every"), io);
        if (args.has("--help")) {
            io.out().println("usage: mmwb fuzz " + synopsis());
            return Cli.OK;
        }
        if (!args.positional().isEmpty()) {
            return io.fail(Cli.USAGE, "fuzz: unexpected argument '" + args.positional().get(0) + "'");
        }
        long seed = number(args, "--seed", 1, io);
        return args.has("--engine") ? engine(args, seed, io) : differential(args, seed, io);
    }

    private static long number(Args args, String name, long dflt, CliIO io) {
        String v = args.get(name);
        if (v == null) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v.replace("_", ""));
            if (n < 0 || (!name.equals("--seed") && n == 0)) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new CliExit(io.fail(Cli.USAGE, "fuzz: " + name + " needs a " + (name.equals("--seed")
                    ? "non-negative" : "positive") + " number, not '" + v + "'"));
        }
    }

    private static int engine(Args args, long seed, CliIO io) {
        long ops = number(args, "--count", 10_000_000, io);
        int procs = (int) Math.min(64, number(args, "--procs", 16, io));
        int every = (int) Math.min(1_000_000, number(args, "--check-every", 16, io));
        InvariantFuzzer.Result r = new InvariantFuzzer(seed, procs).run(ops, every, 20_000);
        io.out().printf("engine fuzz: seed %d, %d operations, %d invariant checks (every %d ops), %d forks, up to %d"
                + " processes at once, %.1f s%n", r.seed(), r.ops(), r.checks(), every, r.forks(), r.maxLive(),
                r.nanos() / 1e9);
        StringBuilder kinds = new StringBuilder();
        for (Map.Entry<String, Long> e : r.counts().entrySet()) {
            kinds.append(kinds.isEmpty() ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
        }
        io.out().println("  operations: " + kinds);
        if (r.breaks().isEmpty()) {
            io.out().println("0 invariant breaks");
            return Cli.OK;
        }
        io.out().println("INVARIANT BROKEN after operation " + r.ops() + ":");
        r.breaks().forEach(b -> io.out().println("  " + b));
        io.out().println("the operations before it (reproduce with --seed " + seed + " --count " + r.ops() + "):");
        r.lastOps().forEach(o -> io.out().println("  " + o));
        return Cli.FAILURE;
    }

    private static int differential(Args args, long seed, CliIO io) {
        long count = number(args, "--count", 100, io);
        int ops = (int) Math.min(400, number(args, "--ops", 24, io));
        Path out = Path.of(args.get("--out") == null ? "fuzz-out" : args.get("--out"));
        HostKernel host = DiffCommand.startHost("fuzz", io);
        long t0 = System.nanoTime();
        long lines = 0;
        int matched = 0;
        int faultsNotCompared = 0;
        String faultsWhy = "";
        try {
            FuzzScenarios gen = new FuzzScenarios(seed, ProviderCatalog.installed().defaultProfile().name());
            for (long i = 0; i < count; i++) {
                List<String> scenario = gen.next(ops);
                lines += scenario.size();
                String name = "fuzz-" + seed + "-" + i;
                Outcome o = run(name, scenario, host);
                if (o != null && !o.result().faultsCompared()) {
                    faultsNotCompared++;
                    faultsWhy = o.kernel().faultCapture().note();
                }
                if (o == null || o.result().agree()) {
                    matched++;
                    continue;
                }
                boolean varies = false;
                if (args.has("--minimize")) {
                    List<String> small = minimize(name, scenario, host);
                    Outcome again = run(name, small, host);
                    if (again != null && !again.result().agree()) {
                        scenario = small;
                        o = again;
                    } else {
                        varies = true; // shrunk or not, it agreed when run again: keep the run that disagreed
                    }
                }
                List<String> text = new ArrayList<>();
                text.add("# Found by ./mmwb fuzz --seed " + seed + " (scenario " + i + "): the simulator and kernel "
                        + host.kernelRelease() + " disagree.");
                if (varies) {
                    text.add("# Not reproduced when run again to shrink it: the kernel's result varies (or the "
                            + "simulator's); the full scenario and the run that disagreed are kept.");
                }
                text.add("# First disagreement: " + o.result().disagreements().get(0));
                text.addAll(scenario);
                Path mms = out.resolve(name + ".mms");
                DiffCommand.writeText(String.join("\n", text) + "\n", mms, io);
                DiffCommand.record(o.kernel(), host, out.resolve(name + ".json"), io);
                io.out().println("DIFF  " + mms + " (" + scenario.size() + " lines, "
                        + o.result().disagreements().size() + " disagreements" + (varies ? ", not reproduced" : "")
                        + ")");
                io.out().print(o.result().format().replaceAll("(?m)^", "    "));
            }
        } finally {
            host.close();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        io.out().printf("%d/%d scenarios matched (seed %d, %d lines, %.1f s on kernel %s)%s%n", matched, count, seed,
                lines, secs, host.kernelRelease(), faultsNotCompared == 0 ? ""
                        : "; faults not compared in " + faultsNotCompared + ": the kernel's were not captured ("
                                + faultsWhy + ")");
        return matched == count ? Cli.OK : Cli.FAILURE;
    }

    /** A scenario's two runs and their comparison. */
    record Outcome(RunReport kernel, ReportComparison.Result result) {
    }

    /** Runs the lines on both machines; null when they do not parse (a shrinking step that broke the syntax). */
    static Outcome run(String name, List<String> lines, HostKernel host) {
        ParseResult parsed = new ScenarioParser(OperationTable.installed()).parse(name + ".mms",
                String.join("\n", lines) + "\n");
        if (!parsed.diagnostics().isEmpty()) {
            return null;
        }
        Scenario s = parsed.scenario();
        RunReport sim = DiffCommand.simulate(s, host.zeroPage());
        RunReport kernel;
        try (HostScenarioTarget target = new HostScenarioTarget(host)) {
            kernel = ScenarioRunner.run(s, target);
        }
        return new Outcome(kernel, ReportComparison.compare(sim, "sim", kernel, "kernel"));
    }

    /**
     * Delta debugging over the lines (the {@code kernel} line stays): drop chunks, then single lines, as long as
     * the smaller scenario still disagrees.
     */
    static List<String> minimize(String name, List<String> lines, HostKernel host) {
        List<String> cur = new ArrayList<>(lines);
        int chunk = Math.max(1, (cur.size() - 1) / 2);
        while (chunk >= 1) {
            boolean shrunk = false;
            for (int start = 1; start < cur.size(); ) {
                List<String> cand = new ArrayList<>(cur.subList(0, start));
                cand.addAll(cur.subList(Math.min(cur.size(), start + chunk), cur.size()));
                Outcome o = cand.size() < cur.size() ? run(name, cand, host) : null;
                if (o != null && !o.result().agree()) {
                    cur = cand;
                    shrunk = true;
                } else {
                    start += chunk;
                }
            }
            if (!shrunk) {
                chunk /= 2;
            }
        }
        return cur;
    }
}
