package org.mmwb.host.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwb.host.InputFileException;

/**
 * Stored reports given by path (a session of ./mmwb import, a recorded kernel run): what is not a readable
 * regular file of sane size is refused by name before it is opened; what is not a report gets FILE:LINE:COL.
 */
class ReportFilesTest {
    private static final String REPORT = "{\n  \"profile\": \"x86_64-6.18\",\n  \"results\": [],\n  \"dumps\": [],\n"
        + "  \"faults\": []\n}\n";

    @TempDir
    Path dir;

    private static String error(Path file) {
        return assertThrows(InputFileException.class, () -> ReportFiles.read(file)).getMessage();
    }

    @Test
    void aReportAndASymbolicLinkToItRead() throws Exception {
        Path f = Files.writeString(dir.resolve("r.json"), REPORT);
        assertEquals("x86_64-6.18", ReportFiles.read(f).profile());
        assertEquals("x86_64-6.18", ReportFiles.read(Files.createSymbolicLink(dir.resolve("l.json"), f)).profile());
    }

    @Test
    void badFilesAreRefusedByName() throws Exception {
        assertEquals("/dev/zero: is a character device, not a regular file (mmwb reads files, which end)",
            error(Path.of("/dev/zero")));
        assertEquals(dir + ": is a directory, not a file", error(dir));
        Path none = dir.resolve("none.json");
        assertEquals(none + ": no such file", error(none));
        Path under = Files.writeString(dir.resolve("file"), "x").resolve("r.json");
        assertEquals(under + ": no such file ('" + under.getParent() + "' is not a directory)", error(under));
        Path cut = Files.writeString(dir.resolve("cut.json"), REPORT.substring(0, REPORT.indexOf('[') + 1));
        assertTrue(error(cut).matches(java.util.regex.Pattern.quote(cut.toString())
            + ":3:\\d+: not valid JSON: the text ends early, inside results.* \\(a truncated file\\?\\)"), error(cut));
        Path junk = Files.write(dir.resolve("junk.json"), new byte[] { '{', '"', (byte) 0xff, '"', ':', '1', '}' });
        assertTrue(error(junk).matches(java.util.regex.Pattern.quote(junk.toString())
            + ":1:\\d+: not UTF-8 text \\(binary data\\?\\)"), error(junk));
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3L << 40); // sparse
        }
        assertTrue(error(huge).startsWith(huge + ": 3072.0 GiB is more than mmwb reads with this Java heap"),
            error(huge));
        Path small = Files.writeString(dir.resolve("small.json"), REPORT);
        assertEquals(small + ": " + REPORT.length() + " bytes is more than mmwb reads with this Java heap (at most 10 "
            + "bytes, half the heap; MMWB_JAVA_OPTS=-Xmx8g raises it)",
            assertThrows(InputFileException.class, () -> ReportFiles.read(small, 10)).getMessage());

        Path fifo = dir.resolve("fifo.json");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo is not available");
        assertEquals(fifo + ": is a named pipe (FIFO), not a regular file (mmwb reads files, which end)",
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> error(fifo)));
    }

    @Test
    void anUnreadableFileIsPermissionDenied() throws Exception {
        Assumptions.assumeFalse(Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid")),
            "skipped: root reads every file");
        Path f = Files.writeString(dir.resolve("secret.json"), REPORT);
        Files.setPosixFilePermissions(f, java.util.Set.of());
        assertEquals(f + ": permission denied", error(f));
    }
}
