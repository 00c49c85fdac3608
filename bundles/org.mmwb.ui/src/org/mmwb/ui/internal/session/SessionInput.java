package org.mmwb.ui.internal.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mmwb.host.InputFileException;
import org.mmwb.host.InputFiles;
import org.mmwb.host.scenario.ReportFiles;
import org.mmwb.record.Recording;
import org.mmwb.record.RecordingException;
import org.mmwb.record.RecordingReader;
import org.mmwb.scenario.Diagnostic;
import org.mmwb.scenario.RunReport;
import org.mmwb.scenario.ScenarioParser;

/**
 * Reads the files the workbench opens (a .mms scenario, a .json session, a recording) with the checks of
 * {@link InputFiles}, so that a FIFO, a device, a directory, a dangling link or a file too large is a one-line
 * message, never a hang of the UI thread or an exhausted heap that would take unsaved editors with it.
 */
final class SessionInput {
    /** How a recording (docs/recording.md) starts. */
    private static final String RECORDING = "{\"mmwb_recording\"";

    private SessionInput() {
    }

    /**
     * The bytes of a scenario file.
     *
     * @throws InputFileException why it cannot be a scenario, without the file's name ({@link #why})
     */
    static byte[] scenario(Path file) throws InputFileException {
        long size = InputFiles.check(file, Long.MAX_VALUE);
        if (size > ScenarioParser.MAX_FILE_BYTES) {
            throw new InputFileException(file, "the file is larger than " + (ScenarioParser.MAX_FILE_BYTES >> 20)
                    + " MiB; a scenario is a short text file");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputFileException(file, "cannot read the file: " + InputFiles.describe(e));
        }
    }

    /** A stored report, read-only. */
    static RunReport report(Path file) throws InputFileException {
        InputFiles.check(file, InputFiles.defaultLimit());
        return ReportFiles.read(file);
    }

    /**
     * A recording, read by org.mmwb.record's reader (the checks of docs/recording.md, "Bad input").
     *
     * @throws RecordingException "FILE:LINE: why" or "FILE: why" ({@link #problem(RecordingException, Path, String)})
     */
    static Recording recording(Path file) throws RecordingException {
        return RecordingReader.read(file);
    }

    /** The reader's message as a diagnostic of the file named title, at the line it names (else line 1). */
    static Diagnostic problem(RecordingException e, Path file, String title) {
        String m = String.valueOf(e.getMessage());
        String prefix = file.toString();
        Matcher at = LINE.matcher(m);
        if (m.startsWith(prefix) && at.find(prefix.length()) && at.start() == prefix.length()) {
            return new Diagnostic(title, Integer.parseInt(at.group(1)), 1, m.substring(at.end()));
        }
        return new Diagnostic(title, 1, 1, m.startsWith(prefix + ": ") ? m.substring(prefix.length() + 2) : m);
    }

    private static final Pattern LINE = Pattern.compile(":(\\d+): ");

    /**
     * Whether file is a recording: named *.mmwb-rec, or a readable regular file whose first line is a recording's
     * header. Anything the checks refuse is not (opening it as a scenario then says why).
     */
    static boolean isRecording(Path file) {
        if (String.valueOf(file.getFileName()).endsWith(".mmwb-rec")) {
            return true;
        }
        try {
            InputFiles.check(file, Long.MAX_VALUE);
        } catch (InputFileException e) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(RECORDING.length()), StandardCharsets.UTF_8).equals(RECORDING);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The problem as a diagnostic of the file named title: at the line and column the message names ("FILE:3:14:
     * why", a session's JSON), else at 1:1 ("FILE: why").
     */
    static Diagnostic problem(InputFileException e, Path file, String title) {
        String m = e.getMessage();
        String prefix = file.toString();
        Matcher at = LINE_COLUMN.matcher(m);
        if (m.startsWith(prefix) && at.find(prefix.length()) && at.start() == prefix.length()) {
            return new Diagnostic(title, Integer.parseInt(at.group(1)), Integer.parseInt(at.group(2)),
                    m.substring(at.end()));
        }
        return new Diagnostic(title, 1, 1, m.startsWith(prefix + ": ") ? m.substring(prefix.length() + 2) : m);
    }

    private static final Pattern LINE_COLUMN = Pattern.compile(":(\\d+):(\\d+): ");

}
