package org.mmwb.ui.tests.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.text.Position;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.Test;
import org.mmwb.scenario.Diagnostic;
import org.mmwb.ui.internal.ViewIds;
import org.mmwb.ui.internal.actions.SessionActions;
import org.mmwb.ui.internal.editor.MmsEditor;
import org.mmwb.ui.internal.session.Samples;
import org.mmwb.ui.internal.session.Session;
import org.mmwb.ui.internal.session.StepChange;
import org.mmwb.ui.internal.session.StepRecord;
import org.mmwb.ui.internal.views.FaultLogView;
import org.mmwb.ui.internal.views.ResultRows;
import org.mmwb.ui.internal.views.ResultsView;
import org.mmwb.ui.internal.widgets.faultlog.FaultRef;
import org.mmwb.ui.tests.Screenshots;

/** Results: each executed line with its result and what it changed, parse errors, the editor's step mark. */
class ResultsViewTest {

    private static StepRecord stepAtLine(ResultsView v, int line) {
        return v.rows().steps().stream().filter(s -> s.line() == line).findFirst().orElseThrow();
    }

    private static List<StepChange> changes(StepRecord s, StepChange.Kind kind) {
        return s.changes().stream().filter(c -> c.kind() == kind).toList();
    }

    @Test
    void everyLineWithItsResultAndWhatItChanged() throws Exception {
        IWorkbenchPage page = Fixture.page();
        ResultsView v = Fixture.show(page, ViewIds.RESULTS);
        Fixture.openSample(Samples.DEFAULT);
        assertEquals(14, v.rows().steps().size(), "every executed line");

        StepRecord reads = stepAtLine(v, 5); // touch $a 8K r: two zero-page PTEs
        assertEquals("touch", v.text(reads, 3));
        assertEquals("1", v.text(reads, 2));
        assertEquals(2, changes(reads, StepChange.Kind.PTE_INSTALLED).size());
        assertTrue(v.childrenOfStep(reads).stream().anyMatch(c -> c instanceof ResultRows.Child ch
                && ch.item() instanceof ResultRows.Pages), "per-page results of a touch");

        StepRecord writes = stepAtLine(v, 6); // page 1 replaces the zero page, page 2 is new
        assertTrue(v.text(writes, 5).contains("1 PTE installed, 1 changed"), v.text(writes, 5));
        assertTrue(changes(writes, StepChange.Kind.PTE_CHANGED).get(0).text().contains("+RW"));

        StepRecord split = stepAtLine(v, 7);
        assertTrue(changes(split, StepChange.Kind.VMA).get(0).text().startsWith("split 0x100000000000-0x100000004000"),
                split.changes().toString());

        StepRecord segv = stepAtLine(v, 8);
        assertEquals("SIGSEGV(ACCERR)", v.text(segv, 4));
        assertEquals(1, segv.faults());

        StepRecord fork = stepAtLine(v, 12);
        assertTrue(changes(fork, StepChange.Kind.TASK).get(0).text().startsWith("pid 2 created"));

        // a fault under a step is selected in the Fault Log
        FaultLogView log = Fixture.show(page, ViewIds.FAULT_LOG);
        page.activate(v);
        ResultRows.Child fault = (ResultRows.Child) v.childrenOfStep(segv).stream()
                .filter(c -> c instanceof ResultRows.Child ch && ch.item() instanceof FaultRef).findFirst()
                .orElseThrow();
        assertTrue(v.select(fault));
        Fixture.settle(400);
        FaultRef selected = log.getTable().getSelectedFault();
        assertNotNull(selected, "the Fault Log follows a fault selected in Results");
        assertEquals(((FaultRef) fault.item()).seq(), selected.seq());
        page.activate(v);
        assertTrue(v.select(split));
        v.open(split);
        Fixture.settle(300);
        Screenshots.take(page.getWorkbenchWindow().getShell(), "results-default");
    }

    @Test
    void whyAnAdjacentVmaWasNotMerged() throws Exception {
        ResultsView v = Fixture.fresh(ViewIds.RESULTS);
        Fixture.openText("nomerge.mms", "kernel x86_64-6.18\n$a = mmap 0x100000000000 4K rw- fixed\n"
                + "$b = mmap 0x100000001000 4K rw- fixed noreserve\n");
        StepRecord b = stepAtLine(v, 3);
        List<StepChange> why = changes(b, StepChange.Kind.NO_MERGE);
        assertEquals(1, why.size(), b.changes().toString());
        assertTrue(why.get(0).text().contains("VM_ACCOUNT"), why.get(0).text());
    }

    @Test
    void aMalformedFileListsItsProblemsAndLinksToTheLine() throws Exception {
        IWorkbenchPage page = Fixture.page();
        ResultsView v = Fixture.show(page, ViewIds.RESULTS);
        Path file = Files.createTempFile("broken", ".mms");
        Files.writeString(file, "kernel x86_64-6.18\nmmap 0x1000 4K rw- fixed\nfrobnicate 12\n");
        Session.get().open(file);
        Fixture.settle(200);
        List<?> top = v.rows().top();
        assertTrue(!top.isEmpty() && top.get(0) instanceof Diagnostic, "problems listed: " + top);
        Diagnostic d = (Diagnostic) top.get(0);
        assertEquals(3, d.line());
        assertEquals("error", v.text(d, 0));
        // selecting the problem opens the editor at its line (double-click does; the context action too)
        assertTrue(v.select(d));
        org.mmwb.ui.internal.editor.ScenarioEditors.reveal(page.getWorkbenchWindow(), d.line(), d.column(), true);
        Fixture.settle(300);
        IEditorPart e = page.getActiveEditor();
        assertTrue(e instanceof MmsEditor, "editor opened: " + e);
        int caret = ((org.eclipse.jface.text.ITextSelection) ((MmsEditor) e).getSelectionProvider().getSelection())
                .getStartLine();
        assertEquals(2, caret, "0-based line of the problem");
        Screenshots.take(page.getWorkbenchWindow().getShell(), "results-malformed");

        // binary junk gets FILE:LINE:COL like on the command line, not a decoder's message
        Path junk = Files.createTempFile("junk", ".mms");
        Files.write(junk, new byte[] {'m', 'm', 0, 1, 2, (byte) 0xff});
        Session.get().open(junk);
        Fixture.settle(100);
        assertTrue(Session.get().state().status().contains(":1:3: NUL byte (binary data?)"),
                Session.get().state().status());
        page.closeAllEditors(false);
    }

    @Test
    void theEditorMarksTheLineOfTheCurrentStep() throws Exception {
        IWorkbenchPage page = Fixture.page();
        Path file = Files.createTempFile("steps", ".mms");
        Files.writeString(file, Files.readString(Samples.path(Samples.DEFAULT)));
        IEditorPart part = SessionActions.openEditor(page.getWorkbenchWindow(), file);
        MmsEditor editor = (MmsEditor) part;
        Session.get().open(file);
        Fixture.await();
        Session.get().reset();
        Fixture.await();
        Session.get().step();
        Session.get().step(); // pressed while the first step is read: it runs next
        Fixture.await();
        assertNotNull(editor.stepAnnotation(), "the current step is marked");
        Position pos = editor.annotationModel().getPosition(editor.stepAnnotation());
        org.eclipse.jface.text.IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        assertEquals(4, doc.getLineOfOffset(pos.getOffset()) + 1, "step 2 is line 4 (file f is line 3)");
        Screenshots.take(page.getWorkbenchWindow().getShell(), "editor-step-mark");
        page.closeAllEditors(false);
    }

    @Test
    void twentyThousandStepsCostOnlyTheRowsOnScreen() throws Exception {
        ResultsView v = Fixture.fresh(ViewIds.RESULTS);
        Fixture.openText("steps-20k.mms", "kernel x86_64-6.18\n$a = mmap 0x200000000000 160M rw- fixed\n"
                + "repeat $i 0 20000 { mprotect $a+$i*8K 4K r-- }\ntouch $a 64K w\n");
        int steps = v.rows().steps().size();
        assertEquals(20_002, steps);
        assertEquals(steps, v.getTable().rowCount());
        assertTrue(v.getTable().getTable().getItemCount() < 200, v.getTable().getTable().getItemCount() + " items");
        StepRecord last = v.rows().steps().get(steps - 1);
        assertEquals(last, v.getTable().selection(), "the step just run is selected");
        assertTrue(v.getTable().topRow() > steps - 200, "and in view: top row " + v.getTable().topRow());
        assertEquals("touch", v.text(last, 3));
        // its 16 faults and per-page results open below it
        v.open(last);
        assertTrue(v.getTable().rowCount() > steps + 16, v.getTable().rowCount() + " rows");
        // an early step of a long run: faults counted, changes not recorded
        StepRecord early = v.rows().steps().get(5);
        assertTrue(v.text(early, 5).contains("not recorded"), v.text(early, 5));
    }
}
