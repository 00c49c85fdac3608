package org.mmwb.ui.internal.editor;

import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.editors.text.TextSourceViewerConfiguration;

/**
 * Source viewer configuration of the .mms editor: syntax colouring by {@link MmsScanner}; everything else
 * (annotation hovers, hyperlinks, spelling off for code) from the text editor's defaults.
 */
public class MmsSourceViewerConfiguration extends TextSourceViewerConfiguration {

    /** With the editor's preference store (null outside a workbench: plain defaults). */
    public MmsSourceViewerConfiguration(IPreferenceStore store) {
        super(store);
    }

    @Override
    public IPresentationReconciler getPresentationReconciler(ISourceViewer sourceViewer) {
        return MmsPresentation.createReconciler();
    }

    @Override
    public int getTabWidth(ISourceViewer sourceViewer) {
        return 4;
    }
}
