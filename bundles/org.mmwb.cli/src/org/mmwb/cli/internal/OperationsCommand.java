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
import org.mmwb.scenario.OperationTable;

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
        OperationTable table = OperationTable.installed();
        if (args.positional().size() == 1) {
            return describe(args.positional().get(0), table, io);
        }
        List<Problem> problems = table.problems();
        if (args.has("--json")) {
            io.out().println(json(table));
        } else {
            list(io.out(), table);
        }
        return problems.stream().anyMatch(Problem::error) ? Cli.FAILURE : Cli.OK;
    }

    private static void list(PrintStream out, OperationTable table) {
        int nameWidth = "OPERATION".length();
        int bundleWidth = "BUNDLE".length();
        for (String name : table.names()) {
            nameWidth = Math.max(nameWidth, name.length());
            bundleWidth = Math.max(bundleWidth, table.contributor(name).length());
        }
        String fmt = "%-" + nameWidth + "s  %-" + bundleWidth + "s  %s%n";
        out.printf(fmt, "OPERATION", "BUNDLE", "USAGE");
        for (OpSpec s : table.specs()) {
            out.printf(fmt, s.name(), table.contributor(s.name()), s.usage());
        }
        out.println();
        out.println("mmwb operations NAME: an operation's arguments and flags; the language: docs/scenarios.md");
        ProvidersCommand.printProblems(out, table.problems());
    }

    /** One operation's help: usage, paragraph, arguments and flags, each with its own help. */
    private static int describe(String name, OperationTable table, CliIO io) {
        OpSpec s = table.get(name);
        if (s == null) {
            String why = table.whyMissing(name);
            return io.fail(Cli.USAGE, "operations: " + (why != null ? why : "unknown operation '" + name
                    + "'; expected one of: " + String.join(", ", table.names())));
        }
        PrintStream out = io.out();
        out.println(s.usage() + "    (" + table.contributor(name) + ")");
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

    private static String json(OperationTable table) {
        JsonObject o = new JsonObject();
        JsonArray a = new JsonArray();
        for (OpSpec s : table.specs()) {
            JsonObject j = new JsonObject();
            j.addProperty("name", s.name());
            j.addProperty("bundle", table.contributor(s.name()));
            j.addProperty("usage", s.usage());
            j.addProperty("help", s.help());
            a.add(j);
        }
        o.add("operations", a);
        o.add("problems", ProvidersCommand.problemsJson(table.problems()));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o);
    }
}
