package org.mmwb.ui.tests.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.Test;
import org.mmwb.ui.internal.actions.SessionActions;
import org.mmwb.ui.internal.editor.MmsDiagnostics;
import org.mmwb.ui.internal.editor.MmsEditor;
import org.mmwb.ui.internal.session.Samples;
import org.mmwb.ui.internal.session.Session;
import org.mmwb.ui.tests.Screenshots;

/** The .mms editor: registered for *.mms, parser errors appear as annotations while typing, Run replays the text. */
class EditorTest {

    private static int errors(MmsEditor e) {
        int n = 0;
        for (Iterator<Annotation> it = e.annotationModel().getAnnotationIterator(); it.hasNext();) {
            if (MmsDiagnostics.ERROR_TYPE.equals(it.next().getType())) {
                n++;
            }
        }
        return n;
    }

    @Test
    void typingShowsErrorsAndRunReplays() throws Exception {
        IWorkbenchPage page = Fixture.page();
        Path file = Files.createTempFile("edited", ".mms");
        Files.writeString(file, Files.readString(Samples.path(Samples.DEFAULT)));
        IEditorPart part = SessionActions.openEditor(page.getWorkbenchWindow(), file);
        assertTrue(part instanceof MmsEditor, "the .mms editor opens *.mms files: " + part);
        MmsEditor editor = (MmsEditor) part;
        Fixture.settle(500);
        assertEquals(0, errors(editor), "the sample parses");

        IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        doc.replace(doc.getLength(), 0, "mprotect $a 4K rwz\n");
        Fixture.settle(800); // debounce
        assertEquals(1, errors(editor), "the bad perms are marked while typing");
        editor.selectAndReveal(doc.getLength() - 5, 0);
        Fixture.settle(200);
        Screenshots.take(page.getWorkbenchWindow().getShell(), "editor-error");

        assertEquals(1, editor.runInSession().size(), "Run refuses a malformed scenario");
        doc.replace(doc.getLength() - "mprotect $a 4K rwz\n".length(), "mprotect $a 4K rwz\n".length(),
                "munmap $a 4K\n");
        Fixture.settle(800);
        assertEquals(0, errors(editor));
        assertTrue(editor.runInSession().isEmpty());
        var s = Fixture.await();
        assertEquals(s.total(), s.position());
        assertTrue(Session.get().text().endsWith("munmap $a 4K\n"), "the session runs the editor's text");
        assertTrue(s.process(1).vmas().stream().noneMatch(v -> v.start() == 0x100000000000L),
                "the last line unmapped the first page");
        editor.doRevertToSaved();
        page.closeAllEditors(false);
    }
}
