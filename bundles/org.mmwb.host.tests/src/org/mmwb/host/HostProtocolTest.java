package org.mmwb.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mmwb.host.HostTestSupport.WIN;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmwb.core.mm.MapFlags;
import org.mmwb.core.mm.Prot;

/** Round trips of the helper's line protocol and the scenario/process bookkeeping. */
class HostProtocolTest extends HostKernelTestBase {

    @Test
    void helloGivesTheRunningKernelRelease() {
        assertEquals(ProcImport.kernelRelease(), kernel.kernelRelease());
        System.out.println("host tests run on kernel " + kernel.kernelRelease());
    }

    @Test
    void mmapRoundTripGivesTheAddress() {
        try (HostScenario s = kernel.newScenario(WIN, 1L << 30)) {
            HostProcess p = s.process(1);
            HostResult r = p.mmap(WIN, 0x2000, Prot.READ | Prot.WRITE,
                    MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED, -1, 0);
            assertEquals("0x100000000000", r.text());
            assertEquals(HostResult.Kind.OK, p.munmap(WIN, 0x2000).kind());
            assertNotEquals(-1, p.realPid());
        }
    }

    @Test
    void badRequestsAreFailuresNotExceptions() {
        try (HostScenario s = kernel.newScenario()) {
            HostProcess p = s.process(1);
            assertTrue(p.raw("frobnicate").get(0).startsWith("fail unknown operation"));
            assertTrue(p.raw("munmap 12zz 4096").get(0).startsWith("fail munmap: bad number"));
            assertEquals(HostResult.Kind.FAILURE, p.touch(WIN, 4096, 'q').get(0).kind());
            assertEquals(HostResult.Kind.FAILURE, p.file("a b", 4096).kind());
            assertTrue(p.isAlive(), "bad requests leave the process alive");
        }
    }

    @Test
    void forkAndExitAddressProcessesByScenarioPid() {
        try (HostScenario s = kernel.newScenario()) {
            HostProcess p1 = s.process(1);
            assertEquals("0x2", p1.fork().text());
            HostProcess p2 = s.process(2);
            assertEquals("0x3", p2.fork().text());
            HostProcess p3 = s.process(3);
            assertEquals(2, p3.parentPid());
            assertNotEquals(p2.realPid(), p3.realPid());
            assertEquals("0x2", p3.exit().text(), "exit returns to the parent");
            assertFalse(p3.isAlive());
            assertEquals(HostResult.Kind.FAILURE, p3.read(WIN).kind());
            assertEquals(null, s.process(3));
            assertEquals(List.of(1, 2), s.processes().stream().map(HostProcess::pid).toList());
            assertEquals("0x1", p2.exit().text());
        }
    }

    @Test
    void exitOfAParentLeavesItsChildAlive() {
        try (HostScenario s = kernel.newScenario()) {
            HostProcess p1 = s.process(1);
            p1.fork();
            HostProcess p2 = s.process(2);
            p2.fork();
            assertEquals("0x1", p2.exit().text());
            HostProcess p3 = s.process(3);
            assertEquals(HostResult.Kind.VALUE, p3.brk(0).kind(), "the orphan still answers");
        }
    }

    @Test
    void specialMappingsAreFoundInTheScenarioProcess() {
        try (HostScenario s = kernel.newScenario()) {
            HostProcess p = s.process(1);
            for (String name : List.of("[vdso]", "[vvar]", "[vvar_vclock]", "[stack]")) {
                HostRange r = p.special(name).orElseThrow(() -> new AssertionError(name));
                assertTrue(r.length() > 0 && r.start() % 4096 == 0, name);
            }
            assertEquals(4 * 4096, p.special("[vvar]").orElseThrow().length());
            assertTrue(p.special("[heap]").isEmpty(), "a fresh exec has no heap until brk");
            HostResult b = p.brkIncrement(0x2000);
            assertEquals(b.value(), p.special("[heap]").orElseThrow().end());
        }
    }

    @Test
    void aWindowThatIsNotFreeIsRefused() {
        // the whole lower address space: holds the fresh process's program, libraries and stack
        HostException e = assertThrows(HostException.class, () -> kernel.newScenario(0x10000, 0x7fff_0000_0000L));
        assertTrue(e.getMessage().contains("window"), e.getMessage());
        try (HostScenario s = kernel.newScenario(WIN, 1L << 30)) {
            assertTrue(s.process(1).isAlive(), "the helper recovers");
        }
    }
}
