package org.mmwb.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A CI-sized seeded run of the engine's invariant fuzzer (the long run is {@code ./mmwb fuzz --engine}). */
class InvariantFuzzerTest {

    @Test
    void aSeededRunKeepsEveryInvariant() {
        InvariantFuzzer.Result r = new InvariantFuzzer(14, 8).run(40_000, 1, 5_000);
        assertTrue(r.breaks().isEmpty(), () -> "invariants broken after " + r.ops() + " ops: " + r.breaks()
                + "\nlast operations:\n" + String.join("\n", r.lastOps()));
        assertEquals(40_000, r.ops());
        assertEquals(40_000, r.checks());
        for (String op : new String[] {"mmap", "munmap", "mprotect", "mremap", "madvise", "mlock", "munlock",
            "mlockall", "munlockall", "mseal", "brk", "access", "write", "fork", "exit", "touch", "sysctl", "setrlimit"}) {
            assertTrue(r.counts().getOrDefault(op, 0L) > 0, op + " never ran: " + r.counts());
        }
        assertTrue(r.forks() > 50 && r.maxLive() == 8, "forks " + r.forks() + ", most live " + r.maxLive());
    }

    @Test
    void theSameSeedRunsTheSameOperations() {
        InvariantFuzzer.Result a = new InvariantFuzzer(99, 4).run(20_000, 1000, 3_000);
        InvariantFuzzer.Result b = new InvariantFuzzer(99, 4).run(20_000, 1000, 3_000);
        assertEquals(a.counts(), b.counts());
        assertEquals(a.forks(), b.forks());
        InvariantFuzzer.Result c = new InvariantFuzzer(100, 4).run(20_000, 1000, 3_000);
        assertTrue(!a.counts().equals(c.counts()) || a.forks() != c.forks(), "another seed, other operations");
    }
}
