package org.mmwb.ui.internal.editor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;

/**
 * Turns parser diagnostics into error annotations of an annotation model, replacing the ones it added before.
 * UI-free apart from JFace Text, so it works for the editor and for any source viewer.
 */
public final class MmsDiagnostics {

    /** Annotation type of errors in the text editors (squiggle, ruler icon, overview ruler). */
    public static final String ERROR_TYPE = "org.eclipse.ui.workbench.texteditor.error";

    private Annotation[] current = new Annotation[0];

    /**
     * Replace the diagnostics shown in {@code model} over {@code doc}. A diagnostic marks the word at its column
     * (or the rest of the line, or one character); lines or columns outside the document are clamped, never thrown.
     */
    public void show(IDocument doc, IAnnotationModel model, List<Diag> diags) {
        Map<Annotation, Position> add = new HashMap<>();
        for (Diag d : diags) {
            add.put(new Annotation(ERROR_TYPE, false, d.line() + ":" + d.col() + ": " + d.message()),
                    position(doc, d));
        }
        if (model instanceof IAnnotationModelExtension ext) {
            ext.replaceAnnotations(current, add);
        } else {
            for (Annotation a : current) {
                model.removeAnnotation(a);
            }
            add.forEach(model::addAnnotation);
        }
        current = add.keySet().toArray(Annotation[]::new);
    }

    /** The document range a diagnostic marks. */
    static Position position(IDocument doc, Diag d) {
        try {
            int lines = doc.getNumberOfLines();
            int line = Math.max(0, Math.min(lines - 1, d.line() - 1));
            IRegion r = doc.getLineInformation(line);
            int col = Math.max(0, Math.min(r.getLength(), d.col() - 1));
            int start = r.getOffset() + col;
            int end = start;
            while (end < r.getOffset() + r.getLength() && !Character.isWhitespace(doc.getChar(end))) {
                end++;
            }
            if (end == start) {
                end = Math.min(doc.getLength(), start + 1);
                if (end == start && start > r.getOffset()) {
                    start--; // at the end of a line: mark its last character
                }
            }
            return new Position(start, Math.max(0, end - start));
        } catch (BadLocationException e) {
            return new Position(0, 0);
        }
    }
}
