package org.mmwb.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mmwb.core.catalog.Problem;
import org.mmwb.core.catalog.ProviderCatalog;
import org.mmwb.scenario.OperationTable;

/**
 * What the command line says about plugins that failed: a contribution skipped at load time (a special-mapping
 * provider or a scenario operation), a provider whose {@code create} failed, a {@code .fault} handler that threw,
 * broke the contract or ran past its budget. The registries keep these problems (and write them to the Eclipse
 * log); a command that ran a scenario warns on standard error with each failing bundle and exits with
 * {@link Cli#PLUGIN_FAILED}, so a CI job notices even when the results look plausible.
 */
final class PluginFailures {

    private PluginFailures() {
    }

    /** Where the problems of a command start (the registry keeps those of earlier commands of the same JVM). */
    static int mark() {
        return ProviderCatalog.installed().problems().size();
    }

    /**
     * Prints one warning per failing bundle (its first problem and how many more) and where the Eclipse log is:
     * for contributions that failed to load and for failures since {@code mark}.
     *
     * @return true when a plugin failed
     */
    static boolean warn(String command, CliIO io, int mark) {
        Map<String, List<Problem>> byBundle = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>(ProviderCatalog.installed().problems(mark));
        problems.addAll(OperationTable.installed().problems()); // operations fail only while they are read
        for (Problem p : problems) {
            if (p.error()) {
                byBundle.computeIfAbsent(p.bundle().isEmpty() ? "(unknown bundle)" : p.bundle(),
                        b -> new java.util.ArrayList<>()).add(p);
            }
        }
        if (byBundle.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, List<Problem>> e : byBundle.entrySet()) {
            Problem first = e.getValue().get(0);
            int more = e.getValue().size() - 1;
            io.err().println("mmwb: " + command + ": warning: plugin " + e.getKey() + " failed: " + describe(first)
                    + (more > 0 ? " (and " + more + " more problem" + (more == 1 ? "" : "s") + ")" : ""));
        }
        String log = System.getProperty("osgi.logfile");
        if (log != null && !new java.io.File(log).isFile()) {
            log = null; // nothing was written there (no platform log in this runtime)
        }
        io.err().println("mmwb: " + command + ": the results above are incomplete; exit code " + Cli.PLUGIN_FAILED
                + " (a plugin failed)" + (log == null ? "" : "; details and stack traces in the Eclipse log " + log));
        return true;
    }

    /** The problem's message and its cause, unless the message already names it. */
    private static String describe(Problem p) {
        String cause = p.cause() == null ? "" : p.cause().toString();
        return p.message() + (cause.isEmpty() || p.message().contains(cause) ? "" : " (" + cause + ")");
    }

    /**
     * The registry's reason a mapping is missing when a plugin contributed it but failed to load, or null. Used to
     * replace the parser's "unknown special mapping" by the cause a plugin author can act on.
     */
    static String whyMissing(String mapping) {
        for (Problem p : ProviderCatalog.installed().problems()) {
            if (p.error() && p.mapping().equals(mapping)) {
                return mapping + " is provided by plugin " + p.bundle() + ", which failed to load: " + describe(p);
            }
        }
        return null;
    }
}
