package org.mmwb.ui.tests.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.Test;
import org.mmwb.ui.internal.ViewIds;
import org.mmwb.ui.internal.actions.HelpDialog;
import org.mmwb.ui.internal.prefs.Prefs;
import org.mmwb.ui.internal.session.PageInspector;
import org.mmwb.ui.internal.session.Samples;
import org.mmwb.ui.internal.session.Session;
import org.mmwb.ui.internal.session.SessionState;
import org.mmwb.ui.internal.views.FaultLogView;
import org.mmwb.ui.internal.views.PageTablesView;
import org.mmwb.ui.tests.Screenshots;

/** The page inspector (crash vtop / kmem -p), the Fault Log's typed VMA filter, the fault-log limit, Help. */
class InspectorTest {

    @Test
    void vtopDescribesEveryKindOfAddress() throws Exception {
        SessionState s = Fixture.openSample(Samples.DEFAULT);
        var k = s.kernel();
        var parent = s.task(1);
        String bad = PageInspector.report(k, parent, 0x800000000000L);
        assertTrue(bad.contains("non-canonical address"), bad);
        assertTrue(!bad.contains("PGD "), "no walk of a non-canonical address: " + bad);

        String unfaulted = PageInspector.report(k, parent, 0x100000003000L); // rw-p, never touched
        assertTrue(unfaulted.contains("VMA   0x100000003000-0x100000004000 rw-p"), unfaulted);
        assertTrue(unfaulted.contains("not faulted in yet (pte_none)"), unfaulted);
        assertTrue(unfaulted.contains("do_anonymous_page"), unfaulted);

        String none = PageInspector.report(k, parent, 0x200000000000L);
        assertTrue(none.contains("no VMA: find_vma gives the next one at 0x7ffff7ff7000"), none);
        assertTrue(none.contains("SIGSEGV (SEGV_MAPERR)"), none);

        String mapped = PageInspector.report(k, parent, 0x100000001000L); // written: an anonymous page
        assertTrue(mapped.matches("(?s).*PGD  0x[0-9a-f]+ +32  0x[0-9a-f]{16}  P RW US .*"), mapped);
        assertTrue(mapped.contains("PAGE  pfn 0x"), mapped);
        assertTrue(mapped.contains(": anon, refcount 1, mapcount 1"), mapped);
        // fork shared it with pid 2 (which has exited since): PageAnonExclusive stays clear until a write reuses it
        assertTrue(!mapped.contains("PG_anon_exclusive"), mapped);
        assertTrue(mapped.contains("mapping anon_vma"), mapped);
        assertTrue(mapped.contains("pid 1  0x100000001000"), mapped);
    }

    /** After fork, before the child writes, both processes map the frame read-only. */
    @Test
    void vtopListsEveryProcessMappingACowPage() throws Exception {
        SessionState s = Fixture.openText("cow.mms", "kernel x86_64-6.18\n$a = mmap 0x100000000000 4K rw- fixed\n"
                + "touch $a 4K w\n$c = fork\n");
        String r = PageInspector.report(s.kernel(), s.task(1), 0x100000000000L);
        assertTrue(r.contains("mapcount 2"), r);
        assertTrue(r.contains("pid 1  0x100000000000") && r.contains("pid 2  0x100000000000"), r);
        assertTrue(r.contains("read-only: a write copies it"), r);
        assertTrue(!r.contains("PG_anon_exclusive"), r);
        SessionState before = Fixture.openText("cow.mms", "kernel x86_64-6.18\n"
                + "$a = mmap 0x100000000000 4K rw- fixed\ntouch $a 4K w\n");
        String own = PageInspector.report(before.kernel(), before.task(1), 0x100000000000L);
        assertTrue(own.contains("PG_anon_exclusive") && own.contains("mapcount 1"), own);

        Fixture.openText("cow.mms", "kernel x86_64-6.18\n$a = mmap 0x100000000000 4K rw- fixed\n"
                + "touch $a 4K w\n$c = fork\n");
        PageTablesView tables = Fixture.fresh(ViewIds.PAGE_TABLES);
        tables.goToAddress(1, 0x100000000000L);
        Fixture.settle(200);
        assertTrue(tables.getTree().details().contains("mapcount 2"), tables.getTree().details());
        Fixture.shot("page-inspector-cow");
    }

    /** The VMA filter reads a name as the Address Space filter does, as you type (no Enter). */
    @Test
    void faultLogFiltersByVmaNameAsYouType() throws Exception {
        FaultLogView faults = Fixture.fresh(ViewIds.FAULT_LOG);
        SessionState s = Fixture.openSample(Samples.DEFAULT);
        long all = s.faultLog().size();
        faults.getTable().vmaField().setText("memfd");
        Fixture.settle(500);
        assertEquals(1, faults.getTable().rowCount(), "the one fault in /memfd:f");
        assertEquals("memfd", faults.getTable().vmaField().getText(), "the typed text stays");
        faults.getTable().vmaField().setText("rw-");
        Fixture.settle(500);
        assertTrue(faults.getTable().rowCount() > 1 && faults.getTable().rowCount() < all,
                faults.getTable().rowCount() + " of " + all);
        Fixture.shot("fault-log-filter-typed");
        faults.getTable().vmaField().setText("");
        Fixture.settle(500);
        assertEquals(all, faults.getTable().rowCount());
    }

    /** The fault log limit of the preferences is what the run keeps. */
    @Test
    void theFaultLogLimitIsHonoured() throws Exception {
        var node = InstanceScope.INSTANCE.getNode(Prefs.NODE);
        node.putLong(Prefs.FAULT_LOG_LIMIT, 1000);
        try {
            SessionState s = Fixture.openText("limit.mms", "kernel x86_64-6.18\n"
                    + "$a = mmap 0x100000000000 8M rw- fixed\ntouch $a 8M w\n");
            assertEquals(1000, s.faultLog().size());
            assertEquals(2048, s.faultLog().nextSeq());
        } finally {
            node.remove(Prefs.FAULT_LOG_LIMIT);
        }
        assertEquals(2048, Fixture.openText("limit.mms", "kernel x86_64-6.18\n"
                + "$a = mmap 0x100000000000 8M rw- fixed\ntouch $a 8M w\n").faultLog().size());
    }

    @Test
    void helpContentsHoldTheTourTheLanguageAndEachView() throws Exception {
        List<String> titles = HelpDialog.topics().stream().map(HelpDialog.Topic::title).toList();
        for (String t : List.of("Tour of mmwb", "The scenario language (.mms)", "Results view", "Address Space view",
                "Page Tables view and the page inspector", "Fault Log view", "Address Map view",
                "Special Mappings view", "Out of memory and transparent hugepages")) {
            assertTrue(titles.contains(t), "topic " + t + " in " + titles);
        }
        for (HelpDialog.Topic t : HelpDialog.topics()) {
            assertTrue(!HelpDialog.text(t.resource()).contains("is missing from this installation"), t.resource());
        }
        // the bundle's copy of the scenario language is the repository's docs/scenarios.md
        String repo = System.getProperty("mmwb.repo");
        assertTrue(repo != null, "the build passes -Dmmwb.repo (bundles/org.mmwb.ui.tests/pom.xml)");
        Path doc = Path.of(repo, "docs", "scenarios.md");
        assertTrue(Files.exists(doc), doc.toString());
        assertEquals(Files.readString(doc), HelpDialog.text("help/scenarios.md"),
                "help/scenarios.md of org.mmwb.ui is a copy of docs/scenarios.md: copy it again");
        HelpDialog d = new HelpDialog(Fixture.window().getShell(), HelpDialog.TOUR);
        d.setBlockOnOpen(false);
        d.open();
        Fixture.settle(200);
        assertTrue(d.pageText().startsWith("A short tour of mmwb"));
        Screenshots.take(d.getShell(), "help-contents");
        d.close();
        Session.get().cancel();
    }
}
