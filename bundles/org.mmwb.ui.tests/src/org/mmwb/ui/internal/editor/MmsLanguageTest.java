package org.mmwb.ui.internal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.ITextEditorActionConstants;
import org.junit.jupiter.api.Test;
import org.mmwb.scenario.OperationTable;
import org.mmwb.ui.internal.actions.SessionActions;

/**
 * The editor's colouring and completion come from the installed operation table: org.mmwb.iomap's {@code iomap}
 * (a plugin's operation, contributed through its plugin.xml) is coloured and proposed like {@code mmap}.
 */
class MmsLanguageTest {

    private static final OperationTable TABLE = OperationTable.installed();

    /**
     * Each token of the text with the colour the scanner gives it, first occurrence (null: not coloured; a word
     * no rule knows comes back a character at a time).
     */
    private static Map<String, Object> colours(String text) {
        MmsScanner s = new MmsScanner(TABLE);
        IDocument doc = new Document(text);
        s.setRange(doc, 0, doc.getLength());
        Map<String, Object> out = new LinkedHashMap<>();
        for (IToken t = s.nextToken(); !t.isEOF(); t = s.nextToken()) {
            if (!t.isWhitespace()) {
                out.putIfAbsent(text.substring(s.getTokenOffset(), s.getTokenOffset() + s.getTokenLength()),
                        t.getData());
            }
        }
        return out;
    }

    /** The proposals at the end of the text's last line, as their replacement texts. */
    private static List<String> proposals(String text) {
        ICompletionProposal[] ps = new MmsCompletionProcessor(TABLE).proposals(new Document(text), text.length());
        return Arrays.stream(ps).map(p -> {
            Document d = new Document(text);
            p.apply(d);
            String line = d.get().substring(d.get().lastIndexOf('\n') + 1);
            return line.substring(line.lastIndexOf(' ') + 1);
        }).toList();
    }

    @Test
    void aPluginsOperationIsColouredLikeABuiltIn() {
        Map<String, Object> c = colours("kernel x86_64-6.18\n$t = iomap mmwb_timer\nmadvise $t 4K dontneed # x\n"
                + "repeat $i 0 2 { touch $t+$i*4K 4K r }\nfrobnicate\n");
        assertEquals(MmsColors.OPERATION, c.get("iomap"));
        assertEquals(MmsColors.OPERATION, c.get("kernel"));
        assertEquals(MmsColors.OPERATION, c.get("madvise"));
        assertEquals(MmsColors.OPERATION, c.get("repeat"));
        assertEquals(MmsColors.PROFILE, c.get("x86_64-6.18"));
        assertEquals(MmsColors.FLAG, c.get("dontneed"));
        assertEquals(MmsColors.FLAG, c.get("r"));
        assertEquals(MmsColors.COMMENT, c.get("# x\n"), "a comment runs to the end of its line");
        assertNull(c.get("f"), "frobnicate is not a word of the language: uncoloured, character by character");
    }

    @Test
    void completionProposesOperationsIncludingAPluginsAtTheStartOfALine() {
        List<String> all = proposals("");
        assertEquals(TABLE.names().size() + 1, all.size(), all.toString());
        assertTrue(all.containsAll(List.of("kernel", "mmap", "dump", "iomap", "repeat")), all.toString());
        assertEquals(List.of("iomap"), proposals("dump\n$t = io"));
        assertEquals(List.of("mmap", "munmap", "mprotect", "mlock", "munlock", "mseal", "mlockall", "munlockall",
                "mremap", "madvise"), proposals("m"));
        assertEquals(List.of("munmap", "munlock", "munlockall"), proposals("repeat $i 0 4 { mun"));
        assertEquals(List.of(), proposals("# mm"), "not in a comment");
    }

    @Test
    void completionProposesBindingsAndTheProfilesMappingsWhereAnAddressGoes() {
        String text = "$a = mmap 0 4K rw-\n$p = fork\nrepeat $i 0 4 { touch $a+$i*4K 4K w }\n";
        List<String> at = proposals(text + "munmap ");
        assertTrue(at.containsAll(List.of("$a", "$p", "$i", "[vvar]", "[vdso]", "[stack]", "[heap]")), at.toString());
        assertEquals(List.of("$a"), proposals(text + "munmap $a"), "only those starting with what is typed");
        assertEquals(List.of("[vdso]"), proposals(text + "touch [vd"));
        assertEquals(List.of(), proposals(text + "munmap $a "), "LEN is a size: no bindings there");
        List<String> old = proposals("kernel x86_64-3.19\nmunmap [");
        assertTrue(old.contains("[vdso]") && !old.contains("[vvar_vclock]"), "the kernel line's profile: " + old);
        assertEquals(List.of("$a", "$p", "$i"), proposals(text + "switch "), "a pid: bindings, no mappings");
    }

    @Test
    void completionProposesAnOperationsWordsAndFlags() {
        assertEquals(List.of("dontneed", "dontfork"), proposals("madvise $a 4K do").subList(0, 2));
        assertEquals(List.of("r", "w", "x"), proposals("touch $a 4K "));
        assertTrue(proposals("kernel ").containsAll(List.of("x86_64-6.18", "x86_64-3.19")));
        assertEquals(List.of("levels=4", "levels=5", "ram="), proposals("kernel x86_64-6.18 "));
        List<String> flags = proposals("$a = mmap 0 4K rw- shared ");
        assertTrue(flags.containsAll(List.of("private", "file=", "fixed", "locked")), flags.toString());
        assertTrue(!flags.contains("shared"), "a flag already given: " + flags);
        assertEquals(List.of(), proposals("mmap 0 "), "LEN is a number: nothing to propose, no flags yet");
        assertEquals(List.of(), proposals("frobnicate "));
    }

    @Test
    void theEditorCompletesWithTheInstalledTable() throws Exception {
        var assistant = new MmsSourceViewerConfiguration(null).getContentAssistant(null);
        assertInstanceOf(MmsCompletionProcessor.class, assistant.getContentAssistProcessor(
                IDocument.DEFAULT_CONTENT_TYPE));
        Path file = Files.createTempFile("assist", ".mms");
        Files.writeString(file, "mm");
        IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        MmsEditor editor = assertInstanceOf(MmsEditor.class, SessionActions.openEditor(w, file));
        try {
            assertNotNull(editor.getAction(ITextEditorActionConstants.CONTENT_ASSIST), "Ctrl+Space");
            assertTrue(editor.getAdapter(ITextOperationTarget.class)
                    .canDoOperation(ISourceViewer.CONTENTASSIST_PROPOSALS), "a content assistant is installed");
        } finally {
            w.getActivePage().closeAllEditors(false);
            Files.delete(file);
        }
    }
}
