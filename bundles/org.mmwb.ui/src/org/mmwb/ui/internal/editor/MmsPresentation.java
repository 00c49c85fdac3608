package org.mmwb.ui.internal.editor;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.mmwb.ui.internal.session.ScenarioLanguage;

/** The presentation reconciler that colours .mms text; JFace Text only, usable by any source viewer. */
public final class MmsPresentation {

    private MmsPresentation() {
    }

    /** A new reconciler over the default partition, driven by {@link MmsScanner} with the installed operations. */
    public static PresentationReconciler createReconciler() {
        PresentationReconciler r = new PresentationReconciler();
        DefaultDamagerRepairer dr = new DefaultDamagerRepairer(new MmsScanner(ScenarioLanguage.table()));
        r.setDamager(dr, IDocument.DEFAULT_CONTENT_TYPE);
        r.setRepairer(dr, IDocument.DEFAULT_CONTENT_TYPE);
        return r;
    }
}
