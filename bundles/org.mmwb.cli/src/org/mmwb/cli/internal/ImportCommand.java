package org.mmwb.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.mmwb.core.mm.VmaSnapshot;
import org.mmwb.host.HostVma;
import org.mmwb.host.ProcImport;
import org.mmwb.host.ProcImportException;
import org.mmwb.host.ProcSnapshot;
import org.mmwb.scenario.DumpRecord;
import org.mmwb.scenario.RunReport;

/**
 * {@code import PID [-o FILE]}: a snapshot of a live process (/proc/PID/maps, smaps, pagemap where readable) as a
 * read-only session file that {@code run} and the workbench open.
 */
final class ImportCommand implements Command {

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String synopsis() {
        return "PID [--output FILE]  snapshot a live process's VMAs and pages into a session file (import-PID.json)";
    }

    @Override
    public int run(String[] argv, CliIO io) {
        Args args = Args.parse("import", argv, Set.of("--help"), Set.of("--output"), io);
        if (args.has("--help")) {
            io.out().println("usage: mmwb import " + synopsis());
            return Cli.OK;
        }
        if (args.positional().size() != 1) {
            return io.fail(Cli.USAGE, "import: give one process id (usage: mmwb import PID)");
        }
        long pid;
        try {
            pid = Long.parseLong(args.positional().get(0));
        } catch (NumberFormatException e) {
            return io.fail(Cli.USAGE, "import: '" + args.positional().get(0) + "' is not a process id");
        }
        if (pid <= 0) {
            return io.fail(Cli.USAGE, "import: '" + pid + "' is not a process id");
        }
        ProcSnapshot snap;
        try {
            snap = ProcImport.read(pid);
        } catch (ProcImportException e) {
            return io.fail(Cli.BAD_INPUT, "import: " + e.getMessage());
        }
        String out = args.has("--output") ? args.get("--output") : "import-" + pid + ".json";
        DiffCommand.write(toReport(snap), out, io);
        for (String note : snap.notes()) {
            io.err().println("mmwb: import: note: " + note);
        }
        io.out().println("imported " + snap.vmas().size() + " VMAs of process " + pid + " (" + snap.comm()
                + ", kernel " + snap.kernelRelease() + ") into " + out + "; view it with: mmwb run " + out);
        return Cli.OK;
    }

    /** The snapshot as a report with one final-state dump, so every report reader shows it. */
    static RunReport toReport(ProcSnapshot snap) {
        List<VmaSnapshot> vmas = new ArrayList<>();
        for (HostVma v : snap.vmas()) {
            vmas.add(new VmaSnapshot(v.start(), v.end(), v.perms(), v.pgoff(), v.name(), v.flags(), v.pages()));
        }
        return new RunReport("/proc/" + snap.pid() + " (" + snap.comm() + ")", "live " + snap.kernelRelease(), 4,
                List.of(), List.of(new DumpRecord(null, (int) snap.pid(), vmas)), List.of(),
                RunReport.FaultCapture.notCaptured("a /proc snapshot holds the mappings, not the faults that made them"));
    }
}
