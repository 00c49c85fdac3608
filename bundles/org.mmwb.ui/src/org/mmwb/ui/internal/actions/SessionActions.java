package org.mmwb.ui.internal.actions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.mmwb.ui.internal.editor.MmsEditor;
import org.mmwb.ui.internal.session.Samples;
import org.mmwb.ui.internal.session.Session;
import org.mmwb.ui.internal.session.SessionState;

/**
 * The session's actions for the menus and the tool bar: open a scenario, a sample or a JSON session; edit the
 * scenario; Run (the active .mms editor's text when an editor is active), Step, Step Back, Reset, Cancel.
 * Enablement follows the session.
 */
public final class SessionActions implements Session.Listener {

    private final IWorkbenchWindow window;
    private final Session session = Session.get();

    public final IAction open = action("&Open Scenario...",
            "Open a .mms scenario, a .json session or a .mmwb-rec recording, and run (replay) it",
            this::openFile);
    public final IAction importJson = action("&Import Session (.json)...",
            "Open the JSON of ./mmwb run --json or ./mmwb import PID, read-only", this::importFile);
    public final IAction edit = action("&Edit Scenario", "Open the session's scenario in the .mms editor",
            this::editScenario);
    public final IAction run = action("\u25b6 &Run", "Run the scenario to its end (from the .mms editor: its current text)",
            this::runScenario);
    public final IAction step = action("&Step \u25b8", "Run the next operation (F6)", session::step);
    public final IAction stepBack = action("\u25c2 Step &Back",
            "Go back one operation: replays to the previous step (Shift+F6)", session::stepBack);
    public final IAction reset = action("\u27f2 Rese&t", "Back to the process as exec left it, step 0 (Ctrl+Shift+R)",
            session::reset);
    public final IAction cancel = action("&Cancel Run", "Cancel the running replay", session::cancel);

    public SessionActions(IWorkbenchWindow window) {
        this.window = window;
        run.setAccelerator(SWT.MOD1 | 'R');
        step.setAccelerator(SWT.F6);
        stepBack.setAccelerator(SWT.SHIFT | SWT.F6);
        reset.setAccelerator(SWT.MOD1 | SWT.SHIFT | 'R');
        session.addListener(this);
        changed(session.state());
    }

    private IAction action(String text, String tip, Runnable r) {
        Action a = new Action(text) {
            @Override
            public void run() {
                guarded(text.replace("&", "").replaceAll("[^\\p{L} .]", "").strip(), r);
            }
        };
        a.setToolTipText(tip);
        return a;
    }

    /**
     * Runs an action so that a failure is a message (and a stack trace in the Error Log), never the workbench's
     * exception dialog: the session and every editor keep their state.
     */
    private void guarded(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            org.eclipse.core.runtime.ILog.of(SessionActions.class).error(what + " failed", e);
            MessageDialog.openError(window.getShell(), what, what + " failed: " + e
                    + "\n\nThe details are in the Error Log (Window > Show View > Error Log); edited scenarios are "
                    + "unchanged.");
        }
    }

    /** The "Open Sample" submenu. */
    public IMenuManager samplesMenu() {
        MenuManager m = new MenuManager("Open S&ample");
        for (String name : Samples.names()) {
            m.add(action(name, "Open the bundled sample " + name, () -> openSample(name)));
        }
        return m;
    }

    @Override
    public void changed(SessionState s) {
        boolean steppable = session.canStep() && !s.busy();
        run.setEnabled(!s.busy());
        step.setEnabled(steppable && s.position() < s.total());
        stepBack.setEnabled(steppable && s.position() > 0);
        reset.setEnabled(steppable && s.position() > 0);
        cancel.setEnabled(s.busy());
        edit.setEnabled(session.path() != null && !s.title().endsWith(".json") && !session.isRecording());
        refreshProperties();
    }

    /** The Properties view re-reads its (live) source: it shows the new state, never the previous one. */
    private void refreshProperties() {
        IWorkbenchPage page = window.getActivePage();
        if (page != null && page.findView(org.eclipse.ui.IPageLayout.ID_PROP_SHEET)
                instanceof org.eclipse.ui.views.properties.PropertySheet sheet
                && sheet.getCurrentPage() instanceof org.eclipse.ui.views.properties.PropertySheetPage p
                && p.getControl() != null && !p.getControl().isDisposed()) {
            p.refresh();
        }
    }

    private void openFile() {
        FileDialog d = new FileDialog(window.getShell(), SWT.OPEN);
        d.setText("Open Scenario");
        d.setFilterExtensions(new String[] {"*.mms;*.json;*.mmwb-rec", "*.mms", "*.json", "*.mmwb-rec", "*"});
        d.setFilterNames(new String[] {"Scenarios, sessions and recordings", "Scenarios (*.mms)", "Sessions (*.json)",
            "Recordings (*.mmwb-rec)", "All files"});
        String f = d.open();
        if (f != null) {
            session.open(Path.of(f));
        }
    }

    private void importFile() {
        FileDialog d = new FileDialog(window.getShell(), SWT.OPEN);
        d.setText("Import Session");
        d.setFilterExtensions(new String[] {"*.json", "*"});
        String f = d.open();
        if (f != null) {
            session.importReport(Path.of(f));
        }
    }

    /** Opens a bundled sample and runs it. */
    public void openSample(String name) {
        try {
            session.open(Samples.path(name));
        } catch (IOException e) {
            MessageDialog.openError(window.getShell(), "Open Sample", e.getMessage());
        }
    }

    private void editScenario() {
        Path p = session.path();
        if (p != null) {
            openEditor(window, p);
        }
    }

    /** Opens the .mms editor on a file (the editor area is shown if the perspective hid it). */
    public static IEditorPart openEditor(IWorkbenchWindow window, Path file) {
        IWorkbenchPage page = window.getActivePage();
        if (page == null) {
            return null;
        }
        page.setEditorAreaVisible(true);
        try {
            return IDE.openEditorOnFileStore(page, EFS.getLocalFileSystem().getStore(file.toUri()));
        } catch (PartInitException e) {
            MessageDialog.openError(window.getShell(), "Edit Scenario", "Cannot open " + file + ": " + e.getMessage());
            return null;
        }
    }

    private MmsEditor activeEditor() {
        IWorkbenchPage page = window.getActivePage();
        return page != null && page.getActivePart() instanceof MmsEditor e ? e : null;
    }

    private void runScenario() {
        MmsEditor e = activeEditor();
        if (e != null) {
            e.runInSession();
        } else {
            session.run();
        }
    }

    /** Stops following the session. */
    public void dispose() {
        session.removeListener(this);
    }

    /** Every action, for registering with the action bar advisor. */
    public List<IAction> all() {
        return List.of(open, importJson, edit, run, step, stepBack, reset, cancel);
    }
}
