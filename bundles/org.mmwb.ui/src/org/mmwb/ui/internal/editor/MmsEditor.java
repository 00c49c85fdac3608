package org.mmwb.ui.internal.editor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPathEditorInput;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;
import org.eclipse.ui.texteditor.ITextEditorActionDefinitionIds;
import org.mmwb.scenario.Diagnostic;
import org.mmwb.ui.internal.session.ScenarioLanguage;
import org.mmwb.ui.internal.session.Session;
import org.mmwb.ui.internal.session.SessionState;

/**
 * The scenario (.mms) editor: a text editor with .mms syntax colouring and completion (Ctrl+Space: operations,
 * their words and flags, from the installed operation table); while typing, the scenario parser runs
 * after a short pause and its diagnostics become error annotations ({@link #showDiagnostics(List)}). Run (tool bar,
 * Simulation menu, context menu, Ctrl+R) replays the editor's current text in the workbench session.
 */
public class MmsEditor extends TextEditor {

    /** Editor id (plugin.xml). */
    public static final String ID = "org.mmwb.ui.editors.mms";

    /** Pause after the last keystroke before the parser runs. */
    static final int DEBOUNCE_MS = 300;

    /** Annotation type of the line of the current step (plugin.xml: highlighted, in the rulers). */
    public static final String STEP_ANNOTATION = "org.mmwb.ui.currentStep";

    private final MmsDiagnostics diagnostics = new MmsDiagnostics();
    private Annotation stepMark;
    private final Session.Listener sessionListener = state -> {
        if (getSourceViewer() != null && getSourceViewer().getTextWidget() != null
                && !getSourceViewer().getTextWidget().isDisposed()) {
            markStep(state);
        }
    };
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
    protected void createActions() {
        super.createActions();
        Action assist = new Action("Content Assist") {
            @Override
            public void run() {
                ITextOperationTarget t = getAdapter(ITextOperationTarget.class);
                if (t != null && t.canDoOperation(ISourceViewer.CONTENTASSIST_PROPOSALS)) {
                    t.doOperation(ISourceViewer.CONTENTASSIST_PROPOSALS);
                }
            }
        };
        assist.setActionDefinitionId(ITextEditorActionDefinitionIds.CONTENT_ASSIST_PROPOSALS); // Ctrl+Space
        setAction(ITextEditorActionConstants.CONTENT_ASSIST, assist);
    }

    @Override
    public void createPartControl(Composite parent) {
        super.createPartControl(parent);
        listen();
        parseNow();
        Session.get().addListener(sessionListener);
        markStep(Session.get().state());
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

    /**
     * Replays the current text in the session (nothing runs when it has errors); returns the diagnostics. The text
     * is only read: whatever happens to the run, the editor keeps it, unsaved changes included.
     */
    public List<Diag> runInSession() {
        List<Diag> diags;
        try {
            diags = toDiags(Session.get().openScenario(fileName(), getText(), filePath()));
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            org.eclipse.core.runtime.ILog.of(MmsEditor.class).error("Run of " + fileName() + " failed", e);
            diags = List.of(new Diag(1, 1, "the run failed before it started: " + e + " (details in the Error Log)"));
        }
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

    /**
     * Selects line:column (1-based) and scrolls to it; column past the line's end selects the line's end.
     */
    public void revealLine(int line, int column) {
        IDocument doc = document();
        if (doc == null || line < 1 || line > doc.getNumberOfLines()) {
            return;
        }
        try {
            org.eclipse.jface.text.IRegion r = doc.getLineInformation(line - 1);
            int col = Math.min(Math.max(0, column - 1), r.getLength());
            selectAndReveal(r.getOffset() + col, 0);
        } catch (org.eclipse.jface.text.BadLocationException e) {
            // the document changed under us: nothing to show
        }
    }

    private IDocument document() {
        return getDocumentProvider() == null ? null : getDocumentProvider().getDocument(getEditorInput());
    }

    /** Marks the line the session executed last (its state is what the views show), or none for 0. */
    private void markStep(SessionState state) {
        IAnnotationModel model = annotationModel();
        IDocument doc = document();
        if (model == null || doc == null) {
            return;
        }
        if (stepMark != null) {
            model.removeAnnotation(stepMark);
            stepMark = null;
        }
        Session s = Session.get();
        if (ScenarioEditors.find(getSite().getPage()) != this || s.steps().isEmpty() || state.readOnly()
                || s.isRecording()) { // a recording's lines are not this scenario's
            return;
        }
        org.mmwb.ui.internal.session.StepRecord last = s.steps().get(s.steps().size() - 1);
        try {
            org.eclipse.jface.text.IRegion r = doc.getLineInformation(last.line() - 1);
            stepMark = new Annotation(STEP_ANNOTATION, false, "Step " + (last.index() + 1) + " of " + state.total()
                    + ": line " + last.line() + " " + last.opName() + " ran; the views show the state after it");
            model.addAnnotation(stepMark, new Position(r.getOffset(), r.getLength()));
            if (!state.busy()) {
                getSourceViewer().revealRange(r.getOffset(), r.getLength());
            }
        } catch (org.eclipse.jface.text.BadLocationException e) {
            stepMark = null;
        }
    }

    /** The current step's annotation (for tests), or null. */
    public Annotation stepAnnotation() {
        return stepMark;
    }

    private String fileName() {
        IEditorInput in = getEditorInput();
        return in == null ? "scenario.mms" : in.getName();
    }

    /** The file the editor shows, or null (not a local file). */
    public Path filePath() {
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
        Session.get().removeListener(sessionListener);
        if (listened != null) {
            listened.removeDocumentListener(listener);
            listened = null;
        }
        super.dispose();
    }
}
