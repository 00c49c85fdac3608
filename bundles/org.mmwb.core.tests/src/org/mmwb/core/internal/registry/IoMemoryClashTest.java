package org.mmwb.core.internal.registry;

import org.mmwb.core.catalog.Problem;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.SpecialMapping;
import org.mmwb.core.mm.SpecialMappingProvider;
import org.mmwb.core.mm.VmFault;

/**
 * A contributed provider whose create() asks for IO memory another plugin's device holds: an install-time error
 * logged with its bundle (the Eclipse log, ./mmwb providers), its mapping left out, the other plugin unharmed.
 */
class IoMemoryClashTest {

    /** A provider registering one page of IO memory at a fixed PFN (index into the PCI hole). */
    private static SpecialMappingProvider fixedDevice(String name, int index) {
        SpecialMappingProvider base = Fixtures.impl(name, Fixtures.PFNMAP, null);
        return new SpecialMappingProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int pages() {
                return 1;
            }

            @Override
            public long vmFlags() {
                return Fixtures.PFNMAP;
            }

            @Override
            public Placement placement() {
                return base.placement();
            }

            @Override
            public Set<String> profiles() {
                return Set.of();
            }

            @Override
            public SpecialMapping create(Kernel kernel) {
                long pfn = kernel.ioPfn(index);
                kernel.registerIoMemory(pfn, 1, (p, off) -> 0x11); // the result is ignored, as a careless plugin does
                return new SpecialMapping(name, null, (sm, vma, vmf) -> vmf.vmfInsertPfnProt(vmf.address(), pfn,
                        VmFault.CACHE_UC), null, null, "x");
            }
        };
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
