package org.mmwb.cli.internal;

import java.util.Set;

import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.SpecialMapping;
import org.mmwb.core.mm.SpecialMappingProvider;
import org.mmwb.core.mm.VmFlags;

/**
 * A plugin's provider whose .fault handler throws on every fault (contributed by this fragment's fragment.xml,
 * which the registry reads through the public no-argument constructor; the record's accessors are the SPI's).
 */
public record BrokenTestProvider(String name, int pages, long vmFlags, Placement placement, Set<String> profiles)
        implements SpecialMappingProvider {

    public BrokenTestProvider() {
        this("[clitest_broken]", 1, VmFlags.READ | VmFlags.MAYREAD | VmFlags.IO | VmFlags.PFNMAP,
                Placement.onRequest(), Set.of());
    }

    @Override
    public SpecialMapping create(Kernel kernel) {
        SpecialMapping.Fault fault = (sm, vma, vmf) -> {
            throw new IllegalStateException("the test handler fails");
        };
        return new SpecialMapping(name(), null, fault, null, null, "org.mmwb.cli.tests");
    }
}
