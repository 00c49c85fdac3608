package org.mmwb.examples.ticker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mmwb.core.mm.FaultRecord;
import org.mmwb.core.mm.VmaSnapshot;
import org.mmwb.scenario.testing.ScenarioCheck;
import org.mmwb.scenario.testing.ScenarioRun;

/**
 * The example's own headless tests, written as a plugin author writes them: scenario text in, results, VMAs and
 * faults out (org.mmwb.scenario.testing). The plugin's plugin.xml contributes [ticker]; the test runtime holds it,
 * org.mmwb.x86 (the kernel profiles) and the extension registry.
 * <p>
 * [ticker] is placed at exec as a group of its own, top-down: right below the built-in [vvar] group, so a scenario
 * reaches it by its name, {@code [ticker]}, which the registry adds to the names a scenario may use.
 */
class TickerScenarioTest {

    @Test
    void everyProcessGetsTheMappingAtExec() {
        ScenarioRun run = ScenarioCheck.run("kernel x86_64-6.18\n");
        VmaSnapshot v = run.vma("[ticker]");
        assertEquals("r--p", v.perms());
        assertEquals(2 * 4096, v.size());
        assertEquals(run.vma("[vvar]").start(), v.end(), "directly below the [vvar] group");
        assertTrue(v.flags().contains("de"), "VM_DONTEXPAND, as every special mapping: " + v.flags());
    }

    @Test
    void pageZeroIsHandedBackPageOneIsRefused() {
        ScenarioRun run = ScenarioCheck.run("""
                kernel x86_64-6.18
                touch [ticker] 8K r
                read [ticker]
                touch [ticker] 4K w
                """);
        assertEquals("ok SIGBUS(ADRERR)", run.result(2));
        assertEquals("0x54", run.result(3), "byte 0 of the kernel page is 'T'");
        assertEquals("SIGSEGV(ACCERR)", run.result(4), "read-only");
        FaultRecord first = run.faultsBy("[ticker]").get(0);
        assertEquals("[ticker] (org.mmwb.examples.ticker)", first.handler(), "the fault log names the plugin");
        assertEquals(0, first.pgoff());
        FaultRecord second = run.faultsBy("[ticker]").get(1);
        assertEquals(1, second.pgoff(), "vmf->pgoff is relative to the mapping");
        assertTrue(second.resultName().startsWith("SIGBUS"), second.resultName());
        assertEquals('.', run.pages("[ticker]").charAt(1));
        assertFalse(run.pages("[ticker]").charAt(0) == '.', "page 0 is mapped: " + run.pages("[ticker]"));
    }

    @Test
    void mremapAndCloseCallbacksRun() {
        long moves = TickerProvider.moves();
        long closes = TickerProvider.closes();
        ScenarioRun run = ScenarioCheck.run("""
                kernel x86_64-6.18
                $n = mremap [ticker] 8K 8K maymove fixed=0x600000000000
                fork
                exit
                """);
        assertEquals(0x600000000000L, run.value(2));
        assertEquals(moves + 1, TickerProvider.moves());
        assertEquals(0x600000000000L, TickerProvider.lastMove());
        assertEquals(0x600000000000L, run.vma("[ticker]").start());
        assertTrue(TickerProvider.closes() >= closes + 1, "the child's copy was closed at its exit");
    }

    @Test
    void otherProfilesDoNotHaveIt() {
        assertFalse(ScenarioCheck.run("kernel x86_64-3.19\n").hasVma("[ticker]"));
    }
}
