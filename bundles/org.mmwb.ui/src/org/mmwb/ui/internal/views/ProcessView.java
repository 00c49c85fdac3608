package org.mmwb.ui.internal.views;

import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.mmwb.ui.internal.session.SessionState;
import org.mmwb.ui.internal.widgets.SelectionRelay;

/**
 * A view of one process at a time (Page Tables, Address Map): a "Process:" chooser leads its header row, and what
 * the user selects in it is published through a {@link SelectionRelay}.
 */
abstract class ProcessView extends SessionView {

    /** The chooser of the process shown. */
    protected ProcessChooser process;
    /** The view's selection provider. */
    protected final SelectionRelay relay = new SelectionRelay();

    /** Lays {@code parent} out in {@code columns} columns, the process chooser first, and publishes the relay. */
    protected void header(Composite parent, int columns) {
        GridLayout gl = new GridLayout(columns, false);
        gl.marginWidth = 4;
        gl.marginHeight = 4;
        parent.setLayout(gl);
        process = new ProcessChooser(parent, this::showPid);
        getSite().setSelectionProvider(relay);
    }

    /** Shows process {@code pid}. */
    protected abstract void showPid(int pid);

    @Override
    protected void show(SessionState state) {
        showPid(process.update(state));
    }

    /** Shows process {@code pid} first if it is another live one (a selection elsewhere names it). */
    protected void follow(int pid) {
        if (pid != process.pid() && process.lists(pid)) {
            showPid(pid);
        }
    }
}
