package org.mmwb.core.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mmwb.core.catalog.Problem;
import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.Signals;
import org.mmwb.core.mm.Task;
import org.mmwb.core.mm.TestProvider;
import org.mmwb.core.mm.VmaSnapshot;

/**
 * A contributed provider whose device model throws (docs/plugin-guide.md, "What a failure looks like"): the load
 * or store ends in SIGBUS(ADRERR) rather than reading made-up bytes, and the registry log (the Eclipse log, and
 * ./mmwb's warning and exit code 3) names the bundle, the provider and the reason.
 */
class IoDeviceFailureTest {
    private static final String BUNDLE = "com.example.dev";

    @Test
    void aThrowingDeviceIsSigbusAndLoggedWithItsBundle() {
        RegistryLog log = RegistryLog.inMemory();
        Catalog c = Fixtures.catalog(log, 0, Fixtures.provider("com.example.dev.regs", "[regs]", 1,
                Placement.topDown(), BUNDLE, TestProvider.ioDevice("[regs]", "x", kernel -> kernel.allocIoMemory(1,
                        (pfn, off) -> {
                            throw new IllegalStateException("register file unplugged");
                        }), null)));
        Kernel k = new Kernel(c.profile(Fixtures.PROFILE));
        Task t = k.spawn();
        long regs = k.snapshot(t).stream().filter(v -> v.name().equals("[regs]")).mapToLong(VmaSnapshot::start)
                .findFirst().orElseThrow();
        assertEquals(-(long) Signals.BUS_ADRERR_RESULT, k.read(t, regs + 8));
        assertTrue(t.alive());
        List<Problem> errors = log.problems().stream().filter(Problem::error).toList();
        String all = errors.stream().map(Problem::toString).collect(Collectors.joining("\n"));
        assertEquals(1, errors.size(), all);
        Problem p = errors.get(0);
        assertEquals(BUNDLE, p.bundle());
        assertTrue(p.message().contains("com.example.dev.regs ([regs])") && p.message().contains("readb")
                && p.message().contains("IllegalStateException: register file unplugged"), all);
    }
}
