package org.mmwb.cli.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.mmwb.host.HostUnavailableException;
import org.mmwb.record.Recording;
import org.mmwb.record.RecordingEvent;
import org.mmwb.record.RecordingException;
import org.mmwb.record.RecordingReader;
import org.mmwb.record.live.Recorder;

/**
 * {@code record [-o FILE] -- CMD [ARGS...]}: runs CMD on the live kernel and writes the recording of its memory
 * life (docs/recording.md), then reads it back and says what it holds.
 */
final class RecordCommand implements Command {

    @Override
    public String name() {
        return "record";
    }

    @Override
    public String synopsis() {
        return "[-o FILE] -- CMD [ARGS...]  record CMD's mm system calls and page faults on the live kernel "
            + "(root; default FILE: CMD.mmwb-rec)";
    }

    @Override
    public int run(String[] argv, CliIO io) {
        String out = null;
        int i = 0;
        for (; i < argv.length; i++) {
            String a = argv[i];
            if (a.equals("--")) {
                i++;
                break;
            } else if ((a.equals("-o") || a.equals("--output")) && i + 1 < argv.length) {
                out = argv[++i];
            } else if (a.equals("--help") || a.equals("-h")) {
                io.out().println("usage: mmwb record " + synopsis());
                return Cli.OK;
            } else if (a.startsWith("-")) {
                return io.fail(Cli.USAGE, "record: unknown option '" + a + "' (usage: mmwb record " + synopsis() + ")");
            } else {
                break;
            }
        }
        List<String> command = Arrays.asList(argv).subList(i, argv.length);
        if (command.isEmpty()) {
            return io.fail(Cli.USAGE, "record: give the command to record (usage: mmwb record [-o FILE] -- CMD ...)");
        }
        if (out == null) {
            out = Path.of(command.get(0)).getFileName() + ".mmwb-rec";
        }
        Path file = Path.of(out).toAbsolutePath();
        int code;
        try {
            code = Recorder.record(file, command);
        } catch (HostUnavailableException e) {
            return io.fail(Cli.FAILURE, "record: " + e.getMessage());
        }
        if (code == Recorder.UNAVAILABLE || code == Recorder.USAGE || code == Recorder.FAILED) {
            return io.fail(Cli.FAILURE, "record: no recording was made (the recorder's message is above)");
        }
        Recording rec;
        try {
            rec = RecordingReader.read(file);
        } catch (RecordingException e) {
            return io.fail(Cli.FAILURE, "record: the recorder wrote an unreadable recording: " + e.getMessage());
        }
        if (!rec.complete()) {
            return io.fail(Cli.FAILURE, "record: " + out + " is INCOMPLETE (" + (rec.end() == null ? "no end line"
                : rec.end().lost() + " events lost, " + rec.end().throttled() + " throttled")
                + "): do not trust its figures");
        }
        long procs = rec.count(RecordingEvent.Exec.class);
        long threads = rec.events().stream().filter(e -> e instanceof RecordingEvent.TaskNew n && n.sharesMm()).count();
        io.err().printf("mmwb: recorded %s: %d execs, %d forks/threads (%d sharing an mm), %d system calls, %d faults, "
            + "%.1f ms on kernel %s -> %s%n", String.join(" ", command), procs, rec.count(RecordingEvent.TaskNew.class),
            threads, rec.end().syscalls(), rec.end().faults(), rec.end().wallNs() / 1e6, rec.kernel(), out);
        return Cli.OK;
    }
}
