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

    /** mlockall, munlockall and capdrop reach the kernel: root locks past a zero RLIMIT_MEMLOCK, a process that dropped
     *  CAP_IPC_LOCK gets EPERM (can_do_mlock), and VmLck (usage) follows. */
    @Test
    void mlockallMunlockallAndCapdrop() {
        try (HostScenario s = kernel.newScenario()) {
            HostProcess p = s.process(1);
            assertEquals("EINVAL", p.mlockall(0).errnoName());
            assertEquals("EINVAL", p.mlockall(4).errnoName()); // MCL_ONFAULT alone
            assertEquals(HostResult.Kind.OK, p.setrlimit(8, 0, -2).kind()); // RLIMIT_MEMLOCK
            assertEquals(HostResult.Kind.OK, p.mlockall(1).kind());
            long[] u = p.usage();
            // every VMA but the VM_SPECIAL ones ([vvar], [vdso]: mlock_fixup skips them) is locked
            assertTrue(u[3] > 0 && u[3] < u[1], java.util.Arrays.toString(u));
            assertEquals(HostResult.Kind.OK, p.munlockall().kind());
            assertEquals(0, p.usage()[3]);
            assertEquals(HostResult.Kind.OK, p.capdrop(14).kind());
            assertEquals("EPERM", p.mlockall(1).errnoName());
            assertEquals("EINVAL", p.capdrop(64).errnoName());
        }
    }
}
