package org.mmwb.cli.internal;

import org.mmwb.core.mm.KernelProfile;
import org.mmwb.x86.X86Profiles;

/** Resolves a scenario's kernel profile name to the engine profile the simulator runs. */
final class Profiles {

    private Profiles() {
    }

    /** @return the profile, or null when no bundle provides one of that name */
    static KernelProfile byName(String name) {
        return X86Profiles.byName(name);
    }
}
