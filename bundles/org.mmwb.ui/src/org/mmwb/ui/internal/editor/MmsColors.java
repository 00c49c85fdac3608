package org.mmwb.ui.internal.editor;

import org.eclipse.jface.text.TextAttribute;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;

/** Text styles of the .mms syntax colouring (colours need no disposal in current SWT). */
final class MmsColors {

    static final TextAttribute COMMENT = attr(new RGB(0x3f, 0x7f, 0x5f), SWT.ITALIC);
    static final TextAttribute OPERATION = attr(new RGB(0x7f, 0x00, 0x55), SWT.BOLD);
    static final TextAttribute FLAG = attr(new RGB(0x00, 0x00, 0xc0), SWT.NORMAL);
    static final TextAttribute PROT = attr(new RGB(0xa0, 0x30, 0x00), SWT.NORMAL);
    static final TextAttribute NUMBER = attr(new RGB(0x00, 0x70, 0x70), SWT.NORMAL);
    static final TextAttribute BINDING = attr(new RGB(0x8a, 0x4b, 0x08), SWT.BOLD);
    static final TextAttribute SPECIAL = attr(new RGB(0x00, 0x60, 0x9c), SWT.BOLD);
    static final TextAttribute PROFILE = attr(new RGB(0x55, 0x55, 0x55), SWT.ITALIC);

    private MmsColors() {
    }

    private static TextAttribute attr(RGB rgb, int style) {
        return new TextAttribute(new Color(rgb), null, style);
    }
}
