package org.mmwb.ui.internal.views;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IWorkbenchPart;
import org.mmwb.core.mm.ReadOnlyFaultLog;
import org.mmwb.ui.internal.ViewIds;
import org.mmwb.ui.internal.session.ProcessInfo;
import org.mmwb.ui.internal.session.Session;
import org.mmwb.ui.internal.session.SessionState;
import org.mmwb.ui.internal.session.StepRecord;
import org.mmwb.ui.internal.session.VmaRow;
import org.mmwb.ui.internal.widgets.SelectionRelay;
import org.mmwb.ui.internal.widgets.faultlog.FaultRef;
import org.mmwb.ui.internal.widgets.timeline.FaultTimeline;
import org.mmwb.ui.internal.widgets.timeline.TimelineModel;

/**
 * Fault Timeline: the faults over time per process and VMA ({@link FaultTimeline}), the scenario's steps as
 * ticks. A click selects the fault in the Fault Log, its VMA in Address Space and its walk in Page Tables; a fault
 * selected elsewhere is marked here.
 */
public final class FaultTimelineView extends SessionView {

    /** View id (plugin.xml). */
    public static final String ID = ViewIds.FAULT_TIMELINE;

    private FaultTimeline timeline;
    private final SelectionRelay relay = new SelectionRelay();

    @Override
    protected Control createControls(Composite parent) {
        parent.setLayout(new FillLayout());
        timeline = new FaultTimeline(parent, SWT.BORDER);
        timeline.setLaneName(this::laneName);
        timeline.setSelectionListener(seq -> {
            ReadOnlyFaultLog log = shown().faultLog();
            if (log != null && seq >= log.firstSeq() && seq < log.nextSeq()) {
                relay.fire(FaultRef.of(log, seq));
            }
        });
        getSite().setSelectionProvider(relay);
        return timeline;
    }

    private String laneName(TimelineModel.Lane l) {
        if (l.vmaStart() == ReadOnlyFaultLog.NO_VMA) {
            return "pid " + l.pid() + "  (no VMA)";
        }
        ProcessInfo p = shown() == null ? null : shown().process(l.pid());
        VmaRow v = p == null ? null : p.vmaAt(l.vmaStart());
        String name = v == null ? "(unmapped since)" : v.displayName() + " " + v.perms();
        return String.format("pid %d  %x %s", l.pid(), l.vmaStart(), name);
    }

    @Override
    protected void show(SessionState state) {
        ReadOnlyFaultLog log = state.faultLog();
        if (log != timeline.model().log()) {
            timeline.setInput(log);
        } else {
            timeline.refresh();
        }
        List<StepRecord> steps = Session.get().steps();
        long[] starts = Session.get().stepStarts();
        if (starts == null) { // (a recording's steps give theirs without making a row each)
            starts = new long[steps.size()];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = steps.get(i).firstFault();
            }
        }
        timeline.setStepStarts(starts);
        setContentDescription(log == null ? "" : String.format("%,d faults in %d lanes (process, VMA)", log.size(),
                timeline.model().lanes().size()));
    }

    @Override
    protected void linkedSelection(IWorkbenchPart part, Object element) {
        if (element instanceof FaultRef f) {
            timeline.select(f.seq());
        }
    }

    /** The timeline (for tests). */
    public FaultTimeline getTimeline() {
        return timeline;
    }
}
