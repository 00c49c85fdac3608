package org.mmwb.ui.internal.editor;

import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.contentassist.ContentAssistant;
import org.eclipse.jface.text.contentassist.IContentAssistant;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.editors.text.TextSourceViewerConfiguration;
import org.mmwb.ui.internal.session.ScenarioLanguage;

/**
 * Source viewer configuration of the .mms editor: syntax colouring by {@link MmsScanner}, completion by
 * {@link MmsCompletionProcessor}, both from the installed operation table; everything else (annotation hovers,
 * hyperlinks, spelling off for code) from the text editor's defaults.
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
    public IContentAssistant getContentAssistant(ISourceViewer sourceViewer) {
        ContentAssistant ca = new ContentAssistant();
        ca.setContentAssistProcessor(new MmsCompletionProcessor(ScenarioLanguage.table()),
                IDocument.DEFAULT_CONTENT_TYPE);
        ca.setInformationControlCreator(getInformationControlCreator(sourceViewer)); // the help beside a proposal
        return ca;
    }

    @Override
    public int getTabWidth(ISourceViewer sourceViewer) {
        return 4;
    }
}
