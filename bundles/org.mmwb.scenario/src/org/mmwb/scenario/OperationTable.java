package org.mmwb.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mmwb.scenario.internal.ops.BuiltinOps;

/**
 * The operations a scenario may use, by name. The built-in table holds those of docs/scenarios.md; extensions (e.g. an
 * {@code iomap NAME [ADDR]} operation of an IO-mapping plugin) derive a larger table with {@link #with(OpSpec)}.
 * The parser, the runner, completion and help all read this one table.
 */
public final class OperationTable {

    /** Name of the header operation that selects the kernel profile. */
    public static final String KERNEL = "kernel";

    private static final OperationTable BUILTIN = new OperationTable(BuiltinOps.specs());

    private final Map<String, OpSpec> byName;

    private OperationTable(Collection<OpSpec> specs) {
        Map<String, OpSpec> m = new LinkedHashMap<>();
        for (OpSpec s : specs) {
            m.put(s.name(), s);
        }
        this.byName = m;
    }

    /** The operations of docs/scenarios.md, {@code kernel} first. */
    public static OperationTable builtin() {
        return BUILTIN;
    }

    /** A new table with this one's operations plus {@code spec} (replacing one of the same name). */
    public OperationTable with(OpSpec spec) {
        List<OpSpec> all = new ArrayList<>(byName.values());
        all.removeIf(s -> s.name().equals(spec.name()));
        all.add(spec);
        return new OperationTable(all);
    }

    /** The operation of that name, or null. */
    public OpSpec get(String name) {
        return byName.get(name);
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
