package org.mmwb.ui.internal.editor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPathEditorInput;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;
import org.mmwb.scenario.Diagnostic;
import org.mmwb.ui.internal.session.ScenarioLanguage;
import org.mmwb.ui.internal.session.Session;

/**
 * The scenario (.mms) editor: a text editor with .mms syntax colouring; while typing, the scenario parser runs
 * after a short pause and its diagnostics become error annotations ({@link #showDiagnostics(List)}). Run (tool bar,
 * Simulation menu, context menu, Ctrl+R) replays the editor's current text in the workbench session.
 */
public class MmsEditor extends TextEditor {

    /** Editor id (plugin.xml). */
    public static final String ID = "org.mmwb.ui.editors.mms";

    /** Pause after the last keystroke before the parser runs. */
    static final int DEBOUNCE_MS = 300;

    private final MmsDiagnostics diagnostics = new MmsDiagnostics();
    private int generation;
    private IDocument listened;
    private final IDocumentListener listener = new IDocumentListener() {
        @Override
        public void documentAboutToBeChanged(DocumentEvent event) {
        }

        @Override
        public void documentChanged(DocumentEvent event) {
            scheduleParse();
        }
    };

    @Override
    protected void initializeEditor() {
        super.initializeEditor();
        setSourceViewerConfiguration(new MmsSourceViewerConfiguration(getPreferenceStore()));
    }

    @Override
    public void createPartControl(Composite parent) {
        super.createPartControl(parent);
        listen();
        parseNow();
    }

    @Override
    protected void doSetInput(IEditorInput input) throws org.eclipse.core.runtime.CoreException {
        super.doSetInput(input);
        if (getSourceViewer() != null) {
            listen();
            scheduleParse();
        }
    }

    private void listen() {
        IDocument doc = getDocumentProvider() == null ? null : getDocumentProvider().getDocument(getEditorInput());
        if (doc != listened) {
            if (listened != null) {
                listened.removeDocumentListener(listener);
            }
            if (doc != null) {
                doc.addDocumentListener(listener);
            }
            listened = doc;
        }
    }

    private void scheduleParse() {
        int gen = ++generation;
        Display d = Display.getCurrent();
        if (d != null) {
            d.timerExec(DEBOUNCE_MS, () -> {
                if (gen == generation && getSourceViewer() != null) {
                    parseNow();
                }
            });
        }
    }

    /** Parses the current text and shows its diagnostics; returns them. */
    public List<Diag> parseNow() {
        List<Diag> diags = toDiags(ScenarioLanguage.parser().parse(fileName(), getText()).diagnostics());
        showDiagnostics(diags);
        return diags;
    }

    /** Replays the current text in the session (nothing runs when it has errors); returns the diagnostics. */
    public List<Diag> runInSession() {
        List<Diag> diags = toDiags(Session.get().openScenario(fileName(), getText(), filePath()));
        showDiagnostics(diags);
        return diags;
    }

    private static List<Diag> toDiags(List<Diagnostic> ds) {
        List<Diag> out = new ArrayList<>(ds.size());
        for (Diagnostic d : ds) {
            out.add(new Diag(d.line(), d.column(), d.message()));
        }
        return out;
    }

    private String fileName() {
        IEditorInput in = getEditorInput();
        return in == null ? "scenario.mms" : in.getName();
    }

    private Path filePath() {
        IEditorInput in = getEditorInput();
        try {
            if (in instanceof IURIEditorInput u && "file".equals(u.getURI().getScheme())) {
                return Path.of(u.getURI());
            }
            if (in instanceof IPathEditorInput p) {
                return p.getPath().toFile().toPath();
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    @Override
    protected void editorContextMenuAboutToShow(IMenuManager menu) {
        super.editorContextMenuAboutToShow(menu);
        menu.insertBefore(ITextEditorActionConstants.GROUP_UNDO, new Action("Run Scenario") {
            @Override
            public void run() {
                runInSession();
            }
        });
    }

    /**
     * Show the parser's diagnostics as error annotations, replacing the previous ones (an empty list clears them).
     * Call on the UI thread.
     */
    public void showDiagnostics(List<Diag> diags) {
        if (getDocumentProvider() == null || getEditorInput() == null) {
            return;
        }
        IDocument doc = getDocumentProvider().getDocument(getEditorInput());
        IAnnotationModel model = getDocumentProvider().getAnnotationModel(getEditorInput());
        if (doc != null && model != null) {
            diagnostics.show(doc, model, diags);
        }
    }

    /** The annotation model (for tests). */
    public IAnnotationModel annotationModel() {
        return getDocumentProvider() == null ? null : getDocumentProvider().getAnnotationModel(getEditorInput());
    }

    /** The current text of the editor (what Run would parse), or "" without input. */
    public String getText() {
        IDocument doc = getDocumentProvider() == null ? null : getDocumentProvider().getDocument(getEditorInput());
        return doc == null ? "" : doc.get();
    }

    @Override
    public void dispose() {
        if (listened != null) {
            listened.removeDocumentListener(listener);
            listened = null;
        }
        super.dispose();
    }
}
