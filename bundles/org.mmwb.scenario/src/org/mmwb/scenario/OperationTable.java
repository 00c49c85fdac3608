package org.mmwb.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mmwb.core.catalog.Problem;
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
    private final Map<String, String> contributors;
    private final Map<String, String> whyMissing;
    private final List<Problem> problems;

    private OperationTable(Collection<OpSpec> specs, Map<String, String> contributors, Map<String, String> whyMissing,
            List<Problem> problems) {
        Map<String, OpSpec> m = new LinkedHashMap<>();
        for (OpSpec s : specs) {
            m.put(s.name(), s);
        }
        this.byName = m;
        this.contributors = Map.copyOf(contributors);
        this.whyMissing = Map.copyOf(whyMissing);
        this.problems = List.copyOf(problems);
    }

    /** A table of these operations in this order (a later one replaces an earlier one of the same name). */
    public static OperationTable of(Collection<OpSpec> specs) {
        return new OperationTable(specs, Map.of(), Map.of(), List.of());
    }

    /**
     * A table read from contributions (the registry reader makes it).
     *
     * @param contributors operation name to the bundle that contributed it
     * @param whyMissing   operation name to the reason its contribution was skipped (see {@link #whyMissing(String)})
     * @param problems     what was wrong with the contributions
     */
    public static OperationTable of(Collection<OpSpec> specs, Map<String, String> contributors,
            Map<String, String> whyMissing, List<Problem> problems) {
        return new OperationTable(specs, contributors, whyMissing, problems);
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
        Map<String, String> from = new LinkedHashMap<>(contributors);
        from.remove(spec.name());
        Map<String, String> why = new LinkedHashMap<>(whyMissing);
        why.remove(spec.name());
        return new OperationTable(all, from, why, problems);
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

    /** The bundle that contributed the operation of that name; "" for one added in code ({@link #with(OpSpec)}). */
    public String contributor(String name) {
        return contributors.getOrDefault(name, "");
    }

    /**
     * What was wrong with the contributions this table was read from, each naming its bundle (empty for a table made
     * in code): operations fail only while they are read, so this does not grow.
     */
    public List<Problem> problems() {
        return problems;
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
