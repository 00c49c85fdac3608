package org.mmwb.cli.internal;

import java.util.Set;

import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.SpecialMapping;
import org.mmwb.core.mm.SpecialMappingProvider;
import org.mmwb.core.mm.VmFlags;

/** A plugin's provider whose .fault handler throws on every fault (contributed by this fragment's fragment.xml). */
public final class BrokenTestProvider implements SpecialMappingProvider {

    public BrokenTestProvider() {
    }

    @Override
    public String name() {
        return "[clitest_broken]";
    }

    @Override
    public int pages() {
        return 1;
    }

    @Override
    public long vmFlags() {
        return VmFlags.READ | VmFlags.MAYREAD | VmFlags.IO | VmFlags.PFNMAP;
    }

    @Override
    public Placement placement() {
        return Placement.onRequest();
    }

    @Override
    public Set<String> profiles() {
        return Set.of();
    }

    @Override
    public SpecialMapping create(Kernel kernel) {
        SpecialMapping.Fault fault = (sm, vma, vmf) -> {
            throw new IllegalStateException("the test handler fails");
        };
        return new SpecialMapping(name(), null, fault, null, null, "org.mmwb.cli.tests");
    }
}
