package org.mmwb.core.internal.registry;

import java.util.Set;

import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.SpecialMappingProvider;

/**
 * A {@code <provider>} element after its attributes were checked and its class instantiated.
 *
 * @param id        the provider id, unique across the registry
 * @param name      the mapping's name with brackets, e.g. {@code [vdso]}
 * @param pages     size in pages, &gt; 0
 * @param profiles  profile ids it applies to; empty means every profile ({@code *})
 * @param placement where exec installs it (or on request only)
 * @param bundle    the contributing bundle's symbolic name
 * @param impl      the contributed class's instance
 */
public record ProviderContribution(String id, String name, int pages, Set<String> profiles, Placement placement,
        String bundle, SpecialMappingProvider impl) {

    public ProviderContribution {
        profiles = Set.copyOf(profiles);
    }

    /** Whether it applies to the profile. */
    public boolean appliesTo(String profile) {
        return profiles.isEmpty() || profiles.contains(profile);
    }
}
