package org.mmwb.host.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;

import org.mmwb.host.InputFileException;
import org.mmwb.host.InputFiles;
import org.mmwb.scenario.ReportFormatException;
import org.mmwb.scenario.ReportJson;
import org.mmwb.scenario.RunReport;

/**
 * Reports stored on disk (the JSON of {@code ./mmwb run --json}, a session of {@code ./mmwb import PID}, a recorded
 * kernel run of the differential suite), read with the checks of {@link InputFiles}: every problem is one line
 * naming the file, and the line and column in it where the JSON is wrong.
 */
public final class ReportFiles {

    private ReportFiles() {
    }

    /**
     * @return the report in file
     * @throws InputFileException "FILE: why" or "FILE:LINE:COL: why"
     */
    public static RunReport read(Path file) throws InputFileException {
        return read(file, InputFiles.defaultLimit());
    }

    /** As {@link #read(Path)}, refusing files larger than maxBytes. */
    public static RunReport read(Path file, long maxBytes) throws InputFileException {
        try (BufferedReader in = InputFiles.openUtf8(file, maxBytes)) {
            return ReportJson.read(in);
        } catch (ReportFormatException e) {
            throw new InputFileException(e.at(file.toString()));
        } catch (IOException e) {
            throw new InputFileException(file, InputFiles.describe(e));
        }
    }
}
