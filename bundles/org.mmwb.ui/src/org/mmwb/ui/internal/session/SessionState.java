package org.mmwb.ui.internal.session;

import java.util.List;

import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.ReadOnlyFaultLog;
import org.mmwb.core.mm.SpecialMappingProvider;
import org.mmwb.core.mm.Task;

/**
 * What the views show at one moment: immutable apart from the engine objects, which nobody mutates once a state
 * is published (a replay builds a new kernel; only the UI thread steps the published one, and then publishes a
 * new state).
 *
 * @param title      the session's name (file name) or "" when nothing is open
 * @param readOnly   an imported snapshot: no Run/Step
 * @param kernel     the simulated machine, null for imported sessions and when nothing ran
 * @param faultLog   the faults (the engine's log, or one built from an imported session), null when none
 * @param processes  every process, in pid order
 * @param providers  the special-mapping providers of the session's profile
 * @param position   operations executed
 * @param total      operations in the scenario
 * @param status     one line for the status bar: the last operation and its result, or what went wrong
 * @param busy       a replay job is running (the state shown is the previous one)
 */
public record SessionState(String title, boolean readOnly, Kernel kernel, ReadOnlyFaultLog faultLog,
        List<ProcessInfo> processes, List<SpecialMappingProvider> providers, int position, int total,
        String status, boolean busy) {

    /** Nothing open. */
    public static final SessionState EMPTY = new SessionState("", true, null, null, List.of(), List.of(), 0, 0,
            "No scenario open: File > Open Scenario... or Open Sample", false);

    /** Copies the lists. */
    public SessionState {
        processes = List.copyOf(processes);
        providers = List.copyOf(providers);
        title = title == null ? "" : title;
        status = status == null ? "" : status;
    }

    /** The process of that pid, or null. */
    public ProcessInfo process(int pid) {
        for (ProcessInfo p : processes) {
            if (p.pid() == pid) {
                return p;
            }
        }
        return null;
    }

    /** The engine task of that pid, or null (imported sessions have none). */
    public Task task(int pid) {
        return kernel == null ? null : kernel.task(pid);
    }

    /** The same state marked busy or not. */
    public SessionState withBusy(boolean b) {
        return new SessionState(title, readOnly, kernel, faultLog, processes, providers, position, total, status, b);
    }

    /**
     * Whether this state differs from {@code o} only in its busy flag (and status line): what a replay job's start,
     * cancel or failure publishes. The views then have nothing to redraw.
     */
    public boolean onlyBusyChanged(SessionState o) {
        return o != null && busy != o.busy && kernel == o.kernel && faultLog == o.faultLog
                && processes == o.processes && providers == o.providers && position == o.position
                && total == o.total && readOnly == o.readOnly && title.equals(o.title);
    }

    /** The same state with another status line. */
    public SessionState withStatus(String s) {
        return new SessionState(title, readOnly, kernel, faultLog, processes, providers, position, total, s, busy);
    }
}
