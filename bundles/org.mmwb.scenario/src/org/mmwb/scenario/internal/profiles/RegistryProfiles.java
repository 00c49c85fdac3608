package org.mmwb.scenario.internal.profiles;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.mmwb.core.internal.registry.ProfileContribution;
import org.mmwb.core.internal.registry.ProviderCatalog;
import org.mmwb.core.internal.registry.RegisteredProvider;
import org.mmwb.core.internal.registry.SpecialMappingRegistry;
import org.mmwb.core.mm.Placement;
import org.mmwb.scenario.KernelProfile;

/**
 * The kernel profiles a scenario may name, as the extension registry declares them: each profile with the names of
 * the special mappings its process has after exec, so that a plugin's mapping (say {@code [ticker]}) can be
 * addressed like {@code [vdso]}. Empty when no registry runs (plain classpath).
 */
public final class RegistryProfiles {

    private RegistryProfiles() {
    }

    /**
     * @param builtIns the profiles known without a registry, for the page-table limits of the same names
     * @return the registry's profiles, the default one first; empty without a registry
     */
    public static List<KernelProfile> profiles(List<KernelProfile> builtIns, String defaultName) {
        ProviderCatalog catalog;
        try {
            catalog = SpecialMappingRegistry.catalog();
        } catch (RuntimeException | LinkageError e) {
            return List.of();
        }
        List<KernelProfile> out = new ArrayList<>();
        for (ProfileContribution p : catalog.profiles()) {
            Set<String> names = new LinkedHashSet<>();
            for (RegisteredProvider r : catalog.providers(p.id())) {
                if (r.placement().kind() != Placement.Kind.ON_REQUEST) {
                    names.add(r.name());
                }
            }
            names.add("[stack]");
            names.add("[heap]");
            int maxLevels = 5;
            for (KernelProfile b : builtIns) {
                if (b.name().equals(p.id())) {
                    maxLevels = b.maxLevels();
                }
            }
            String help = p.description() == null || p.description().isBlank() ? p.id() : p.description();
            KernelProfile k = new KernelProfile(p.id(), maxLevels, List.copyOf(names), help);
            if (p.id().equals(defaultName)) {
                out.add(0, k);
            } else {
                out.add(k);
            }
        }
        return out;
    }
}
