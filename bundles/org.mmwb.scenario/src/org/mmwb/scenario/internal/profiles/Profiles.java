package org.mmwb.scenario.internal.profiles;

import java.util.List;

import org.mmwb.core.catalog.ProviderCatalog;
import org.mmwb.core.mm.KernelProfile;

/**
 * The kernel profiles a scenario may name on its {@code kernel} line: exactly those of the installed
 * {@link ProviderCatalog} (architecture bundles and plugins declare them; the scenario layer knows none itself).
 */
public final class Profiles {

    /** Name of the stand-in profile when none is installed (a plain classpath without the extension registry). */
    public static final String NONE = "(no kernel profile installed)";

    private Profiles() {
    }

    /** Every installed profile, the default one first. */
    public static List<KernelProfile> known() {
        ProviderCatalog c = ProviderCatalog.installed();
        KernelProfile d = c.defaultProfile();
        if (d == null) {
            return List.of();
        }
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(d),
                c.profiles().stream().filter(p -> !p.name().equals(d.name()))).toList();
    }

    /** The installed profile of that name, or null. */
    public static KernelProfile byName(String name) {
        return ProviderCatalog.installed().profile(name);
    }

    /**
     * The profile of a scenario without a {@code kernel} line: the catalog's default, or, when nothing is installed,
     * a stand-in without special mappings that no target can open (running it says that no profile is installed).
     */
    public static KernelProfile defaultProfile() {
        KernelProfile d = ProviderCatalog.installed().defaultProfile();
        return d != null ? d : new KernelProfile(NONE, 4, 5, 0x555555559000L, 33, List.of(), false,
                KernelProfile.DEFAULT_RAM_PAGES, "no kernel profile is installed", "");
    }
}
