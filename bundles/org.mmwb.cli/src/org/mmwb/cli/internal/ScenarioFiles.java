package org.mmwb.cli.internal;

import java.nio.file.Path;

import org.mmwb.core.catalog.ProviderCatalog;
import org.mmwb.host.InputFileException;
import org.mmwb.host.InputFiles;
import org.mmwb.core.mm.KernelProfile;
import org.mmwb.scenario.Diagnostic;
import org.mmwb.scenario.OperationTable;
import org.mmwb.scenario.ParseResult;
import org.mmwb.scenario.Scenario;
import org.mmwb.scenario.ScenarioParser;

/** Reads and checks a .mms file for a command, printing every diagnostic as {@code FILE:LINE:COL: message}. */
final class ScenarioFiles {

    private ScenarioFiles() {
    }

    /**
     * @param kernel a profile name overriding the file's {@code kernel} line, or null
     * @return the scenario
     * @throws CliExit after the problems were printed (nothing has run)
     */
    static Scenario load(String command, String file, String kernel, CliIO io) {
        Path path = Path.of(file);
        try {
            // a directory, a FIFO, /dev/zero or a file too large for the heap: one line, exit 2, as for reports
            InputFiles.check(path, InputFiles.defaultLimit());
        } catch (InputFileException e) {
            throw new CliExit(io.fail(Cli.BAD_INPUT, command + ": " + e.getMessage()));
        }
        ParseResult parsed = new ScenarioParser(OperationTable.installed()).parse(path);
        if (!parsed.diagnostics().isEmpty()) {
            for (Diagnostic d : parsed.diagnostics()) {
                io.err().println(explained(d));
            }
            io.err().println("mmwb: " + command + ": " + parsed.diagnostics().size() + " error"
                    + (parsed.diagnostics().size() == 1 ? "" : "s") + " in " + file + "; nothing was run");
            throw new CliExit(Cli.FAILURE);
        }
        Scenario s = parsed.scenario();
        if (kernel != null) {
            KernelProfile p = ProviderCatalog.installed().profile(kernel);
            if (p == null) {
                StringBuilder known = new StringBuilder();
                for (KernelProfile k : ProviderCatalog.installed().profiles()) {
                    known.append(known.isEmpty() ? "" : ", ").append(k.name());
                }
                throw new CliExit(io.fail(Cli.USAGE,
                        command + ": unknown kernel profile '" + kernel + "' (known: " + known + ")"));
            }
            s = new Scenario(s.fileName(), p, Math.min(s.levels(), p.maxLevels()), s.ops(), s.ram());
        }
        return s;
    }

    /** An unknown mapping that a plugin contributed but failed to load: say which plugin and why. */
    private static Diagnostic explained(Diagnostic d) {
        String prefix = "unknown special mapping '";
        if (!d.message().startsWith(prefix)) {
            return d;
        }
        int end = d.message().indexOf('\'', prefix.length());
        String why = end < 0 ? null : PluginFailures.whyMissing(d.message().substring(prefix.length(), end));
        return why == null ? d : new Diagnostic(d.file(), d.line(), d.column(), why);
    }
}
