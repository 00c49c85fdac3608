package org.mmwb.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The command line's contract: exit codes 0/1/2, messages instead of stack traces. */
class CliTest extends CliTestSupport {

    @Test
    void helpListsCommandsAndExitsZero() {
        assertEquals(Cli.OK, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("run"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertEquals(Cli.USAGE, run("frobnicate"));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("unknown command 'frobnicate'"), e);
    }

    @Test
    void runWithoutFileIsAUsageError() {
        assertEquals(Cli.USAGE, run("run"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("give one scenario file"));
    }

    @Test
    void runOnMissingFileFailsWithAMessageNotAStackTrace() {
        assertEquals(Cli.BAD_INPUT, run("run", "/nonexistent/x.mms"));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("run: /nonexistent/x.mms: "), e);
        assertFalse(e.contains("Exception"), e);
    }

    @Test
    void runOnADirectoryOrAFifoIsBadInputNotAHang() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("mmwb-cli");
        assertEquals(Cli.BAD_INPUT, run("run", dir.toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("is a directory"), e);
        java.nio.file.Path fifo = dir.resolve("pipe.mms");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        err.reset();
        assertEquals(Cli.BAD_INPUT, run("run", fifo.toString()));
        e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("named pipe"), e);
    }
}
