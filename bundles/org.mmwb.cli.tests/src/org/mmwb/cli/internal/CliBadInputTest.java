package org.mmwb.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs from outside on the command line (run/diff of stored reports, replay of recordings, import of processes):
 * each bad one gets exit code 2 and one line on standard error naming the file (and the line where it applies),
 * no stack trace, no hang.
 */
class CliBadInputTest {
    private static final String REPORT = "{\n  \"profile\": \"x86_64-6.18\",\n  \"results\": [],\n  \"dumps\": [],\n"
        + "  \"faults\": []\n}\n";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs a command line and returns its only line on standard error (asserting there is exactly one). */
    private String fails(String... args) {
        out.reset();
        err.reset();
        int rc = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> new Cli(new PrintStream(out, true,
            StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(Cli.BAD_INPUT, rc, String.join(" ", args) + ": " + e);
        assertTrue(e.startsWith("mmwb: ") && e.endsWith("\n") && e.indexOf('\n') == e.length() - 1,
            "one line: " + e);
        assertFalse(e.contains("Exception") || e.contains("\tat "), e);
        return e.strip();
    }

    @Test
    void runAndDiffOfBadReports() throws Exception {
        Path cut = Files.writeString(dir.resolve("cut.json"), REPORT.substring(0, REPORT.indexOf('[') + 1));
        assertTrue(fails("run", cut.toString()).matches("mmwb: run: \\Q" + cut + "\\E:3:\\d+: not valid JSON: the "
            + "text ends early, inside results.*"), err.toString(StandardCharsets.UTF_8));
        Path typed = Files.writeString(dir.resolve("typed.json"), REPORT.replace("\"results\": []", "\"results\": 7"));
        assertTrue(fails("run", typed.toString()).matches("mmwb: run: \\Q" + typed + "\\E:3:\\d+: report.results: "
            + "expected an array"), err.toString(StandardCharsets.UTF_8));
        assertEquals("mmwb: run: /dev/zero.json: no such file", fails("run", "/dev/zero.json"));
        Path link = Files.createSymbolicLink(dir.resolve("zero.json"), Path.of("/dev/zero"));
        assertEquals("mmwb: run: " + link + ": is a character device, not a regular file (mmwb reads files, which "
            + "end)", fails("run", link.toString()));
        Path fifo = dir.resolve("fifo.json");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "no mkfifo");
        assertEquals("mmwb: run: " + fifo + ": is a named pipe (FIFO), not a regular file (mmwb reads files, which "
            + "end)", fails("run", fifo.toString()));
        Path capture = Files.writeString(dir.resolve("capture.json"), REPORT.replace("\"faults\": []",
            "\"fault_capture\": {\"captured\": \"yes\", \"scope\": \"user\"},\n  \"faults\": []"));
        assertTrue(fails("run", capture.toString()).matches("mmwb: run: \\Q" + capture + "\\E:\\d+:\\d+: report"
            + ".fault_capture.captured: expected true or false"), err.toString(StandardCharsets.UTF_8));
        Path scope = Files.writeString(dir.resolve("scope.json"), REPORT.replace("\"faults\": []",
            "\"fault_capture\": {\"captured\": true, \"scope\": \"some\"},\n  \"faults\": []"));
        assertTrue(fails("run", scope.toString()).matches("mmwb: run: \\Q" + scope + "\\E(:\\d+:\\d+)?: report"
            + ".fault_capture.scope: expected \"all\" or \"user\", but found 'some'"), err.toString(StandardCharsets.UTF_8));
        Path dirJson = Files.createDirectory(dir.resolve("d.json"));
        assertEquals("mmwb: run: " + dirJson + ": is a directory, not a file", fails("run", dirJson.toString()));

        // diff against a recorded run that is broken: the scenario is fine, the recording is not
        Path mms = Files.writeString(dir.resolve("s.mms"), "kernel x86_64-6.18\n$a = mmap 0 4K rw-\n");
        assertTrue(fails("diff", mms.toString(), "--against", cut.toString()).startsWith("mmwb: diff: " + cut + ":3:"),
            err.toString(StandardCharsets.UTF_8));
        Path recorded = Files.createDirectory(dir.resolve("recorded"));
        assertEquals("mmwb: diff: " + recorded.resolve("s.json") + ": no such file",
            fails("diff", mms.toString(), "--recorded", recorded.toString()));
        Files.createSymbolicLink(recorded.resolve("s.json"), fifo);
        assertTrue(fails("diff", mms.toString(), "--recorded", recorded.toString())
            .endsWith("s.json: is a named pipe (FIFO), not a regular file (mmwb reads files, which end)"));
    }

    @Test
    void replayOfBadRecordings() throws Exception {
        assertEquals("mmwb: replay: /dev/zero: is a character device, not a regular file (mmwb reads files, which "
            + "end)", fails("replay", "/dev/zero"));
        assertEquals("mmwb: replay: " + dir + ": is a directory, not a file", fails("replay", dir.toString()));
        Path cut = Files.writeString(dir.resolve("cut.rec"), "{\"mmwb_recording\":1,\"command\":[\"x\"]}\n{\"t\":1,"
            + "\"type\":\"exec\",\"pid\":1,\"ti");
        assertTrue(fails("replay", cut.toString()).matches("mmwb: replay: \\Q" + cut + "\\E:2: not JSON \\(unterminated "
            + "string at column \\d+\\)"), err.toString(StandardCharsets.UTF_8));
        Path big = Files.writeString(dir.resolve("big.rec"), "{\"mmwb_recording\":1}\n{\"t\":1,\"type\":\"task_end\","
            + "\"pid\":1e99,\"tid\":1}\n");
        assertEquals("mmwb: replay: " + big + ":2: \"pid\" is not a whole number that fits 64 bits: 1e99",
            fails("replay", big.toString()));
    }

    @Test
    void importOfProcessesThatCannotBeImported() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "skipped: no Linux /proc");
        assertEquals("mmwb: import: 'x12' is not a process id", fails("import", "x12"));
        assertEquals("mmwb: import: process 99999999999 does not exist (no /proc/99999999999)",
            fails("import", "99999999999"));
        assertEquals("mmwb: import: process 2 (kthreadd) is a kernel thread: it has no user address space to import",
            fails("import", "2"));
        // a zombie: sleep is the parent of an exited 'true' it never reaps
        Process parent = new ProcessBuilder("sh", "-c", "true & exec sleep 30").start();
        try {
            String zombie = null;
            for (int i = 0; i < 100 && zombie == null; i++) {
                Path children = Path.of("/proc", Long.toString(parent.pid()), "task", Long.toString(parent.pid()),
                    "children");
                String c = Files.exists(children) ? Files.readString(children).strip() : "";
                if (!c.isEmpty() && Files.readString(Path.of("/proc", c, "stat")).contains(") Z ")) {
                    zombie = c;
                } else {
                    Thread.sleep(20);
                }
            }
            Assumptions.assumeTrue(zombie != null, "no zombie child appeared");
            assertEquals("mmwb: import: process " + zombie + " has exited (state Z): its memory is gone",
                fails("import", zombie));
        } finally {
            parent.destroyForcibly();
            parent.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
