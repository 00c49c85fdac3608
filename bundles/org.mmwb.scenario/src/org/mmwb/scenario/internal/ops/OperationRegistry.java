package org.mmwb.scenario.internal.ops;

import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;

/**
 * The scenario operations of the running platform ({@code org.mmwb.scenario.operations}): the one place
 * {@link org.mmwb.scenario.OperationTable#installed()} gets them from. Read once, on first use; {@link #reload()}
 * re-reads (after a plugin was installed at run time). Where no extension registry runs (plain classpath, plain
 * JUnit) or it lacks the extension point, the built-in operations, with a warning saying why.
 */
public final class OperationRegistry {

    private static OperationCatalog catalog;

    private OperationRegistry() {
    }

    /** The catalog of the platform's registry (read on first use). */
    public static synchronized OperationCatalog catalog() {
        if (catalog == null) {
            catalog = read(platformRegistry(), OperationLog.platform());
        }
        return catalog;
    }

    /** Reads the registry again. */
    public static synchronized OperationCatalog reload() {
        catalog = read(platformRegistry(), OperationLog.platform());
        return catalog;
    }

    /**
     * The catalog of a registry.
     *
     * @param registry the extension registry, or null where none runs
     */
    public static OperationCatalog read(IExtensionRegistry registry, OperationLog log) {
        if (registry == null) {
            log.warn("", "no Eclipse extension registry is running (plain classpath?): only the built-in scenario"
                    + " operations are available");
            return OperationCatalog.builtinOnly(log);
        }
        if (!OperationReader.declared(registry)) {
            log.warn("", "the registry lacks the extension point " + OperationReader.POINT + " (org.mmwb.scenario's"
                    + " plugin.xml was not read): only the built-in scenario operations are available");
            return OperationCatalog.builtinOnly(log);
        }
        OperationReader r = new OperationReader(log).read(registry);
        return new OperationCatalog(r.contributions(), r.whyMissing(), log);
    }

    private static IExtensionRegistry platformRegistry() {
        try {
            return RegistryFactory.getRegistry();
        } catch (RuntimeException | LinkageError e) {
            return null; // no registry bundle: plain classpath
        }
    }
}
