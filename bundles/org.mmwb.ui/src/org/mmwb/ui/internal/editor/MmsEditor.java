package org.mmwb.ui.internal.editor;

import java.util.List;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.ui.editors.text.TextEditor;

/**
 * The scenario (.mms) editor: a text editor with .mms syntax colouring, ready to show the scenario parser's
 * diagnostics as error annotations ({@link #showDiagnostics(List)}).
 */
public class MmsEditor extends TextEditor {

    /** Editor id (plugin.xml). */
    public static final String ID = "org.mmwb.ui.editors.mms";

    private final MmsDiagnostics diagnostics = new MmsDiagnostics();

    @Override
    protected void initializeEditor() {
        super.initializeEditor();
        setSourceViewerConfiguration(new MmsSourceViewerConfiguration(getPreferenceStore()));
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

    /** The current text of the editor (what Run would parse), or "" without input. */
    public String getText() {
        IDocument doc = getDocumentProvider() == null ? null : getDocumentProvider().getDocument(getEditorInput());
        return doc == null ? "" : doc.get();
    }
}
