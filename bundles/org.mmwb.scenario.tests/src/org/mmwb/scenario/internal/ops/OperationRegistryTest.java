package org.mmwb.scenario.internal.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmwb.core.catalog.Problem;
import org.mmwb.scenario.OperationTable;
import org.mmwb.scenario.ParseResult;
import org.mmwb.scenario.ScenarioParser;
import org.mmwb.scenario.testing.ScenarioCheck;
import org.mmwb.scenario.testing.ScenarioRun;

/**
 * The operations of the extension registry: the built-ins from org.mmwb.scenario's plugin.xml, and this fragment's
 * fragment.xml contributions: {@code testpoke} (good) and broken ones, each logged and skipped.
 */
class OperationRegistryTest {

    private static final String HOST = OperationCatalog.DECLARING_BUNDLE;
    private static final String TEST_OPS = "org.mmwb.scenario.internal.ops.";

    /** A machine without special mappings: the test runtime holds no architecture bundle. */
    private static final ScenarioCheck CHECK = ScenarioCheck.standard().profiles(name -> new
            org.mmwb.core.mm.KernelProfile(name, 4, 0x555555559000L, 33, List.of(), false));

    @Test
    void theBuiltInsComeFromThePluginXmlAsDeclaredInJava() {
        OperationTable installed = OperationTable.installed();
        List<String> builtin = OperationTable.builtin().names();
        assertEquals(builtin, installed.names().subList(0, builtin.size()), "the built-ins first, in their order");
        for (String name : builtin) {
            assertSame(OperationTable.builtin().get(name), installed.get(name), name);
        }
        assertEquals(builtin.size() + 1, installed.names().size(), installed.names().toString());
        assertEquals("testpoke", installed.names().get(builtin.size()));
    }

    @Test
    void aContributedOperationRunsInAScenario() {
        ScenarioRun run = CHECK.check("""
                $a = mmap 0 4K rw-
                $v = testpoke $a+8 0x42
                read $a+8
                mprotect $a 4K r--
                testpoke $a 1
                """);
        assertEquals("0x42", run.result(2), run.text());
        assertEquals("0x42", run.result(3));
        assertEquals("SIGSEGV(ACCERR)", run.result(5));
    }

    @Test
    void brokenContributionsAreLoggedWithTheirBundleAndSkipped() {
        List<String> errors = OperationTable.installed().problems().stream()
                .filter(p -> p.error() && p.bundle().equals(HOST)).map(Problem::message).toList();
        assertEquals(List.of(
                "operation 'testmissing': class " + TEST_OPS + "NoSuchOperation cannot be created; skipped",
                "operation 'testwrongtype': class " + TEST_OPS + "NotAnOperationProvider does not implement"
                        + " org.mmwb.scenario.OperationProvider; skipped",
                "operation 'testundeclared': class " + TEST_OPS + "PokeOperation declares no operation of that"
                        + " name; skipped",
                "operation name=\"Test-Poke\" is not an operation word (lower-case letters, digits, '_', starting"
                        + " with a letter; not 'repeat'); skipped",
                "operation 'testpoke' (class " + TEST_OPS + "PokeOperation) is already contributed by " + HOST
                        + "; this contribution is skipped",
                "operation 'mmap' (class " + TEST_OPS + "PokeOperation) is already contributed by " + HOST
                        + "; this contribution is skipped"), errors);
        assertSame(OperationTable.builtin().get("mmap"), OperationTable.installed().get("mmap"),
                "a contribution never replaces a built-in operation");
    }

    @Test
    void aScenarioUsingASkippedOperationIsToldWhy() {
        ParseResult r = new ScenarioParser(OperationTable.installed()).parse("t.mms", "dump\ntestmissing 1\n");
        assertEquals(1, r.diagnostics().size(), r.errorText());
        String e = r.diagnostics().get(0).toString();
        assertTrue(e.startsWith("t.mms:2:1: operation 'testmissing' is contributed by plugin org.mmwb.scenario,"
                + " which failed to load it: operation 'testmissing': class " + TEST_OPS + "NoSuchOperation cannot"
                + " be created; skipped ("), e);
    }
}
