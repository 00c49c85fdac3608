package org.mmwb.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mmwb.scenario.internal.ops.BuiltinOps;
import org.mmwb.scenario.internal.ops.OperationRegistry;

/**
 * The operations a scenario may use, by name. {@link #installed()} is the table of the running product: every
 * contribution to the extension point {@code org.mmwb.scenario.operations} (schema/operations.exsd), the built-in
 * operations of docs/scenarios.md first (org.mmwb.scenario's plugin.xml declares them), then those of plugins such
 * as org.mmwb.iomap's {@code iomap NAME [ADDR]}. The parser, the runner, the editor's colouring and completion and
 * the command line's help all read one table.
 */
public final class OperationTable {

    /** Name of the header operation that selects the kernel profile. */
    public static final String KERNEL = "kernel";

    private static final OperationTable BUILTIN = of(BuiltinOps.specs());

    private final Map<String, OpSpec> byName;
    private final Map<String, String> whyMissing;

    private OperationTable(Collection<OpSpec> specs, Map<String, String> whyMissing) {
        Map<String, OpSpec> m = new LinkedHashMap<>();
        for (OpSpec s : specs) {
            m.put(s.name(), s);
        }
        this.byName = m;
        this.whyMissing = Map.copyOf(whyMissing);
    }

    /** A table of these operations in this order (a later one replaces an earlier one of the same name). */
    public static OperationTable of(Collection<OpSpec> specs) {
        return new OperationTable(specs, Map.of());
    }

    /**
     * As {@link #of(Collection)}, remembering why some names are not in it.
     *
     * @param whyMissing operation name to the reason its contribution was skipped (see {@link #whyMissing(String)})
     */
    public static OperationTable of(Collection<OpSpec> specs, Map<String, String> whyMissing) {
        return new OperationTable(specs, whyMissing);
    }

    /** The operations of docs/scenarios.md, {@code kernel} first, as plain Java declares them (no registry). */
    public static OperationTable builtin() {
        return BUILTIN;
    }

    /**
     * The operations of the running product, read from the extension registry on first use; where no registry runs
     * (a plain classpath) the {@link #builtin()} table.
     */
    public static OperationTable installed() {
        return OperationRegistry.catalog().table();
    }

    /** A new table with this one's operations plus {@code spec} (replacing one of the same name). */
    public OperationTable with(OpSpec spec) {
        List<OpSpec> all = new ArrayList<>(byName.values());
        all.removeIf(s -> s.name().equals(spec.name()));
        all.add(spec);
        Map<String, String> why = new LinkedHashMap<>(whyMissing);
        why.remove(spec.name());
        return new OperationTable(all, why);
    }

    /** The operation of that name, or null. */
    public OpSpec get(String name) {
        return byName.get(name);
    }

    /**
     * Why an operation of that name is not in the table although a plugin contributed it (its class could not be
     * created, it declared nothing of that name, ...), naming the plugin; null when nothing contributed that name.
     */
    public String whyMissing(String name) {
        return whyMissing.get(name);
    }

    /** Every operation in table order. */
    public List<OpSpec> specs() {
        return List.copyOf(byName.values());
    }

    /** Every operation name in table order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
