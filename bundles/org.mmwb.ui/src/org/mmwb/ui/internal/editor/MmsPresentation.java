package org.mmwb.ui.internal.editor;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;

/** The presentation reconciler that colours .mms text; JFace Text only, usable by any source viewer. */
public final class MmsPresentation {

    private MmsPresentation() {
    }

    /** A new reconciler over the default partition, driven by {@link MmsScanner}. */
    public static PresentationReconciler createReconciler() {
        PresentationReconciler r = new PresentationReconciler();
        DefaultDamagerRepairer dr = new DefaultDamagerRepairer(new MmsScanner());
        r.setDamager(dr, IDocument.DEFAULT_CONTENT_TYPE);
        r.setRepairer(dr, IDocument.DEFAULT_CONTENT_TYPE);
        return r;
    }
}
