package org.mmwb.ui.internal.actions;

import org.eclipse.jface.action.ControlContribution;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.mmwb.ui.internal.session.Session;
import org.mmwb.ui.internal.session.SessionState;

/**
 * The step slider of the tool bar: drag it to replay the scenario to any step (deterministic replay, so going back
 * is re-running to step N). The replay starts when the slider rests for a moment, not on every pixel.
 */
public final class StepSlider extends ControlContribution implements Session.Listener {

    private static final int SETTLE_MS = 150;

    private final Session session = Session.get();
    private Scale scale;
    private Label label;
    private int pending = -1;

    public StepSlider() {
        super("org.mmwb.ui.stepSlider");
    }

    @Override
    protected Control createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayout gl = new GridLayout(3, false);
        gl.marginHeight = 0;
        gl.marginWidth = 6;
        c.setLayout(gl);
        new Label(c, SWT.NONE).setText("Step:");
        scale = new Scale(c, SWT.HORIZONTAL);
        GridData sd = new GridData(SWT.FILL, SWT.CENTER, false, false);
        sd.widthHint = 260;
        scale.setLayoutData(sd);
        scale.setToolTipText("Replay the scenario to this step");
        scale.addListener(SWT.Selection, e -> {
            pending = scale.getSelection();
            label.setText(pending + " / " + scale.getMaximum());
            scale.getDisplay().timerExec(SETTLE_MS, this::settle);
        });
        label = new Label(c, SWT.NONE);
        GridData ld = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        GC gc = new GC(label);
        ld.widthHint = gc.textExtent("9999999 / 9999999").x + 4; // a run of millions of steps fits
        gc.dispose();
        label.setLayoutData(ld);
        session.addListener(this);
        changed(session.state());
        c.addListener(SWT.Dispose, e -> session.removeListener(this));
        return c;
    }

    private void settle() {
        if (scale == null || scale.isDisposed() || pending < 0 || scale.getSelection() != pending) {
            return;
        }
        int n = pending;
        pending = -1;
        if (n != session.state().position()) {
            session.goTo(n);
        }
    }

    @Override
    public void changed(SessionState s) {
        if (scale == null || scale.isDisposed()) {
            return;
        }
        boolean on = session.canStep() && s.total() > 0;
        scale.setMaximum(Math.max(1, s.total()));
        scale.setMinimum(0);
        scale.setPageIncrement(1);
        scale.setIncrement(1);
        if (pending < 0) {
            scale.setSelection(s.position());
        }
        scale.setEnabled(on);
        label.setText(on ? s.position() + " / " + s.total() : "-");
    }

    /** The scale (for tests). */
    public Scale getScale() {
        return scale;
    }
}
