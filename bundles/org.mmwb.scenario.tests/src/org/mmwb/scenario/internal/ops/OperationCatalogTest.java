package org.mmwb.scenario.internal.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mmwb.core.catalog.Problem;
import org.mmwb.scenario.OpResult;
import org.mmwb.scenario.OpSpec;
import org.mmwb.scenario.OperationTable;

/** The catalog's rules on hand-made contributions, and the fallback where no registry runs (plain Java). */
class OperationCatalogTest {

    private static OperationContribution op(String bundle, String name) {
        OpSpec s = new OpSpec(name, List.of(), List.of(), false, true, OpSpec.Placement.NONE, bundle,
                c -> List.of(OpResult.ok()));
        return new OperationContribution(name, bundle, "x.Ops", s);
    }

    private static OperationContribution builtin(String name) {
        return new OperationContribution(name, OperationCatalog.DECLARING_BUNDLE, BuiltinOps.class.getName(),
                OperationTable.builtin().get(name));
    }

    @Test
    void theBuiltInsComeFirstThenPluginsByBundleNameAndAPluginNeverReplacesABuiltIn() {
        OperationLog log = OperationLog.inMemory();
        OperationCatalog c = new OperationCatalog(List.of(op("com.zeta", "zop"), op("com.alpha", "mmap"),
                builtin("mmap"), op("com.alpha", "aop2"), op("com.alpha", "aop1"), op("com.zeta", "aop1")),
                Map.of(), log);
        assertEquals(List.of("mmap", "aop2", "aop1", "zop"), c.table().names(), "document order within a bundle");
        assertSame(OperationTable.builtin().get("mmap"), c.table().get("mmap"));
        assertEquals("com.alpha", c.table().get("aop1").help(), "the first bundle by name keeps the name");
        List<String> errors = log.problems().stream().filter(Problem::error).map(Problem::toString).toList();
        assertEquals(List.of("com.alpha: operation 'mmap' (class x.Ops) is already contributed by org.mmwb.scenario;"
                + " this contribution is skipped", "com.zeta: operation 'aop1' (class x.Ops) is already contributed"
                + " by com.alpha; this contribution is skipped"), errors);
    }

    @Test
    void aSkippedNameIsExplainedUnlessAnotherContributionProvidesIt() {
        OperationCatalog c = new OperationCatalog(List.of(op("com.b", "taken")), Map.of("gone", "gone: no class",
                "taken", "taken: no class in com.a"), OperationLog.inMemory());
        assertEquals("gone: no class", c.table().whyMissing("gone"));
        assertNull(c.table().whyMissing("taken"), "com.b provides it");
        assertNull(c.table().with(op("com.c", "gone").spec()).whyMissing("gone"));
    }

    @Test
    void withoutARegistryTheBuiltInOperations() {
        OperationLog log = OperationLog.inMemory();
        OperationCatalog c = OperationRegistry.read(null, log);
        assertEquals(OperationTable.builtin().names(), c.table().names());
        assertEquals(1, log.problems().size());
        assertFalse(log.problems().get(0).error(), "a warning: the built-ins still work");
        assertTrue(log.problems().get(0).message().contains("no Eclipse extension registry"),
                log.problems().toString());
    }
}
