package org.mmwb.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.mmwb.core.catalog.Problem;
import org.mmwb.core.catalog.ProviderCatalog;
import org.mmwb.core.catalog.RegisteredProvider;
import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.KernelProfile;
import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.SpecialMapping;

/**
 * {@code providers [--json]}: every special-mapping provider of the extension registry with its name, id,
 * contributing bundle, profiles, placement, size, and which of pages / fault / mremap / close its mapping uses;
 * then the kernel profiles, and every contribution that was skipped or repaired (exit code 1 when there are
 * errors, so CI notices a broken plugin).
 */
final class ProvidersCommand implements Command {

    /** One row of the listing. */
    private record Row(String name, String id, String bundle, String profiles, String placement, int size,
            String uses, String implClass) {
    }

    @Override
    public String name() {
        return "providers";
    }

    @Override
    public String synopsis() {
        return "[--json]   list the special-mapping providers (built-in and from plugins) and the kernel profiles";
    }

    @Override
    public int run(String[] argv, CliIO io) {
        Args args = Args.parse("providers", argv, Set.of("--json", "--help"), Set.of(), io);
        if (args.has("--help")) {
            io.out().println("usage: mmwb providers " + synopsis());
            return Cli.OK;
        }
        if (!args.positional().isEmpty()) {
            return io.fail(Cli.USAGE, "providers: takes no arguments (usage: mmwb providers [--json])");
        }
        ProviderCatalog catalog = ProviderCatalog.installed();
        List<Row> rows = rows(catalog);
        List<Problem> problems = catalog.problems();
        if (args.has("--json")) {
            io.out().println(json(catalog, rows, problems));
        } else {
            text(io, catalog, rows, problems);
        }
        return problems.stream().anyMatch(Problem::error) ? Cli.FAILURE : Cli.OK;
    }

    private static List<Row> rows(ProviderCatalog catalog) {
        List<Row> rows = new ArrayList<>();
        for (RegisteredProvider p : catalog.providers()) {
            String profiles = p.profiles().isEmpty() ? "*" : String.join(",", p.profiles().stream().sorted().toList());
            rows.add(new Row(p.name(), p.id(), p.contributor(), profiles, placement(p.placement()), p.pages(),
                    uses(catalog, p), p.implementationClass()));
        }
        return rows;
    }

    private static String placement(Placement pl) {
        return switch (pl.kind()) {
            case TOP_DOWN -> "exec";
            case AFTER -> "exec after " + pl.after();
            case FIXED -> String.format("exec at 0x%x", pl.address());
            case GATE -> String.format("gate at 0x%x", pl.address());
            case ON_REQUEST -> "request";
        };
    }

    /** Which callbacks the mapping has: made in a throw-away kernel of one of its profiles. */
    private static String uses(ProviderCatalog catalog, RegisteredProvider p) {
        if (p.placement().kind() == Placement.Kind.GATE) {
            return "gate";
        }
        for (KernelProfile k : catalog.profiles()) {
            if (!catalog.providers(k.name()).contains(p)) {
                continue;
            }
            SpecialMapping sm = new Kernel(k).specialMapping(p.name());
            if (sm == null) {
                return "(create failed)";
            }
            List<String> u = new ArrayList<>();
            if (sm.pageCount() > 0) {
                u.add("pages");
            }
            if (sm.fault() != null) {
                u.add("fault");
            }
            if (sm.mremap() != null) {
                u.add("mremap");
            }
            if (sm.close() != null) {
                u.add("close");
            }
            return String.join(",", u);
        }
        return "(in no declared profile)";
    }

    private static void text(CliIO io, ProviderCatalog catalog, List<Row> rows, List<Problem> problems) {
        // Columns as wide as their longest entry: ids are "bundle name + suffix", often past 26 characters.
        String fmt = "%-" + width(rows, "NAME", Row::name) + "s  %-" + width(rows, "ID", Row::id) + "s  %-"
                + width(rows, "BUNDLE", Row::bundle) + "s  %-" + width(rows, "PROFILES", Row::profiles) + "s  %-"
                + width(rows, "PLACEMENT", Row::placement) + "s  %5s  %s%n";
        io.out().printf(fmt, "NAME", "ID", "BUNDLE", "PROFILES", "PLACEMENT", "PAGES", "USES");
        for (Row r : rows) {
            io.out().printf(fmt, r.name(), r.id(), r.bundle(), r.profiles(), r.placement(), r.size(), r.uses());
        }
        io.out().println();
        io.out().println("kernel profiles:");
        int idWidth = catalog.profiles().stream().mapToInt(p -> p.name().length()).max().orElse(0);
        int bundleWidth = catalog.profiles().stream().mapToInt(p -> p.contributor().length()).max().orElse(0);
        String profileFmt = "  %-" + Math.max(1, idWidth) + "s  %-" + Math.max(1, bundleWidth) + "s  %s: %s%n";
        for (KernelProfile p : catalog.profiles()) {
            List<String> names = p.providers().stream().map(x -> x.name()).toList();
            io.out().printf(profileFmt, p.name(), p.contributor(), p.description(), String.join(" ", names));
        }
        printProblems(io.out(), problems);
    }

    /** The {@code problems:} section of a listing (nothing when there are none). */
    static void printProblems(java.io.PrintStream out, List<Problem> problems) {
        if (!problems.isEmpty()) {
            out.println();
            out.println("problems:");
            for (Problem p : problems) {
                out.println("  " + (p.error() ? "error: " : "warning: ") + p);
            }
        }
    }

    private static int width(List<Row> rows, String header, java.util.function.Function<Row, String> column) {
        int w = header.length();
        for (Row r : rows) {
            w = Math.max(w, column.apply(r).length());
        }
        return w;
    }

    private static String json(ProviderCatalog catalog, List<Row> rows, List<Problem> problems) {
        JsonObject o = new JsonObject();
        JsonArray a = new JsonArray();
        for (Row r : rows) {
            JsonObject j = new JsonObject();
            j.addProperty("name", r.name());
            j.addProperty("id", r.id());
            j.addProperty("bundle", r.bundle());
            j.addProperty("class", r.implClass());
            j.addProperty("profiles", r.profiles());
            j.addProperty("placement", r.placement());
            j.addProperty("pages", r.size());
            j.addProperty("uses", r.uses());
            a.add(j);
        }
        o.add("providers", a);
        JsonArray ps = new JsonArray();
        for (KernelProfile p : catalog.profiles()) {
            JsonObject j = new JsonObject();
            j.addProperty("id", p.name());
            j.addProperty("bundle", p.contributor());
            JsonArray names = new JsonArray();
            p.providers().forEach(x -> names.add(x.name()));
            j.add("mappings", names);
            ps.add(j);
        }
        o.add("profiles", ps);
        o.add("problems", problemsJson(problems));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o);
    }

    /** The {@code "problems"} array of a listing's JSON: bundle, severity, message. */
    static JsonArray problemsJson(List<Problem> problems) {
        JsonArray pr = new JsonArray();
        for (Problem p : problems) {
            JsonObject j = new JsonObject();
            j.addProperty("bundle", p.bundle());
            j.addProperty("severity", p.error() ? "error" : "warning");
            j.addProperty("message", p.message() + (p.cause() == null ? "" : " (" + p.cause() + ")"));
            pr.add(j);
        }
        return pr;
    }
}
