package org.mmwb.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.mmwb.core.catalog.Problem;
import org.mmwb.scenario.ArgKind;
import org.mmwb.scenario.ArgSpec;
import org.mmwb.scenario.Choice;
import org.mmwb.scenario.FlagSpec;
import org.mmwb.scenario.OpSpec;
import org.mmwb.scenario.internal.ops.OperationCatalog;
import org.mmwb.scenario.internal.ops.OperationContribution;
import org.mmwb.scenario.internal.ops.OperationRegistry;

/**
 * {@code operations [NAME] [--json]}: the scenario language's help, built from the installed operation table
 * (org.mmwb.scenario.operations): every operation with its usage and contributing bundle, then every contribution
 * that was skipped and why (exit code 1 when there are errors, so CI notices a broken plugin); with NAME, that
 * operation's help, arguments and flags.
 */
final class OperationsCommand implements Command {

    @Override
    public String name() {
        return "operations";
    }

    @Override
    public String synopsis() {
        return "[NAME] [--json]   the scenario operations (built-in and from plugins), or one operation's help";
    }

    @Override
    public int run(String[] argv, CliIO io) {
        Args args = Args.parse("operations", argv, Set.of("--json", "--help"), Set.of(), io);
        if (args.has("--help")) {
            io.out().println("usage: mmwb operations " + synopsis());
            return Cli.OK;
        }
        if (args.positional().size() > 1) {
            return io.fail(Cli.USAGE, "operations: give at most one operation name (usage: mmwb operations [NAME])");
        }
        OperationCatalog catalog = OperationRegistry.catalog();
        if (args.positional().size() == 1) {
            return describe(args.positional().get(0), catalog, io);
        }
        List<Problem> problems = catalog.problems();
        if (args.has("--json")) {
            io.out().println(json(catalog.contributions(), problems));
        } else {
            list(io.out(), catalog.contributions(), problems);
        }
        return problems.stream().anyMatch(Problem::error) ? Cli.FAILURE : Cli.OK;
    }

    private static void list(PrintStream out, List<OperationContribution> ops, List<Problem> problems) {
        int nameWidth = "OPERATION".length();
        int bundleWidth = "BUNDLE".length();
        for (OperationContribution c : ops) {
            nameWidth = Math.max(nameWidth, c.name().length());
            bundleWidth = Math.max(bundleWidth, c.bundle().length());
        }
        String fmt = "%-" + nameWidth + "s  %-" + bundleWidth + "s  %s%n";
        out.printf(fmt, "OPERATION", "BUNDLE", "USAGE");
        for (OperationContribution c : ops) {
            out.printf(fmt, c.name(), c.bundle(), c.spec().usage());
        }
        out.println();
        out.println("mmwb operations NAME: an operation's arguments and flags; the language: docs/scenarios.md");
        ProvidersCommand.printProblems(out, problems);
    }

    /** One operation's help: usage, paragraph, arguments and flags, each with its own help. */
    private static int describe(String name, OperationCatalog catalog, CliIO io) {
        OperationContribution c = catalog.contributions().stream().filter(x -> x.name().equals(name)).findFirst()
                .orElse(null);
        if (c == null) {
            String why = catalog.table().whyMissing(name);
            return io.fail(Cli.USAGE, "operations: " + (why != null ? why : "unknown operation '" + name
                    + "'; expected one of: " + String.join(", ", catalog.table().names())));
        }
        OpSpec s = c.spec();
        PrintStream out = io.out();
        out.println(s.usage() + "    (" + c.bundle() + ")");
        out.println("  " + s.help());
        if (!s.args().isEmpty()) {
            out.println("arguments:");
            for (ArgSpec a : s.args()) {
                String what = a.kind() == ArgKind.WORD ? "one of: " + words(a.choices()) : a.kind().expected();
                out.println("  " + (a.optional() ? "[" + a.name() + "]" : a.name()) + "  " + a.help() + "; " + what);
            }
        }
        if (!s.flags().isEmpty()) {
            out.println("flags:");
            for (FlagSpec f : s.flags()) {
                out.println("  " + f.usage() + "  " + f.help());
            }
        }
        return Cli.OK;
    }

    private static String words(List<Choice> choices) {
        return String.join(" ", choices.stream().map(Choice::word).toList());
    }

    private static String json(List<OperationContribution> ops, List<Problem> problems) {
        JsonObject o = new JsonObject();
        JsonArray a = new JsonArray();
        for (OperationContribution c : ops) {
            JsonObject j = new JsonObject();
            j.addProperty("name", c.name());
            j.addProperty("bundle", c.bundle());
            j.addProperty("class", c.className());
            j.addProperty("usage", c.spec().usage());
            j.addProperty("help", c.spec().help());
            a.add(j);
        }
        o.add("operations", a);
        o.add("problems", ProvidersCommand.problemsJson(problems));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o);
    }
}
