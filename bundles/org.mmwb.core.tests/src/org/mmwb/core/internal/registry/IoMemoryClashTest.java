package org.mmwb.core.internal.registry;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mmwb.core.catalog.Problem;
import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.SpecialMappingProvider;
import org.mmwb.core.mm.TestProvider;

/**
 * A contributed provider whose create() asks for IO memory another plugin's device holds: an install-time error
 * logged with its bundle (the Eclipse log, ./mmwb providers), its mapping left out, the other plugin unharmed.
 */
class IoMemoryClashTest {

    /** A provider registering one page of IO memory at a fixed PFN (index into the PCI hole). */
    private static SpecialMappingProvider fixedDevice(String name, int index) {
        return TestProvider.ioDevice(name, "x", kernel -> {
            long pfn = kernel.ioPfn(index);
            kernel.registerIoMemory(pfn, 1, (p, off) -> 0x11); // the result is ignored, as a careless plugin does
            return pfn;
        }, null);
    }

    @Test
    void theSecondDeviceOnTheSamePfnIsLeftOutAndLogged() {
        RegistryLog log = RegistryLog.inMemory();
        Catalog c = Fixtures.catalog(log, 0,
                Fixtures.provider("com.example.a.dev", "[dev_a]", 1, Placement.topDown(), "com.example.a",
                        fixedDevice("[dev_a]", 5)),
                Fixtures.provider("com.example.b.dev", "[dev_b]", 1, Placement.topDown(), "com.example.b",
                        fixedDevice("[dev_b]", 5)));
        Kernel k = new Kernel(c.profile(Fixtures.PROFILE));
        assertNotNull(k.specialMapping("[dev_a]"));
        assertNull(k.specialMapping("[dev_b]"), "would alias [dev_a]'s register page");
        String all = log.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
        assertTrue(log.problems().stream().anyMatch(p -> p.error() && p.bundle().equals("com.example.b")
                && p.message().contains("[dev_b]") && p.message().contains("registered by [dev_a] (com.example.a)")
                && p.message().contains("EBUSY") && p.message().contains("left out")), all);
    }
}
