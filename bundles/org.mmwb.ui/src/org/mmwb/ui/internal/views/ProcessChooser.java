package org.mmwb.ui.internal.views;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.mmwb.ui.internal.session.ProcessInfo;
import org.mmwb.ui.internal.session.SessionState;

/** The "Process:" chooser of the views that show one process: the session's live processes, one of them chosen. */
final class ProcessChooser {

    private final Combo combo;
    private final List<Integer> pids = new ArrayList<>();
    private int pid = 1;

    /** Adds a label and a drop-down to {@code parent}; {@code onChoose} gets the pid the user picks. */
    ProcessChooser(Composite parent, IntConsumer onChoose) {
        new Label(parent, SWT.NONE).setText("Process:");
        combo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        combo.addListener(SWT.Selection, e -> {
            int i = combo.getSelectionIndex();
            if (i >= 0 && i < pids.size()) {
                onChoose.accept(pids.get(i));
            }
        });
    }

    /**
     * Lists the live processes of {@code state}, keeping the chosen one while it lives (else the first).
     *
     * @return the chosen pid
     */
    int update(SessionState state) {
        List<Integer> live = new ArrayList<>();
        for (ProcessInfo p : state.processes()) {
            if (p.alive()) {
                live.add(p.pid());
            }
        }
        if (!live.equals(pids)) {
            pids.clear();
            pids.addAll(live);
            combo.removeAll();
            for (int p : pids) {
                combo.add("pid " + p);
            }
        }
        if (!pids.contains(pid) && !pids.isEmpty()) {
            pid = pids.get(0);
        }
        combo.select(pids.indexOf(pid));
        combo.getParent().layout(true); // the header's labels change with the state
        return pid;
    }

    /** Chooses a pid (without notifying). */
    void select(int p) {
        pid = p;
        combo.select(pids.indexOf(p));
    }

    /** Whether {@code p} is a live process of the last state. */
    boolean lists(int p) {
        return pids.contains(p);
    }

    /** The chosen pid. */
    int pid() {
        return pid;
    }
}
