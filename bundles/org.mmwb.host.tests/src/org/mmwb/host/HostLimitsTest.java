package org.mmwb.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The helper's sysctl (restored when the scenario ends, refused below the safety floor), setrlimit, usage, pad. */
class HostLimitsTest extends HostKernelTestBase {
    private static final Path MAX_MAP_COUNT = Path.of("/proc/sys/vm/max_map_count");

    private static String read() throws IOException {
        try (var in = Files.newBufferedReader(MAX_MAP_COUNT)) { // procfs files report size 0: read as a stream
            return in.readLine().strip();
        }
    }

    @Test
    void aScenariosSysctlIsRestoredWhenItEnds() throws IOException {
        String before = read();
        try (HostScenario s = kernel.newScenario()) {
            assertEquals(HostResult.Kind.OK, kernel.sysctl("max_map_count", 70_001).kind());
            assertEquals("70001", read());
            assertEquals(HostResult.Kind.OK, kernel.sysctl("max_map_count", 70_002).kind());
        }
        assertEquals(before, read(), "the value before the scenario, not the first one it set");
    }

    @Test
    void settingsThatWouldStarveTheMachineAreRefused() throws IOException {
        String before = read();
        try (HostScenario s = kernel.newScenario()) {
            HostResult r = kernel.sysctl("max_map_count", 100);
            assertEquals(HostResult.Kind.FAILURE, r.kind());
            assertTrue(r.message().contains("below 4096"), r.message());
            assertEquals(HostResult.Kind.FAILURE, kernel.sysctl("swappiness", 1).kind());
        }
        assertEquals(before, read());
    }

    @Test
    void usagePadAndSetrlimit() {
        try (HostScenario s = kernel.newScenario()) {
            HostProcess p = s.process(1);
            long[] u = p.usage();
            assertNotNull(u);
            assertTrue(u[0] > 5 && u[1] > 0 && u[4] > 0, java.util.Arrays.toString(u));
            assertTrue(p.pad(10).isPresent());
            assertEquals(u[0] + 10, p.usage()[0]);
            assertEquals(HostResult.Kind.OK, p.setrlimit(9, u[1] + 10 * 4096 + 8192, -2).kind()); // RLIMIT_AS
            assertEquals(HostResult.Kind.VALUE, p.mmap(0, 8192, 3, 0x22, -1, 0).kind());
            assertEquals("ENOMEM", p.mmap(0, 4096, 3, 0x22, -1, 0).errnoName());
        }
    }
}
