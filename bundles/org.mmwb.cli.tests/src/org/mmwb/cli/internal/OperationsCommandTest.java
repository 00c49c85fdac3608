package org.mmwb.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * {@code operations} and {@code run --help}: the scenario language's help comes from the installed operation table,
 * so org.mmwb.iomap's {@code iomap} (a plugin's contribution) is listed beside the built-ins.
 */
class OperationsCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsEveryOperationWithItsBundleAndUsage() {
        assertEquals(Cli.OK, run("operations"), err.toString(StandardCharsets.UTF_8));
        String[] lines = out().split("\n");
        assertTrue(lines[0].matches("OPERATION +BUNDLE +USAGE"), lines[0]);
        assertTrue(lines[1].matches("kernel +org\\.mmwb\\.scenario +kernel PROFILE \\[FLAG]\\*"), lines[1]);
        assertTrue(out().contains("\nmmap "), out());
        assertTrue(out().matches("(?s).*\niomap +org\\.mmwb\\.iomap +\\[\\$n =] iomap NAME \\[ADDR]\n.*"), out());
        assertTrue(out().indexOf("\ndump ") < out().indexOf("\niomap "), "plugins after the built-ins");
    }

    @Test
    void jsonListsTheSame() {
        assertEquals(Cli.OK, run("operations", "--json"));
        assertTrue(out().contains("\"name\": \"iomap\",\n      \"bundle\": \"org.mmwb.iomap\",\n      \"usage\":"
                + " \"[$n =] iomap NAME [ADDR]\""), out());
        assertTrue(out().contains("\"problems\": []"), out());
    }

    @Test
    void oneOperationsArgumentsAndFlags() {
        assertEquals(Cli.OK, run("operations", "madvise"));
        assertTrue(out().startsWith("madvise ADDR LEN ADVICE    (org.mmwb.scenario)\n  madvise(2) with one of"), out());
        assertTrue(out().contains("\n  ADVICE  MADV_* advice; one of: dontneed free "), out());
        assertEquals(Cli.OK, run("operations", "iomap"));
        assertTrue(out().contains("\n  [ADDR]  where to map it (default: where mmap would); an address"), out());
        assertEquals(Cli.OK, run("operations", "mremap"));
        assertTrue(out().contains("flags:\n  maymove  MREMAP_MAYMOVE"), out());
    }

    @Test
    void anUnknownOperationIsAUsageError() {
        assertEquals(Cli.USAGE, run("operations", "mmapp"));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.startsWith("mmwb: operations: unknown operation 'mmapp'; expected one of: kernel, file,"), e);
        assertTrue(e.trim().endsWith(", dump, iomap"), e);
    }

    @Test
    void runHelpNamesTheOperations() {
        assertEquals(Cli.OK, run("run", "--help"));
        assertTrue(out().contains("\nscenario operations: kernel file mmap "), out());
        assertTrue(out().contains(" dump iomap\n"), out());
    }
}
