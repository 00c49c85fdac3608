package org.mmwb.ui.internal.session;

import java.util.List;

import org.mmwb.core.internal.registry.SpecialMappingRegistry;
import org.mmwb.core.mm.KernelProfile;

/**
 * The one place of the workbench that turns a profile name into an engine profile with its special-mapping
 * providers: from the extension registry (org.mmwb.core.specialMappings), so third-party plugins' mappings take
 * part and the built-in x86 ones come the same way, exactly as on the command line.
 */
public final class Profiles {

    private Profiles() {
    }

    /** The engine profile of that name (fresh provider objects), or null when unknown. */
    public static KernelProfile resolve(String name) {
        return name == null ? null : SpecialMappingRegistry.profile(name);
    }

    /** The profile names the workbench offers (preference page). */
    public static List<String> names() {
        return SpecialMappingRegistry.catalog().profiles().stream().map(p -> p.id()).toList();
    }
}
