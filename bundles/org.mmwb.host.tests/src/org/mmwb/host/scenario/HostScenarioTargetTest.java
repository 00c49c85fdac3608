package org.mmwb.host.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mmwb.core.mm.VmaSnapshot;
import org.mmwb.host.HostKernel;
import org.mmwb.scenario.DumpRecord;
import org.mmwb.scenario.OpRecord;
import org.mmwb.scenario.ParseResult;
import org.mmwb.scenario.RunReport;
import org.mmwb.scenario.ScenarioParser;
import org.mmwb.scenario.ScenarioRunner;

/** A scenario driven through the ScenarioTarget adapter on the live kernel (Linux x86-64 with gcc only). */
class HostScenarioTargetTest {

    private static HostKernel kernel;

    @BeforeAll
    static void start() throws Exception {
        String why = HostKernel.unavailableReason();
        Assumptions.assumeTrue(why == null, () -> "skipped: " + why);
        kernel = HostKernel.start();
    }

    @AfterAll
    static void stop() {
        if (kernel != null) {
            kernel.close();
        }
    }

    private static RunReport run(String text) {
        ParseResult p = new ScenarioParser().parse("t.mms", text);
        assertTrue(p.diagnostics().isEmpty(), p.diagnostics().toString());
        try (HostScenarioTarget t = new HostScenarioTarget(kernel)) {
            return ScenarioRunner.run(p.scenario(), t);
        }
    }

    private static String result(RunReport r, int line) {
        return r.results().stream().filter(o -> o.line() == line)
                .map(o -> String.join(" ", o.results().stream().map(res -> res.text()).toList()))
                .findFirst().orElseThrow();
    }

    @Test
    void resultsErrnosSignalsAndForkCowLetters() {
        RunReport r = run("""
                $a = mmap 0x100000000000 16K rw- fixed
                touch $a 8K r
                touch $a+4K 8K w
                mprotect $a+8K 4K r--
                touch $a+8K 4K w
                munmap $a+1 4K
                $c = fork
                touch $a 4K w
                dump
                """);
        assertEquals("0x100000000000", result(r, 1));
        assertEquals("SIGSEGV(ACCERR)", result(r, 5));
        assertEquals("ok ok", result(r, 3));
        assertEquals("EINVAL", result(r, 6));
        DumpRecord child = r.dumps().stream().filter(d -> d.line() != null && d.line() == 9).findFirst().orElseThrow();
        assertEquals(2, child.pid());
        List<VmaSnapshot> window = child.vmas().stream().filter(v -> v.start() >= 0x100000000000L
                && v.end() <= 0x100000004000L).toList();
        assertEquals(3, window.size(), window.toString()); // rw- | r-- | rw- after the mprotect split
        assertEquals("Aa", window.get(0).pages()); // the child's write copied page 0; page 1 still shared
    }
}
