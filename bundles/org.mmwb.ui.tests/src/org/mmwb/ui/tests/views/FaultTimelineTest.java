package org.mmwb.ui.tests.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.Test;
import org.mmwb.ui.internal.ViewIds;
import org.mmwb.ui.internal.session.SessionState;
import org.mmwb.ui.internal.views.FaultLogView;
import org.mmwb.ui.internal.views.FaultTimelineView;
import org.mmwb.ui.internal.widgets.timeline.TimelineModel;
import org.mmwb.ui.tests.Screenshots;

/** Fault Timeline: lanes per process and VMA, zoom, linked with the Fault Log, on a million faults. */
class FaultTimelineTest {

    @Test
    void lanesZoomAndLinkOnAMillionFaults() throws Exception {
        IWorkbenchPage page = Fixture.page();
        FaultLogView log = Fixture.show(page, ViewIds.FAULT_LOG);
        FaultTimelineView v = Fixture.show(page, ViewIds.FAULT_TIMELINE);
        SessionState s = Fixture.openText("million.mms", Fixture.MILLION + "touch $b+1M 4K w\n"); // + a SIGSEGV
        assertEquals((4L << 30 >>> 12) + 17, s.faultLog().size());
        TimelineModel m = v.getTimeline().model();
        assertEquals(3, m.lanes().size(), "the 4G VMA, the 64K VMA, the SIGSEGV's: " + m.lanes());
        int[][] counts = new int[3][100];
        int[][] bad = new int[3][100];
        m.histogram(m.first(), m.end(), 100, counts, bad);
        assertEquals(1 << 20, java.util.Arrays.stream(counts[0]).sum());
        assertEquals(0, java.util.Arrays.stream(bad[0]).sum() + java.util.Arrays.stream(bad[1]).sum());
        assertEquals(1, java.util.Arrays.stream(bad[2]).sum(), "the SIGSEGV outside any VMA is red");

        long[] all = v.getTimeline().range();
        v.getTimeline().zoom(0.001, m.end() - 10);
        long[] zoomed = v.getTimeline().range();
        assertTrue(zoomed[1] - zoomed[0] < (all[1] - all[0]) / 100, "zoomed in");
        Fixture.settle(100);

        // a fault selected in the Fault Log is marked here
        page.activate(log);
        log.getTable().selectFault(m.end() - 1, true);
        Fixture.settle(300);
        assertEquals(m.end() - 1, v.getTimeline().selected());
        page.activate(v);
        Fixture.settle(200);
        Screenshots.take(page.getWorkbenchWindow().getShell(), "fault-timeline");
        assertNotNull(v.getTimeline().model().log());
    }
}
