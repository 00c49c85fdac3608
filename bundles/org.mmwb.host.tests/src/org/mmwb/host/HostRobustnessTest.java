package org.mmwb.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mmwb.core.mm.Prot;

/** Hangs, crashes and leftovers: the helper must survive them all and leave no process behind. */
class HostRobustnessTest {
    private static HostKernel kernel;

    @BeforeAll
    static void start() throws HostUnavailableException {
        kernel = HostTestSupport.startOrSkip();
    }

    @AfterAll
    static void stop() {
        if (kernel != null) {
            ProcessHandle helper = kernel.helperProcess();
            kernel.close();
            assertFalse(helper.isAlive(), "close stops the helper");
        }
    }

    @AfterEach
    void restoreTimeout() {
        kernel.setOperationTimeout(Duration.ofSeconds(2));
    }

    private static long descendants() {
        return kernel.helperProcess().descendants().filter(ProcessHandle::isAlive).count();
    }

    @Test
    void aHangingOperationTimesOutAndKillsTheTree() {
        kernel.setOperationTimeout(Duration.ofMillis(300));
        HostScenario s = kernel.newScenario();
        HostProcess p1 = s.process(1);
        p1.fork();
        HostProcess p2 = s.process(2);
        long t0 = System.nanoTime();
        HostResult r = Replies(p2.raw("hang").get(0));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(HostResult.Kind.FAILURE, r.kind());
        assertTrue(r.message().startsWith("timeout"), r.message());
        assertTrue(ms >= 250 && ms < 5000, ms + " ms");
        assertTrue(s.endedBecause() != null);
        assertEquals(HostResult.Kind.FAILURE, p1.brk(0).kind(), "the scenario is over");
        assertEquals(0, descendants(), "no scenario process is left");
        s.close();
        try (HostScenario next = kernel.newScenario()) {
            assertEquals(HostResult.Kind.VALUE, next.process(1).brk(0).kind(), "the helper goes on");
        }
    }

    @Test
    void aCrashIsReportedAndTheProcessIsGone() {
        try (HostScenario s = kernel.newScenario()) {
            HostProcess p1 = s.process(1);
            p1.fork();
            HostProcess p2 = s.process(2);
            HostResult r = Replies(p2.raw("crash").get(0));
            assertEquals(HostResult.Kind.FAILURE, r.kind());
            assertTrue(r.message().startsWith("crashed: SIGABRT"), r.message());
            assertEquals(HostResult.Kind.FAILURE, p2.read(0x1000).kind());
            assertEquals("SIGSEGV(MAPERR)", p1.read(0x1000).text(), "the parent goes on");
        }
    }

    @Test
    void unmappingTheWorkersOwnStackIsACrashNotAWedge() {
        try (HostScenario s = kernel.newScenario()) {
            HostProcess p = s.process(1);
            HostRange stack = p.special("[stack]").orElseThrow();
            HostResult r = p.munmap(stack.start(), stack.length());
            assertEquals(HostResult.Kind.FAILURE, r.kind(), r.text());
            assertTrue(r.message().startsWith("crashed"), r.message());
            assertFalse(p.isAlive());
        }
        assertEquals(0, descendants());
    }

    @Test
    void endingAScenarioLeavesNoProcessBehind() {
        HostScenario s = kernel.newScenario();
        HostProcess p = s.process(1);
        for (int i = 0; i < 5; i++) {
            p = s.process((int) p.fork().value());
        }
        s.process(3).exit();                    // an orphan, reparented to the helper
        assertTrue(descendants() >= 5, descendants() + " live descendants");
        s.close();
        assertEquals(0, descendants());
        assertTrue(kernel.isAlive());
    }

    @Test
    void manyScenariosInARow() {
        for (int i = 0; i < 200; i++) {
            try (HostScenario s = kernel.newScenario()) {
                HostProcess p = s.process(1);
                HostTestSupport.mapAnon(p, HostTestSupport.WIN, 4096, Prot.READ);
                p.fork();
                assertEquals("ok", s.process(2).touch(HostTestSupport.WIN, 4096, 'r').get(0).text());
            }
        }
        assertEquals(0, descendants());
    }

    private static HostResult Replies(String line) {
        return org.mmwb.host.internal.Replies.result(line);
    }
}
