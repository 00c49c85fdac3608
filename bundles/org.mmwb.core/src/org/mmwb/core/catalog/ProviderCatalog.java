package org.mmwb.core.catalog;

import java.util.List;
import java.util.function.Function;

import org.mmwb.core.internal.registry.SpecialMappingRegistry;
import org.mmwb.core.mm.KernelProfile;

/**
 * The kernel profiles and special-mapping providers installed in the running platform, read from the
 * {@code org.mmwb.core.specialMappings} extension point (schema {@code schema/specialMappings.exsd}). The CLI, the
 * workbench, the scenario parser and the plugin test API all read this one catalog. Broken contributions are not
 * in it: they are {@link #problems()}, each naming its bundle.
 * <p>
 * Without an OSGi platform (plain classpath) the catalog is empty and {@link #problems()} says why.
 *
 * @since 0.2.0
 */
public interface ProviderCatalog {

    /** The catalog of the running platform, read on first use. */
    static ProviderCatalog installed() {
        return SpecialMappingRegistry.catalog();
    }

    /** Reads the platform's registry again (after a plugin was installed at run time) and returns the new catalog. */
    static ProviderCatalog reload() {
        return SpecialMappingRegistry.reload();
    }

    /** The declared profiles with their providers, in declaration order. */
    List<KernelProfile> profiles();

    /** The profile of that name with its providers, or null when no bundle declares it. */
    KernelProfile profile(String name);

    /**
     * The profile a scenario without a {@code kernel} line runs on: the one declared {@code default="true"}, else
     * the first declared; null when no profile is installed.
     */
    KernelProfile defaultProfile();

    /** {@link #profile(String)} as a function, e.g. for {@code SimulatorTarget.open(scenario, resolver)}. */
    default Function<String, KernelProfile> resolver() {
        return this::profile;
    }

    /** Every accepted provider (whatever its profiles), in registry order. */
    List<RegisteredProvider> providers();

    /** The providers a profile uses, in installation order (empty for an unknown profile). */
    List<RegisteredProvider> providers(String profile);

    /** What was wrong with the contributions (and later with their handlers), oldest first. */
    List<Problem> problems();

    /**
     * The problems found while the contributions were read and those reported after the first {@code since}
     * problems: what one command of a long-lived process should report.
     */
    List<Problem> problems(int since);
}
