package org.mmwb.cli.internal;

import java.nio.file.Path;
import java.util.Set;

import org.mmwb.core.catalog.ProviderCatalog;
import org.mmwb.core.mm.KernelProfile;
import org.mmwb.record.Recording;
import org.mmwb.record.RecordingException;
import org.mmwb.record.RecordingReader;
import org.mmwb.record.replay.ReplayReport;
import org.mmwb.record.replay.Replayer;

/** {@code replay FILE}: runs a recording on the simulator and says how faithful it was (docs/recording.md). */
final class ReplayCommand implements Command {

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public String synopsis() {
        return "FILE  replay a recording (mmwb record) on the simulator: system calls, faults, final maps compared";
    }

    @Override
    public int run(String[] argv, CliIO io) {
        Args args = Args.parse("replay", argv, Set.of("--help"), Set.of(), io);
        if (args.has("--help")) {
            io.out().println("usage: mmwb replay " + synopsis());
            return Cli.OK;
        }
        if (args.positional().size() != 1) {
            return io.fail(Cli.USAGE, "replay: give one recording (usage: mmwb replay FILE)");
        }
        Recording rec;
        long start = System.nanoTime();
        try {
            rec = RecordingReader.read(Path.of(args.positional().get(0)));
        } catch (RecordingException e) {
            return io.fail(Cli.BAD_INPUT, "replay: " + e.getMessage());
        }
        if (!rec.complete()) {
            io.err().println("mmwb: replay: warning: the recording is INCOMPLETE (events were lost or it was cut "
                + "short): the figures below compare against a partial history");
        }
        // the installed default: the profile of the kernel these recordings are made on (org.mmwb.x86 declares it)
        KernelProfile profile = ProviderCatalog.installed().defaultProfile();
        if (profile == null) {
            return io.fail(Cli.FAILURE, "replay: no kernel profile is installed");
        }
        long read = System.nanoTime() - start;
        ReplayReport r = new Replayer(profile, rec).run();
        io.out().println("replay of " + String.join(" ", rec.command()) + " (recorded on " + rec.kernel() + "):");
        io.out().println(r.summary());
        io.out().printf("read in %.1f ms, replayed in %.1f ms; the program ran %.1f ms on the live kernel; "
            + "%d life-cycle events (exec, fork, exit)%nnot replayed: %d faults inside execve (the exec snapshots "
            + "hold their pages), %d kernel faults taken with page faults disabled (repeated at once)%n", read / 1e6,
            r.replayNanos() / 1e6,
            r.programNanos() / 1e6, r.lifecycle(), r.faultsInExec(), r.faultsDisabled());
        if (r.differenceCount() > 0) {
            io.out().println("first differences (" + r.differenceCount() + " in all):");
            for (String d : r.differences()) {
                io.out().println("  " + d);
            }
        }
        boolean faithful = r.syscallsMatched() == r.syscalls() && r.faultsMatched() == r.faults() && r.mapsIdentical();
        return faithful && rec.complete() ? Cli.OK : Cli.FAILURE;
    }
}
