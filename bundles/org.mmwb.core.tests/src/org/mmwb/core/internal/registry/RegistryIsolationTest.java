package org.mmwb.core.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmwb.core.catalog.Problem;
import org.mmwb.core.mm.FaultRecord;
import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.Signals;
import org.mmwb.core.mm.SpecialMapping;
import org.mmwb.core.mm.Task;
import org.mmwb.core.mm.VmFaultResult;

/**
 * docs/plugin-guide.md ("What a failure looks like") through the registry: a contributed .fault handler that breaks its contract
 * ends the fault with SIGBUS(ADRERR) for the simulated process; the fault log names the handler with its bundle and
 * the reason; the registry log (the Eclipse log) names the bundle. Each case runs with handlers inline (budget 0)
 * and on the handler thread (a budget), except the time-budget cases, which need the thread.
 */
class RegistryIsolationTest {
    private static final String BUNDLE = "com.example.plugin";
    private static final long AT = 0x300000000L;
    private static final long P = 4096;

    private final RegistryLog log = RegistryLog.inMemory();
    private Kernel k;
    private Task t;

    private void setUp(long budgetNanos, SpecialMapping.Fault handler) {
        Catalog c = Fixtures.catalog(log, budgetNanos, Fixtures.provider("com.example.plugin.broken",
                "[broken]", 2, Placement.onRequest(), BUNDLE, Fixtures.impl("[broken]", Fixtures.PFNMAP, handler)));
        k = new Kernel(c.profile(Fixtures.PROFILE));
        t = k.spawn();
        assertEquals(AT, k.installSpecialMapping(t, AT, 2 * P, Fixtures.PFNMAP, k.specialMapping("[broken]")));
    }

    private String read(long addr) {
        return Signals.describe(k.access(t, addr, Kernel.ACCESS_READ));
    }

    /** Faults AT, expects SIGBUS with a reason containing {@code why}; returns the fault. */
    private FaultRecord broken(String why) {
        assertEquals("SIGBUS(ADRERR)", read(AT));
        FaultRecord f = k.fault(k.faultCount() - 1);
        assertEquals("[broken] (" + BUNDLE + ")", f.handler());
        assertEquals(VmFaultResult.SIGBUS, f.result());
        assertTrue(f.reason() != null && f.reason().contains(why), "reason: " + f.reason());
        assertEquals(-1, k.vtop(t, AT).pfn(), "no PTE left behind");
        assertTrue(k.checkInvariants().isEmpty(), k.checkInvariants().toString());
        return f;
    }

    private void loggedForBundle(String why) {
        String all = log.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
        assertTrue(log.problems().stream().anyMatch(p -> p.bundle().equals(BUNDLE) && p.error()
                && p.message().contains("[broken]") && p.message().contains(why)), all);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 5_000_000_000L})
    void handlerThatThrows(long budget) {
        setUp(budget, (sm, vma, vmf) -> {
            throw new IllegalStateException("boom");
        });
        broken("IllegalStateException: boom");
        loggedForBundle("threw java.lang.IllegalStateException: boom");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 5_000_000_000L})
    void invalidResult(long budget) {
        setUp(budget, (sm, vma, vmf) -> 0x40000000);
        broken("invalid vm_fault_t");
        loggedForBundle("invalid vm_fault_t 0x40000000");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 5_000_000_000L})
    void pfnOutsideItsVma(long budget) {
        setUp(budget, (sm, vma, vmf) -> vmf.vmfInsertPfn(vma.end(), k.ioPfn(0)));
        broken("outside its VMA");
        loggedForBundle("outside its VMA");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 5_000_000_000L})
    void pfnInsertedTwice(long budget) {
        setUp(budget, (sm, vma, vmf) -> {
            vmf.vmfInsertPfn(vmf.address(), k.ioPfn(0));
            return vmf.vmfInsertPfn(vmf.address(), k.ioPfn(1));
        });
        broken("twice");
        loggedForBundle("twice");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 5_000_000_000L})
    void pageAndInsert(long budget) {
        setUp(budget, (sm, vma, vmf) -> {
            vmf.vmfInsertPfn(vmf.address() + P, k.ioPfn(0));
            vmf.setPage(k.allocKernelPage());
            return 0;
        });
        broken("also inserted");
        loggedForBundle("also inserted");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 5_000_000_000L})
    void recursionIntoTheFaultPath(long budget) {
        setUp(budget, (sm, vma, vmf) -> {
            k.access(t, AT + P, Kernel.ACCESS_READ); // a handler touching user memory
            return vmf.vmfInsertPfn(vmf.address(), k.ioPfn(0));
        });
        broken("recursed");
        // only the engine sees this one: SpecialMapping.FailureListener brings it to the log
        loggedForBundle("recursed into the fault path");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 5_000_000_000L})
    void nopageWithoutAPte(long budget) {
        setUp(budget, (sm, vma, vmf) -> VmFaultResult.NOPAGE);
        broken("without installing a PTE");
        loggedForBundle("without installing a PTE");
        assertEquals(1, log.problems().size(), "one fault, one log entry");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 5_000_000_000L})
    void aFailureTheWrapperSawIsLoggedOnce(long budget) {
        setUp(budget, (sm, vma, vmf) -> {
            throw new IllegalStateException("boom");
        });
        broken("boom");
        assertEquals(1, log.problems().size(), log.problems().toString());
    }

    @Test
    void handlerPastItsTimeBudgetIsAbandonedAndTheMappingDisabled() {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean lateInsert = new AtomicBoolean();
        try {
            setUp(TimeUnit.MILLISECONDS.toNanos(50), (sm, vma, vmf) -> {
                while (!stop.get()) {
                    Thread.onSpinWait(); // spins, deaf to interrupts, like a buggy loop
                }
                lateInsert.set(vmf.vmfInsertPfn(vmf.address(), k.ioPfn(0)) == VmFaultResult.SIGBUS);
                return VmFaultResult.NOPAGE;
            });
            long t0 = System.nanoTime();
            broken("time budget of 50 ms");
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5), "the fault did not wait for it");
            loggedForBundle("time budget of 50 ms");
            // later faults end at once: no second thread is lost
            broken("disabled");
            assertEquals("SIGBUS(ADRERR)", read(AT + P));
        } finally {
            stop.set(true);
        }
        // the abandoned thread's late insert is refused and leaves no PTE
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!lateInsert.get() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(lateInsert.get(), "late insert refused");
        assertEquals(-1, k.vtop(t, AT).pfn());
    }

    @Test
    void slowButWithinBudgetWorks() {
        setUp(TimeUnit.SECONDS.toNanos(5), (sm, vma, vmf) -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return vmf.vmfInsertPfn(vmf.address(), k.ioPfn(0));
        });
        assertEquals("ok", read(AT));
        assertNull(k.fault(k.faultCount() - 1).reason());
        assertEquals(k.ioPfn(0), k.vtop(t, AT).pfn());
        assertTrue(log.problems().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 5_000_000_000L})
    void aGoodFaultAfterABrokenOne(long budget) {
        boolean[] fail = {true};
        setUp(budget, (sm, vma, vmf) -> {
            if (fail[0]) {
                throw new RuntimeException("first time");
            }
            return vmf.vmfInsertPfn(vmf.address(), k.ioPfn(0));
        });
        broken("first time");
        fail[0] = false;
        assertEquals("ok", read(AT));
    }
}
