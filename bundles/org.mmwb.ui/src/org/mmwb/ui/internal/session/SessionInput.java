package org.mmwb.ui.internal.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mmwb.host.InputFileException;
import org.mmwb.host.InputFiles;
import org.mmwb.host.scenario.ReportFiles;
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

    /** The message of e without the "FILE: " its message starts with. */
    static String why(InputFileException e, Path file) {
        String m = e.getMessage();
        String prefix = file + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

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
