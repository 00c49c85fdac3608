package org.mmwb.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} when a plugin's handler fails: the results still print, a warning on standard error names the
 * plugin's bundle, and the exit code is {@link Cli#PLUGIN_FAILED}, so a CI job notices. The failing provider is
 * [clitest_broken] of this fragment's fragment.xml (contributed in the name of its host, org.mmwb.cli).
 */
class PluginFailureTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String text) throws IOException {
        Path f = dir.resolve("s.mms");
        Files.writeString(f, text);
        out.reset();
        err.reset();
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] {"run", f.toString()});
    }

    @Test
    void aHandlerThatThrowsMakesRunWarnAndExitThree() throws IOException {
        int rc = run("""
                kernel x86_64-6.18
                $b = iomap clitest_broken
                touch $b 4K r
                """);
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(Cli.PLUGIN_FAILED, rc, out.toString(StandardCharsets.UTF_8) + e);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("SIGBUS(ADRERR)"), "the results are printed");
        assertTrue(e.contains("run: warning: plugin org.mmwb.cli failed: provider org.mmwb.cli.tests.broken"
                + " ([clitest_broken]): its .fault handler threw java.lang.IllegalStateException: the test handler"
                + " fails"), e);
        assertTrue(e.contains("exit code 3 (a plugin failed)"), e);
        assertFalse(e.contains("\tat "), "no stack trace for the user: " + e);
    }

    @Test
    void aLaterRunWithoutTheFailingMappingExitsZero() throws IOException {
        run("""
                kernel x86_64-6.18
                $b = iomap clitest_broken
                read $b
                """);
        assertEquals(Cli.OK, run("kernel x86_64-6.18\nread [vdso]\n"), err.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }
}
