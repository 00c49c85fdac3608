package org.mmwb.ui.tests.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmwb.core.catalog.ProviderCatalog;
import org.mmwb.scenario.Diagnostic;
import org.mmwb.scenario.ReportJson;
import org.mmwb.scenario.ScenarioParser;
import org.mmwb.scenario.sim.SimulatorTarget;
import org.mmwb.ui.internal.session.ProcessInfo;
import org.mmwb.ui.internal.session.Samples;
import org.mmwb.ui.internal.session.Session;
import org.mmwb.ui.internal.session.SessionState;
import org.mmwb.ui.internal.session.VmaRow;

/** The session model: run, step, step back (replay), reset, parse errors, JSON import. */
class SessionTest {

    private static List<VmaRow> vmas(SessionState s, int pid) {
        ProcessInfo p = s.process(pid);
        assertNotNull(p, "no pid " + pid);
        return p.vmas();
    }

    @Test
    void sampleRunsToItsEndAndStepBackReplaysDeterministically() throws Exception {
        SessionState end = Fixture.openSample(Samples.DEFAULT);
        assertEquals(end.total(), end.position());
        assertTrue(end.total() > 10, "default sample has its operations");
        // the mprotect split the 16K mapping into three VMAs
        List<VmaRow> p1 = vmas(end, 1);
        assertEquals("rw-p", p1.get(0).perms());
        assertEquals(0x100000000000L, p1.get(0).start());
        assertEquals("r--p", p1.get(1).perms());
        assertEquals("ZA", p1.get(0).pages());
        assertTrue(p1.stream().anyMatch(v -> v.name().equals("[vdso]") && v.isSpecial()));

        Session s = Session.get();
        s.goTo(5);
        SessionState at5 = Fixture.await();
        assertEquals(5, at5.position());
        long faultsAt5 = at5.faultLog().size();
        s.step();
        SessionState at6 = Fixture.await(); // the step's changes and state are read in a job
        assertEquals(6, at6.position());
        s.stepBack();
        SessionState back = Fixture.await();
        assertEquals(5, back.position());
        assertEquals(at5.processes(), back.processes(), "replay to step 5 gives the same VMAs");
        assertEquals(faultsAt5, back.faultLog().size());

        s.reset();
        SessionState zero = Fixture.await();
        assertEquals(0, zero.position());
        assertFalse(vmas(zero, 1).stream().anyMatch(v -> v.start() == 0x100000000000L), "nothing mapped at step 0");
        s.run();
        assertEquals(end.processes(), Fixture.await().processes());

        // Step pressed three times while the first step's changes are still being read: all three run, in order
        s.goTo(2);
        Fixture.await();
        s.step();
        s.step();
        s.step();
        SessionState at5again = Fixture.await();
        assertEquals(5, at5again.position());
        assertEquals(5, s.steps().size());
        assertEquals(at5.processes(), at5again.processes(), "stepping to 5 gives the VMAs of a replay to 5");
    }

    @Test
    void malformedScenarioRunsNothingAndSaysWhere() {
        List<Diagnostic> d = Session.get().openScenario("bad.mms", "mmap 0x1000 4K rw- fixed\nmunmap\n", null);
        assertFalse(d.isEmpty());
        assertEquals(2, d.get(0).line());
        SessionState s = Session.get().state();
        assertTrue(s.status().startsWith("bad.mms:2:"), s.status());
        assertTrue(s.processes().isEmpty());
        assertNull(Session.get().scenario());
    }

    @Test
    void jsonSessionOpensReadOnly() throws Exception {
        String text = Files.readString(Samples.path(Samples.DEFAULT));
        var scenario = new ScenarioParser().parse("default.mms", text).scenario();
        var report = SimulatorTarget.open(scenario, ProviderCatalog.installed().resolver()).run(scenario);
        Path json = Files.createTempFile("mmwb-session", ".json");
        Files.writeString(json, ReportJson.toJson(report));
        Session.get().open(json);
        SessionState s = Fixture.await(); // read in a job
        assertTrue(s.readOnly());
        assertFalse(Session.get().canStep());
        assertNull(s.kernel());
        assertEquals(report.faults().size(), s.faultLog().size());
        assertEquals(0x100000000000L, vmas(s, 1).get(0).start());
        assertEquals("ZA", vmas(s, 1).get(0).pages());

        Path broken = Files.createTempFile("mmwb-broken", ".json");
        Files.writeString(broken, "{ not json");
        Session.get().open(broken);
        Fixture.await();
        assertTrue(Session.get().state().status().startsWith("Cannot import"), Session.get().state().status());
    }
}
