package org.mmwb.ui.internal.editor;

import java.nio.file.Path;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.mmwb.ui.internal.session.Session;

/** Finds the .mms editor that shows the session's scenario and shows a line of it (Results view links). */
public final class ScenarioEditors {

    private ScenarioEditors() {
    }

    /** The open editor of the session's scenario: the one on its file, else one whose text the session ran. */
    public static MmsEditor find(IWorkbenchPage page) {
        if (page == null) {
            return null;
        }
        Session s = Session.get();
        MmsEditor byText = null;
        for (IEditorReference r : page.getEditorReferences()) {
            if (r.getEditor(false) instanceof MmsEditor m) {
                if (s.path() != null && s.path().equals(m.filePath())) {
                    return m;
                }
                if (byText == null && !s.text().isEmpty() && s.text().equals(m.getText())) {
                    byText = m;
                }
            }
        }
        return byText;
    }

    /**
     * Shows line:column of the session's scenario in its editor. With {@code open} the editor is opened on the
     * session's file when none shows it, and activated; without, only an open editor scrolls.
     */
    public static MmsEditor reveal(IWorkbenchWindow window, int line, int column, boolean open) {
        IWorkbenchPage page = window == null ? null : window.getActivePage();
        if (Session.get().isRecording()) {
            return null; // a recording's line numbers are not lines of a scenario (nor is it one to open)
        }
        MmsEditor e = find(page);
        Path file = Session.get().path();
        if (e == null && open && file != null && !file.toString().endsWith(".json")) {
            page.setEditorAreaVisible(true);
            try {
                IEditorPart p = IDE.openEditorOnFileStore(page, EFS.getLocalFileSystem().getStore(file.toUri()));
                e = p instanceof MmsEditor m ? m : null;
            } catch (PartInitException ex) {
                return null;
            }
        }
        if (e != null) {
            e.revealLine(line, column);
            if (open) {
                page.activate(e);
            } else {
                page.bringToTop(e);
            }
        }
        return e;
    }
}
