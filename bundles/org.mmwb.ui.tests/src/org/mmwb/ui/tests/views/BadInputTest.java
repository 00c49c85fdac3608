package org.mmwb.ui.tests.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmwb.ui.internal.actions.SessionActions;
import org.mmwb.ui.internal.editor.Diag;
import org.mmwb.ui.internal.editor.MmsEditor;
import org.mmwb.ui.internal.session.Samples;
import org.mmwb.ui.internal.session.Session;
import org.mmwb.ui.internal.session.SessionState;
import org.mmwb.ui.tests.Screenshots;
import org.mmwb.ui.tests.badinput.BrokenHandlerContribution;

/**
 * Files from outside opened in the workbench (FIFOs, devices, directories, dangling links, recordings, cut or
 * mistyped sessions, files too large) and failed runs (a parse error, a contributed handler that throws), each
 * with an edited, unsaved scenario open: the status line says what is wrong in one sentence, no dialog opens, the
 * UI thread never waits on the file, and the editor keeps its text, still dirty.
 */
class BadInputTest {
    private static final String EDIT = "# an unsaved edit\nmunmap $a 4K\n";

    private Path tmp;
    private IWorkbenchPage page;
    private MmsEditor editor;
    private IDocument doc;
    private String edited;

    @BeforeEach
    void anEditedScenario() throws Exception {
        tmp = Files.createTempDirectory("mmwb-bad-input");
        page = Fixture.page();
        Path file = Files.writeString(tmp.resolve("edited.mms"), Files.readString(Samples.path(Samples.DEFAULT)));
        editor = (MmsEditor) SessionActions.openEditor(page.getWorkbenchWindow(), file);
        doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        doc.replace(doc.getLength(), 0, EDIT);
        edited = doc.get();
        Fixture.settle(100);
        assertTrue(editor.isDirty());
    }

    @AfterEach
    void close() {
        editor.doRevertToSaved();
        page.closeAllEditors(false);
    }

    private void editorKeptItsText(String after) {
        assertTrue(editor.isDirty(), "the editor is still dirty after " + after);
        assertEquals(edited, doc.get(), "the editor's text after " + after);
        Shell active = page.getWorkbenchWindow().getShell().getDisplay().getActiveShell();
        assertTrue(active == null || active == page.getWorkbenchWindow().getShell(),
            "no dialog is open after " + after + ": " + (active == null ? "" : active.getText()));
    }

    private Path sparse(String name, long size) throws Exception {
        Path f = tmp.resolve(name);
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
            r.setLength(size);
        }
        return f;
    }

    @Test
    void badFilesGiveAStatusLineAndTheEditedScenarioStays() throws Exception {
        Path fifo = tmp.resolve("fifo.mms");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "no mkfifo");
        String report = "{\n  \"profile\": \"x86_64-6.18\",\n  \"results\": [],\n  \"dumps\": [],\n  \"faults\": []\n}\n";
        String recording = "{\"mmwb_recording\":1,\"kernel\":\"6.18.44\",\"command\":[\"true\"]}\n"
            + "{\"t\":1,\"type\":\"exec\",\"pid\":\"ten\"}\n";
        Map<Path, String> cases = new LinkedHashMap<>();
        cases.put(fifo, "is a named pipe (FIFO), not a regular file");
        cases.put(Files.createSymbolicLink(tmp.resolve("zero.mms"), Path.of("/dev/zero")), "is a character device");
        cases.put(Files.createDirectory(tmp.resolve("dir.mms")), "is a directory, not a file");
        cases.put(Files.createSymbolicLink(tmp.resolve("dangling.mms"), tmp.resolve("gone.mms")),
            "a symbolic link to '" + tmp.resolve("gone.mms") + "', which does not exist");
        cases.put(sparse("huge.mms", 2L << 30), "the file is larger than");
        // recordings open whatever their name says; a malformed one says FILE:LINE as ./mmwb replay does
        cases.put(Files.writeString(tmp.resolve("rec.mms"), recording), "Cannot open rec.mms:2: ");
        cases.put(Files.writeString(tmp.resolve("rec.json"), recording), "Cannot open rec.json:2: ");
        cases.put(Files.writeString(tmp.resolve("cut.mmwb-rec"), recording.substring(0, recording.length() - 9)),
            "Cannot open cut.mmwb-rec:2: not JSON");
        cases.put(Files.createSymbolicLink(tmp.resolve("zero.mmwb-rec"), Path.of("/dev/zero")),
            "is a character device");
        cases.put(Files.writeString(tmp.resolve("cut.json"), report.substring(0, report.indexOf('[') + 1)),
            "Cannot import cut.json:3:");
        cases.put(Files.writeString(tmp.resolve("typed.json"), report.replace("\"results\": []",
            "\"results\": [{\"line\": 1e99, \"pid\": 1, \"op\": \"x\", \"result\": \"ok\"}]")),
            "results[0].line: expected a whole number that fits 64 bits");
        cases.put(sparse("huge.json", 3L << 40), "3072.0 GiB is more than mmwb reads with this Java heap");
        for (Map.Entry<Path, String> c : cases.entrySet()) {
            long t0 = System.nanoTime();
            Session.get().open(c.getKey());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            Fixture.await(); // recordings are read in a job
            Fixture.settle(50);
            SessionState s = Session.get().state();
            assertTrue(s.status().contains(c.getValue()), c.getKey() + ": " + s.status());
            assertFalse(s.status().contains("Exception"), s.status());
            assertTrue(ms < 5000, c.getKey() + " took " + ms + " ms on the UI thread");
            editorKeptItsText(c.getKey().getFileName().toString());
            if (c.getKey().getFileName().toString().equals("cut.json")) {
                Screenshots.take(page.getWorkbenchWindow().getShell(), "bad-input-cut-session");
            }
        }
        Screenshots.take(page.getWorkbenchWindow().getShell(), "bad-input-huge-session");
        // a good file still opens afterwards
        Session.get().open(Samples.path(Samples.DEFAULT));
        SessionState ok = Fixture.await();
        assertEquals(ok.total(), ok.position(), ok.status());
    }

    @Test
    void aFailedRunLeavesTheEditorDirtyWithItsText() throws Exception {
        // a parse error: nothing runs, the error is marked in the editor
        doc.replace(doc.getLength(), 0, "mprotect $a 4K rwz\n");
        edited = doc.get();
        List<Diag> d = editor.runInSession();
        assertEquals(1, d.size(), d.toString());
        Fixture.settle(100);
        assertTrue(Session.get().state().status().contains("nothing ran"), Session.get().state().status());
        editorKeptItsText("a run refused for a parse error");

        // a contributed .fault handler that throws: the run goes on (SIGBUS), the Error Log names the plugin
        try (BrokenHandlerContribution broken = new BrokenHandlerContribution()) {
            doc.set("kernel x86_64-6.18\n$b = iomap uitest_broken\ntouch $b 4K r\n# not saved\n");
            edited = doc.get();
            assertTrue(editor.runInSession().isEmpty(), "the scenario parses");
            SessionState s = Fixture.await();
            assertEquals(s.total(), s.position(), s.status());
            assertTrue(Session.get().steps().stream().anyMatch(st -> st.resultText().contains("SIGBUS")),
                "the touch of the broken mapping ends in SIGBUS: " + Session.get().steps());
            assertTrue(Session.get().loggedFailures().stream().anyMatch(m -> m.contains("the UI test's handler fails")),
                "the Error Log names the failing handler: " + Session.get().loggedFailures());
            Screenshots.take(page.getWorkbenchWindow().getShell(), "bad-input-broken-handler");
            editorKeptItsText("a run whose plugin handler threw");
        }
    }
}
