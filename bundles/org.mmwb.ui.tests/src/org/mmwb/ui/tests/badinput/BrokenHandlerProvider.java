package org.mmwb.ui.tests.badinput;

import java.util.Set;

import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.SpecialMappingProvider;
import org.mmwb.core.mm.SpecialMapping;
import org.mmwb.core.mm.VmFlags;

/** A third party's provider whose .fault handler throws on every fault (contributed at run time by the test). */
public final class BrokenHandlerProvider implements SpecialMappingProvider {

    public BrokenHandlerProvider() {
    }

    @Override
    public String name() {
        return "[uitest_broken]";
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
            throw new IllegalStateException("the UI test's handler fails");
        };
        return new SpecialMapping(name(), null, fault, null, null, "org.mmwb.ui.tests");
    }
}
