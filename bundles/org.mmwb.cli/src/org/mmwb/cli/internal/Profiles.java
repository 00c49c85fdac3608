package org.mmwb.cli.internal;

import org.mmwb.core.mm.KernelProfile;
import org.mmwb.core.internal.registry.SpecialMappingRegistry;

/**
 * Resolves a scenario's kernel profile name to the engine profile the simulator runs: from the extension registry
 * (org.mmwb.core.specialMappings), so plugins' special mappings take part and the built-in x86 ones come the same way.
 */
final class Profiles {

    private Profiles() {
    }

    /** @return the profile, or null when no bundle provides one of that name */
    static KernelProfile byName(String name) {
        return SpecialMappingRegistry.profile(name);
    }
}
