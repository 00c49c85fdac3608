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
import org.mmwb.scenario.Diagnostic;
import org.mmwb.scenario.RunReport;
import org.mmwb.scenario.ScenarioParser;

/**
 * Reads the files the workbench opens (a .mms scenario, a .json session) with the checks of {@link InputFiles}, so
 * that a FIFO, a device, a directory, a dangling link, a recording or a file too large is a one-line message,
 * never a hang of the UI thread or an exhausted heap that would take unsaved editors with it.
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
        refuseRecording(file);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputFileException(file, "cannot read the file: " + InputFiles.describe(e));
        }
    }

    /** A stored report, read-only. */
    static RunReport report(Path file) throws InputFileException {
        InputFiles.check(file, InputFiles.defaultLimit());
        refuseRecording(file);
        return ReportFiles.read(file);
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

    private static void refuseRecording(Path file) throws InputFileException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(RECORDING.length());
        } catch (IOException e) {
            throw new InputFileException(file, "cannot read the file: " + InputFiles.describe(e));
        }
        if (new String(head, StandardCharsets.UTF_8).equals(RECORDING)) {
            throw new InputFileException(file, "a recording of a program (docs/recording.md), which the workbench "
                    + "does not open yet: replay it with ./mmwb replay " + file);
        }
    }
}
