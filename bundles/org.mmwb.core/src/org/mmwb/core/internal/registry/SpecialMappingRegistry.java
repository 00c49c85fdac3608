package org.mmwb.core.internal.registry;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.mmwb.core.catalog.Problem;
import org.mmwb.core.catalog.ProviderCatalog;
import org.mmwb.core.catalog.RegisteredProvider;
import org.mmwb.core.mm.KernelProfile;

/**
 * Reads the platform's extension registry into the {@link Catalog} behind {@link ProviderCatalog#installed()}
 * (the published entry point; other bundles use that, not this class). Read once, on first use; {@link #reload()} re-reads (after a plugin
 * was installed at run time).
 * <p>
 * Without an OSGi platform (plain classpath) there is no registry: the catalog is empty and {@link #problems()}
 * says why. The time budget of contributed fault handlers is the system property
 * {@code mmwb.faultHandlerBudgetMillis} (default {@value #DEFAULT_BUDGET_MILLIS}; 0 runs handlers inline without a
 * budget).
 */
public final class SpecialMappingRegistry {
    /** Default time budget of one {@code .fault} call, in milliseconds. */
    public static final long DEFAULT_BUDGET_MILLIS = 1000;

    private static Catalog catalog;

    private SpecialMappingRegistry() {
    }

    /** The catalog of the platform's registry (read on first use). */
    public static synchronized Catalog catalog() {
        if (catalog == null) {
            catalog = read();
        }
        return catalog;
    }

    /** Reads the registry again. */
    public static synchronized Catalog reload() {
        catalog = read();
        return catalog;
    }

    /** The profile of that name with its registered providers, or null when no bundle declares it. */
    public static KernelProfile profile(String name) {
        return catalog().profile(name);
    }

    /** A resolver for {@code SimulatorTarget.open(scenario, resolver)}. */
    public static Function<String, KernelProfile> resolver() {
        return SpecialMappingRegistry::profile;
    }

    /** Every accepted provider. */
    public static List<RegisteredProvider> providers() {
        return catalog().providers();
    }

    /** What was wrong with the contributions so far. */
    public static List<Problem> problems() {
        return catalog().problems();
    }

    /** The handler time budget in nanoseconds, from {@code mmwb.faultHandlerBudgetMillis}. */
    static long budgetNanos() {
        Long ms = Attributes.number(System.getProperty("mmwb.faultHandlerBudgetMillis"));
        return TimeUnit.MILLISECONDS.toNanos(ms == null ? DEFAULT_BUDGET_MILLIS : ms);
    }

    private static Catalog read() {
        RegistryLog log = new RegistryLog(new PlatformLog());
        IExtensionRegistry registry = null;
        try {
            registry = RegistryFactory.getRegistry();
        } catch (RuntimeException | LinkageError e) {
            // no registry bundle: plain classpath
        }
        if (registry == null) {
            log.warn("", "no Eclipse extension registry is running (plain classpath?): no kernel profiles and no"
                    + " special-mapping providers are registered");
            return new Catalog(List.of(), List.of(), budgetNanos(), log);
        }
        ExtensionReader r = new ExtensionReader(log).read(registry);
        return new Catalog(r.profiles(), r.providers(), budgetNanos(), log);
    }
}
