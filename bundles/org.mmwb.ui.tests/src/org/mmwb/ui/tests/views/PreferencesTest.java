package org.mmwb.ui.tests.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.Test;
import org.mmwb.ui.internal.prefs.Prefs;

/** Preferences: a scenario without a kernel line takes the preferred paging levels; one with a kernel line keeps its own. */
class PreferencesTest {

    @Test
    void levelsPreferenceAppliesWithoutKernelLine() throws Exception {
        var node = InstanceScope.INSTANCE.getNode(Prefs.NODE);
        node.putInt(Prefs.LEVELS, 5);
        try {
            var s = Fixture.openText("nokernel.mms", "$a = mmap 0x100000000000 4K rw- fixed\ntouch $a 4K w\n");
            assertEquals(5, s.kernel().profile().levels());
            s = Fixture.openText("kernel.mms", "kernel x86_64-6.18\n$a = mmap 0x100000000000 4K rw- fixed\n");
            assertEquals(4, s.kernel().profile().levels());
        } finally {
            node.remove(Prefs.LEVELS);
        }
        assertEquals(4, Prefs.current().levels());
    }

    /** A rejected fault-log limit says why in a message that fits the dialog; the page cannot be saved. */
    @Test
    void aRejectedLimitSaysWhyInFull() throws Exception {
        org.eclipse.jface.preference.PreferenceDialog d = org.eclipse.ui.dialogs.PreferencesUtil
                .createPreferenceDialogOn(Fixture.window().getShell(), "org.mmwb.ui.preferences", null, null);
        d.setBlockOnOpen(false);
        d.open();
        try {
            Fixture.settle(200);
            var page = (org.eclipse.jface.preference.PreferencePage) d.getSelectedPage();
            org.eclipse.swt.widgets.Text limit = findText(page.getControl());
            limit.setText("12");
            // what typing does: the field editor validates on key strokes and on leaving the field
            limit.notifyListeners(org.eclipse.swt.SWT.KeyDown, new org.eclipse.swt.widgets.Event());
            limit.notifyListeners(org.eclipse.swt.SWT.KeyUp, new org.eclipse.swt.widgets.Event());
            limit.notifyListeners(org.eclipse.swt.SWT.FocusOut, new org.eclipse.swt.widgets.Event());
            Fixture.settle(200);
            assertEquals("Fault log limit: a whole number, at least 1000", page.getErrorMessage());
            org.junit.jupiter.api.Assertions.assertFalse(page.isValid());
            org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(d.getShell());
            int need = gc.textExtent(page.getErrorMessage()).x;
            gc.dispose();
            org.junit.jupiter.api.Assertions.assertTrue(need < d.getShell().getSize().x - 300,
                    "the message (" + need + " px) fits beside the page tree of a " + d.getShell().getSize().x
                            + " px dialog");
            org.mmwb.ui.tests.Screenshots.take(d.getShell(), "preferences-rejected-limit");
        } finally {
            d.close();
        }
    }

    /** The page's only single-line text field: the fault log limit. */
    private static org.eclipse.swt.widgets.Text findText(org.eclipse.swt.widgets.Control c) {
        if (c instanceof org.eclipse.swt.widgets.Text t && (t.getStyle() & org.eclipse.swt.SWT.SINGLE) != 0) {
            return t;
        }
        if (c instanceof org.eclipse.swt.widgets.Composite comp) {
            for (org.eclipse.swt.widgets.Control child : comp.getChildren()) {
                org.eclipse.swt.widgets.Text t = findText(child);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }
}
