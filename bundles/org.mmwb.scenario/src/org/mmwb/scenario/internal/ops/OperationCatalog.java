package org.mmwb.scenario.internal.ops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mmwb.scenario.OpSpec;
import org.mmwb.scenario.OperationTable;

/**
 * The installed scenario operations, built from checked contributions (plain Java: the registry reader feeds it,
 * tests feed it by hand). Order, which the parser's "expected one of" and the editor's completion show: the
 * operations of org.mmwb.scenario (the bundle that declares the extension point) first, then the other bundles' by
 * symbolic name, each bundle's in document order; so a plugin never reorders or replaces the built-in operations,
 * and the order does not depend on install order. A name contributed twice: the later one is logged and skipped.
 */
public final class OperationCatalog {
    /** The bundle whose plugin.xml declares the built-in operations. */
    public static final String DECLARING_BUNDLE = "org.mmwb.scenario";

    private final OperationTable table;

    /**
     * @param contributions the readable contributions, in registry order
     * @param whyMissing    operation name to why its only contribution was skipped while it was read
     */
    public OperationCatalog(List<OperationContribution> contributions, Map<String, String> whyMissing,
            OperationLog log) {
        List<OperationContribution> sorted = new ArrayList<>(contributions);
        sorted.sort(Comparator.comparing((OperationContribution c) -> !c.bundle().equals(DECLARING_BUNDLE))
                .thenComparing(OperationContribution::bundle));
        Map<String, OperationContribution> byName = new LinkedHashMap<>();
        for (OperationContribution c : sorted) {
            OperationContribution old = byName.putIfAbsent(c.name(), c);
            if (old != null) {
                log.error(c.bundle(), "operation '" + c.name() + "' (class " + c.className() + ") is already"
                        + " contributed by " + old.bundle() + "; this contribution is skipped", null);
            }
        }
        Map<String, String> why = new LinkedHashMap<>(whyMissing);
        why.keySet().removeAll(byName.keySet());
        Map<String, String> contributors = new LinkedHashMap<>();
        byName.forEach((name, c) -> contributors.put(name, c.bundle()));
        this.table = OperationTable.of(byName.values().stream().map(OperationContribution::spec).toList(),
                contributors, why, log.problems());
    }

    /** The catalog of a runtime without an extension registry: the built-in operations. */
    static OperationCatalog builtinOnly(OperationLog log) {
        List<OperationContribution> l = new ArrayList<>();
        for (OpSpec s : OperationTable.builtin().specs()) {
            l.add(new OperationContribution(s.name(), DECLARING_BUNDLE, BuiltinOps.class.getName(), s));
        }
        return new OperationCatalog(l, Map.of(), log);
    }

    /** The operation table: what the parser, the editor and the help use. */
    public OperationTable table() {
        return table;
    }
}
