package org.mmwb.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.mmwb.host.HostKernel;

/**
 * {@code mmwb fuzz}: the engine's invariant fuzzer and the differential fuzzer, each in a CI-sized seeded run
 * (the long runs are described in docs/host-kernel.md).
 */
class FuzzCommandTest extends CliTestSupport {

    @Test
    void engineFuzzKeepsEveryInvariant() {
        assertEquals(Cli.OK, run("fuzz", "--engine", "--seed", "7", "--count", "30000", "--check-every", "1"), out());
        assertTrue(out().contains("30000 operations, 30000 invariant checks"), out());
        assertTrue(out().contains("0 invariant breaks"), out());
    }

    @Test
    void badNumbersAreUsageErrors() {
        assertEquals(Cli.USAGE, run("fuzz", "--count", "many"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--count needs a positive number"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(Cli.USAGE, run("fuzz", "--engine", "--seed", "-1"));
    }

    @Test
    void theSameSeedGivesTheSameScenarios() {
        FuzzScenarios a = new FuzzScenarios(5, "x86_64-6.18");
        FuzzScenarios b = new FuzzScenarios(5, "x86_64-6.18");
        for (int i = 0; i < 20; i++) {
            assertEquals(a.next(24), b.next(24));
        }
        assertNotEquals(new FuzzScenarios(5, "x86_64-6.18").next(24), new FuzzScenarios(6, "x86_64-6.18").next(24));
    }

    /** Every operation of the language turns up in a few hundred scenarios (the fuzzer covers the language). */
    @Test
    void everyOperationIsGenerated() {
        FuzzScenarios f = new FuzzScenarios(3, "x86_64-6.18");
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (int i = 0; i < 400; i++) {
            for (String line : f.next(24)) {
                seen.add(line.split(" ")[0]);
            }
        }
        for (String op : java.util.List.of("kernel", "file", "mmap", "munmap", "mprotect", "mremap", "madvise", "mlock",
                "munlock", "mlockall", "munlockall", "capdrop", "mseal", "brk", "touch", "read", "write", "fork",
                "exit", "sysctl", "setrlimit", "dump")) {
            assertTrue(seen.contains(op), op + " never generated; seen " + seen);
        }
    }

    /** Random scenarios on the simulator and the live kernel: every one must agree (CI runs this on every build). */
    @Test
    void randomScenariosAgreeWithTheLiveKernel() throws IOException {
        Assumptions.assumeTrue(HostKernel.unavailableReason() == null, "no live kernel: " + HostKernel.unavailableReason());
        Assumptions.assumeTrue(System.getProperty("os.version", "").startsWith("6.18"), "the engine models 6.18");
        Path dir = Files.createTempDirectory("mmwb-fuzz");
        int rc = run("fuzz", "--seed", "1", "--count", "40", "--out", dir.toString());
        assertEquals(Cli.OK, rc, out());
        assertTrue(out().contains("40/40 scenarios matched"), out());
    }
}
