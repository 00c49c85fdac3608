package org.mmwb.record.live;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.mmwb.host.HostUnavailableException;

/**
 * Records a command on the live kernel: runs the recorder binary ({@link RecorderBuild}), which writes the
 * recording file itself. The command's standard streams are the caller's; the recorder's messages go to stderr.
 */
public final class Recorder {
    /** Recorder exit codes (native/mmwb-record.c). */
    public static final int OK = 0, FAILED = 1, USAGE = 2, INCOMPLETE = 3, UNAVAILABLE = 4;

    private Recorder() {
    }

    /**
     * Records command into out.
     *
     * @return the recorder's exit code: {@link #OK}, {@link #INCOMPLETE} (the file says so in its last line),
     *         {@link #UNAVAILABLE} (privileges, tracefs or perf missing: the recorder said which) or {@link #FAILED}
     */
    public static int record(Path out, List<String> command) throws HostUnavailableException {
        Path bin = RecorderBuild.ensureBinary();
        List<String> cmd = new ArrayList<>(List.of(bin.toString(), "-o", out.toString(), "--"));
        cmd.addAll(command);
        try {
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            return p.waitFor();
        } catch (IOException e) {
            throw new HostUnavailableException("cannot start the recorder " + bin + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostUnavailableException("interrupted while recording", e);
        }
    }
}
