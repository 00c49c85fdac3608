package org.mmwb.scenario.internal.ops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.mmwb.scenario.OpResult;
import org.mmwb.scenario.OpSpec;
import org.mmwb.scenario.OperationProvider;
import org.mmwb.scenario.OperationTable;

/**
 * Reads the contributions to {@code org.mmwb.scenario.operations} (schema/operations.exsd). Each element is read on
 * its own: a bad name, a missing or failing class, a class that is no {@link OperationProvider}, or one that
 * declares nothing (or something else) under the contributed name is logged with the contributing bundle and that
 * element is skipped; the others are read.
 */
public final class OperationReader {
    /** The extension point's full id. */
    public static final String POINT = "org.mmwb.scenario.operations";

    /** An operation word: lower-case ASCII letters, digits and '_', starting with a letter. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    /** Words of the language that are not operations. */
    private static final String RESERVED = "repeat";

    private final OperationLog log;
    private final List<OperationContribution> contributions = new ArrayList<>();
    private final Map<String, String> whyMissing = new LinkedHashMap<>();
    private final Map<String, OperationProvider> providers = new HashMap<>();

    public OperationReader(OperationLog log) {
        this.log = log;
    }

    /** Whether the registry declares the extension point at all (it does where org.mmwb.scenario is resolved). */
    public static boolean declared(IExtensionRegistry registry) {
        return registry.getExtensionPoint(POINT) != null;
    }

    /** Reads every contribution of the registry. */
    public OperationReader read(IExtensionRegistry registry) {
        IConfigurationElement[] elements;
        try {
            elements = registry.getConfigurationElementsFor(POINT);
        } catch (RuntimeException e) {
            log.error("", "cannot read the extension point " + POINT, e);
            return this;
        }
        for (IConfigurationElement e : elements) {
            String bundle = "";
            try {
                bundle = e.getContributor().getName();
                readOperation(e, bundle);
            } catch (RuntimeException | LinkageError ex) { // e.g. its bundle was uninstalled while it was read
                log.error(bundle, "a contribution to " + POINT + " could not be read; skipped", ex);
            }
        }
        return this;
    }

    /** The readable contributions in registry order. */
    public List<OperationContribution> contributions() {
        return List.copyOf(contributions);
    }

    /** Operation name to why its contribution was skipped (for a scenario that uses the name). */
    public Map<String, String> whyMissing() {
        return Map.copyOf(whyMissing);
    }

    private void readOperation(IConfigurationElement e, String bundle) {
        if (!e.getName().equals("operation")) {
            log.error(bundle, "unknown element <" + e.getName() + "> in " + POINT + "; skipped", null);
            return;
        }
        String name = e.getAttribute("name");
        String cls = e.getAttribute("class");
        if (name == null || !NAME.matcher(name).matches() || name.equals(RESERVED)) {
            log.error(bundle, "operation name=\"" + name + "\" is not an operation word (lower-case letters, digits,"
                    + " '_', starting with a letter; not '" + RESERVED + "'); skipped", null);
            return;
        }
        String what = "operation '" + name + "'";
        OperationProvider provider = providers.get(bundle + " " + cls); // one instance serves a bundle's elements
        if (provider == null) {
            Object o;
            try {
                o = e.createExecutableExtension("class");
            } catch (CoreException ex) {
                skip(bundle, name, what + ": class " + cls + " cannot be created; skipped", ex);
                return;
            } catch (RuntimeException | LinkageError ex) {
                skip(bundle, name, what + ": class " + cls + " failed while it was created; skipped", ex);
                return;
            }
            if (!(o instanceof OperationProvider p)) {
                skip(bundle, name, what + ": class " + o.getClass().getName() + " does not implement "
                        + OperationProvider.class.getName() + "; skipped", null);
                return;
            }
            provider = p;
            providers.put(bundle + " " + cls, p);
        }
        OpSpec spec;
        try {
            spec = provider.operation(name);
        } catch (RuntimeException | LinkageError ex) {
            skip(bundle, name, what + ": " + cls + ".operation(\"" + name + "\") threw; skipped", ex);
            return;
        }
        String wrong = spec == null ? "declares no operation of that name"
                : !spec.name().equals(name) ? "declares '" + spec.name() + "' for it"
                : spec.executor() == null && !name.equals(OperationTable.KERNEL) ? "declares it without an executor"
                : null; // only the header line 'kernel' runs nothing
        if (wrong != null) {
            skip(bundle, name, what + ": class " + cls + " " + wrong + "; skipped", null);
            return;
        }
        // the built-in declarations stay as they are (no indirection on every operation a scenario runs)
        OpSpec use = bundle.equals(OperationCatalog.DECLARING_BUNDLE) ? spec : guarded(spec, bundle);
        contributions.add(new OperationContribution(name, bundle, cls, use));
    }

    private void skip(String bundle, String name, String message, Throwable cause) {
        log.error(bundle, message, cause);
        whyMissing.put(name, "operation '" + name + "' is contributed by plugin " + bundle + ", which failed to load"
                + " it: " + message + (cause == null ? "" : " (" + cause + ")"));
    }

    /**
     * The spec with an executor that turns a plugin's linkage failure (a class of its missing at run time) into an
     * error result naming the plugin, as the runner does with exceptions: the scenario goes on.
     */
    private static OpSpec guarded(OpSpec s, String bundle) {
        return new OpSpec(s.name(), s.args(), s.flags(), s.bindable(), s.reportsResult(), s.placement(), s.help(),
                ctx -> {
                    try {
                        return s.executor().execute(ctx);
                    } catch (LinkageError ex) {
                        return List.of(OpResult.error(s.name() + " of plugin " + bundle + " failed: " + ex));
                    }
                });
    }
}
