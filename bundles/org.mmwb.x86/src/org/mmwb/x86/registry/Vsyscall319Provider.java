package org.mmwb.x86.registry;

import java.util.Set;

import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.SpecialMapping;
import org.mmwb.core.mm.SpecialMappingProvider;
import org.mmwb.core.mm.VmFlags;
import org.mmwb.x86.VsyscallProvider;
import org.mmwb.x86.X86Profiles;

/**
 * The [vsyscall] gate of 3.19 ("r-xp": the page was still readable before vsyscall=xonly became the default), for
 * plugin.xml, which needs a public no-argument constructor: {@link VsyscallProvider} takes the flags as arguments.
 */
public final class Vsyscall319Provider implements SpecialMappingProvider {
    private final VsyscallProvider gate = new VsyscallProvider(X86Profiles.X86_64_3_19, VmFlags.READ | VmFlags.EXEC);

    @Override
    public String name() {
        return gate.name();
    }

    @Override
    public int pages() {
        return gate.pages();
    }

    @Override
    public long vmFlags() {
        return gate.vmFlags();
    }

    @Override
    public Placement placement() {
        return gate.placement();
    }

    @Override
    public Set<String> profiles() {
        return gate.profiles();
    }

    @Override
    public String contributor() {
        return gate.contributor();
    }

    @Override
    public SpecialMapping create(Kernel kernel) {
        return gate.create(kernel);
    }
}
