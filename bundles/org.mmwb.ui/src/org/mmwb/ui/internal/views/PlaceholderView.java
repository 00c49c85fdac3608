package org.mmwb.ui.internal.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;

/**
 * A view that does not show simulation data yet: it says so plainly, with what it will show, instead of
 * showing made-up content.
 */
abstract class PlaceholderView extends ViewPart {

    private Label message;

    /** What this view will show once a simulation is loaded. */
    protected abstract String purpose();

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        message = new Label(parent, SWT.WRAP);
        message.setText("No simulation loaded.\n\n" + purpose());
        message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
    }

    @Override
    public void setFocus() {
        message.setFocus();
    }
}
