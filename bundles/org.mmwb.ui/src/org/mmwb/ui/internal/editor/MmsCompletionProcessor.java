package org.mmwb.ui.internal.editor;

import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.mmwb.scenario.OperationTable;

/** Content assist (Ctrl+Space) of the .mms editor: the proposals of {@link MmsCompletions}, replacing the word typed. */
public final class MmsCompletionProcessor implements IContentAssistProcessor {

    private final MmsCompletions completions;

    public MmsCompletionProcessor(OperationTable table) {
        this.completions = new MmsCompletions(table);
    }

    @Override
    public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
        return proposals(viewer.getDocument(), offset);
    }

    /** The proposals at an offset of a document. */
    public ICompletionProposal[] proposals(IDocument doc, int offset) {
        String prefix;
        String before;
        try {
            IRegion line = doc.getLineInformationOfOffset(offset);
            prefix = doc.get(line.getOffset(), offset - line.getOffset());
            before = doc.get(0, line.getOffset());
        } catch (BadLocationException e) {
            return new ICompletionProposal[0];
        }
        int typed = MmsCompletions.typedWord(prefix).length();
        List<MmsCompletions.Proposal> ps = completions.at(prefix, before);
        ICompletionProposal[] out = new ICompletionProposal[ps.size()];
        for (int i = 0; i < out.length; i++) {
            MmsCompletions.Proposal p = ps.get(i);
            out[i] = new CompletionProposal(p.text(), offset - typed, typed, p.text().length(), null, p.display(),
                    null, p.info());
        }
        return out;
    }

    @Override
    public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
        return null;
    }

    @Override
    public char[] getCompletionProposalAutoActivationCharacters() {
        return null;
    }

    @Override
    public char[] getContextInformationAutoActivationCharacters() {
        return null;
    }

    @Override
    public String getErrorMessage() {
        return null;
    }

    @Override
    public IContextInformationValidator getContextInformationValidator() {
        return null;
    }
}
