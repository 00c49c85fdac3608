package org.mmwb.ui.internal.widgets;

import org.eclipse.swt.layout.GridLayout;

/** Grid layouts of the composite widgets. */
public final class Grids {

    private Grids() {
    }

    /** {@code columns} columns without margins or spacing: the children of a widget sit flush. */
    public static GridLayout flush(int columns) {
        GridLayout gl = new GridLayout(columns, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        gl.horizontalSpacing = 0;
        gl.verticalSpacing = 0;
        return gl;
    }
}
