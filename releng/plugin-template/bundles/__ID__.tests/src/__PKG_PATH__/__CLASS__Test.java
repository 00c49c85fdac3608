package __PKG__;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mmwb.core.mm.FaultRecord;
import org.mmwb.core.mm.VmaSnapshot;
import org.mmwb.scenario.testing.ScenarioCheck;
import org.mmwb.scenario.testing.ScenarioRun;

/**
 * Headless tests of __NAME__ written as scenarios (the .mms language of mmwb's docs/scenarios.md). ScenarioCheck
 * runs each on a fresh simulated kernel whose profiles come from the extension registry, so this plugin's
 * plugin.xml takes part exactly as in the product. {@code run.text()} is what {@code ./mmwb run} would print:
 * handy in failure messages.
 */
class __CLASS__Test {

    @Test
    void everyProcessGetsTheMappingAtExec() {
        ScenarioRun run = ScenarioCheck.run("kernel x86_64-6.18\n");
        VmaSnapshot v = run.vma("__NAME__");
        assertEquals("r--p", v.perms(), run.text());
        assertEquals(2 * 4096, v.size());
        assertTrue(v.flags().contains("mm"), "VM_MIXEDMAP: " + v.flags());
    }

    @Test
    void pageZeroIsTheKernelPage() {
        ScenarioRun run = ScenarioCheck.run("""
                kernel x86_64-6.18
                touch __NAME__ 4K r
                read __NAME__
                touch __NAME__ 4K w
                """);
        assertEquals("ok", run.result(2), run.text());
        assertEquals("0x50", run.result(3), "byte 0 is 'P'");
        assertEquals("SIGSEGV(ACCERR)", run.result(4), "read-only");
        FaultRecord f = run.faultsBy("__NAME__").get(0);
        assertEquals("__NAME__ (__ID__)", f.handler(), "the fault log names the plugin");
        assertEquals(0, f.pgoff());
    }

    @Test
    void pageOneIsTheDeviceItsOwnPfnsAnswer() {
        ScenarioRun run = ScenarioCheck.run("""
                kernel x86_64-6.18
                read __NAME__+4K
                """);
        assertEquals("0x2a", run.result(2), run.text());
        __CLASS__.State state = __CLASS__.state(run.kernel());
        FaultRecord f = run.faultsBy("__NAME__").get(0);
        assertEquals(1, f.pgoff(), "vmf->pgoff is relative to the mapping");
        assertEquals(state.devicePfn(), f.pfn(), "the inserted PFN");
        assertFalse(run.kernel().isRam(state.devicePfn()));
        assertEquals("__NAME__ (__ID__)", run.kernel().ioMemoryOwner(state.devicePfn()),
                "the kernel knows whose device memory it is");
    }

    @Test
    void closeRunsWhenTheMappingIsUnmapped() {
        ScenarioRun run = ScenarioCheck.run("""
                kernel x86_64-6.18
                munmap __NAME__ 8K
                """);
        assertEquals("ok", run.result(2), run.text());
        assertFalse(run.hasVma("__NAME__"));
        assertEquals(1, __CLASS__.state(run.kernel()).closes().get(), "one .close for the one unmap");
    }

    @Test
    void otherProfilesDoNotHaveIt() {
        assertFalse(ScenarioCheck.run("kernel x86_64-3.19\n").hasVma("__NAME__"));
    }
}
