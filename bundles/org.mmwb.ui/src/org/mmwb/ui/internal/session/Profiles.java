package org.mmwb.ui.internal.session;

import java.util.List;

import org.mmwb.core.mm.KernelProfile;
import org.mmwb.x86.X86Profiles;

/**
 * The one place of the workbench that turns a profile name into an engine profile with its special-mapping
 * providers. Today that is {@link X86Profiles}; once the extension registry is the source of providers, only
 * this class changes.
 */
public final class Profiles {

    private Profiles() {
    }

    /** The engine profile of that name (fresh provider objects), or null when unknown. */
    public static KernelProfile resolve(String name) {
        return name == null ? null : X86Profiles.byName(name);
    }

    /** The profile names the workbench offers (preference page). */
    public static List<String> names() {
        return X86Profiles.names();
    }
}
