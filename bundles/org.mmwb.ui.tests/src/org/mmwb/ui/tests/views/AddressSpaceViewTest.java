package org.mmwb.ui.tests.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.Test;
import org.mmwb.ui.internal.ViewIds;
import org.mmwb.ui.internal.session.ProcessInfo;
import org.mmwb.ui.internal.session.Samples;
import org.mmwb.ui.internal.session.SessionState;
import org.mmwb.ui.internal.session.VmaRow;
import org.mmwb.ui.internal.views.AddressSpaceView;
import org.mmwb.ui.internal.widgets.rows.TreeTable;
import org.mmwb.ui.tests.Screenshots;

/** Address Space: processes and VMAs after the default sample, and the pwndbg-style filter. */
class AddressSpaceViewTest {

    @Test
    void showsVmasAndFilters() throws Exception {
        IWorkbenchPage page = Fixture.page();
        AddressSpaceView view = Fixture.show(page, ViewIds.ADDRESS_SPACE);
        int pid1Vmas = Fixture.openSample(Samples.DEFAULT).process(1).vmas().size();

        TreeTable t = view.getTable();
        assertEquals("pid 1", t.text(0, 0).strip().substring(2), "pid 1 first, open");
        assertTrue(t.row(0).open());
        assertTrue(t.row(pid1Vmas + 1).element() instanceof ProcessInfo p && !p.alive(), "then the exited child");
        assertEquals("0x100000000000", t.text(1, 0).strip());
        assertEquals("0x100000002000", t.text(1, 1));
        assertEquals("8 KiB", t.text(1, 2));
        assertEquals("rw-p", t.text(1, 3));
        assertEquals("rd wr mr mw me ac", t.text(1, 8));
        assertEquals("4 KiB", t.text(1, 5), "RSS: one anon page, the zero page does not count");
        int vdso = find(t, "[vdso]");
        assertEquals("r-xp", t.text(vdso, 3));
        assertTrue(!t.text(vdso, 9).isEmpty(), "the provider column names the contributor");
        Screenshots.take(page.getWorkbenchWindow().getShell(), "address-space");

        view.getFilterText().setText("0x100000002800");
        List<VmaRow> hit = view.visibleVmas();
        assertEquals(1, hit.size());
        assertEquals(0x100000002000L, hit.get(0).start());

        view.getFilterText().setText("r-x");
        assertEquals(List.of("[vdso]"), view.visibleVmas().stream().map(VmaRow::name).toList());

        view.getFilterText().setText("VVAR");
        assertEquals(List.of("[vvar]", "[vvar_vclock]"), view.visibleVmas().stream().map(VmaRow::name).toList());

        view.getFilterText().setText("memfd");
        assertEquals(1, view.visibleVmas().size());
        Fixture.settle(100);
        Screenshots.take(page.getWorkbenchWindow().getShell(), "address-space-filter-memfd");
        view.getFilterText().setText("");
        assertTrue(view.visibleVmas().size() >= 9);
    }

    private static int find(TreeTable t, String name) {
        for (int r = 0; r < t.rowCount(); r++) {
            if (t.text(r, 4).equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no row named " + name);
    }

    @Test
    void aProcessOfTwentyThousandVmasCostsOnlyTheRowsOnScreen() throws Exception {
        AddressSpaceView view = Fixture.fresh(ViewIds.ADDRESS_SPACE);
        SessionState s = Fixture.openText("vma-20k.mms", "kernel x86_64-6.18\n$a = mmap 0x200000000000 80M rw- fixed\n"
                + "repeat $i 0 10000 { mprotect $a+$i*8K 4K r-- }\n");
        int vmas = s.process(1).vmas().size();
        assertTrue(vmas > 20_000, vmas + " VMAs");
        TreeTable t = view.getTable();
        assertEquals(1 + vmas, t.rowCount(), "the process and its VMAs");
        assertTrue(t.getTable().getItemCount() < 200, t.getTable().getItemCount() + " table items");
        // a linked selection deep down scrolls it into view
        long addr = 0x200000000000L + 9_999 * 8192L;
        VmaRow v = view.selectVma(1, addr);
        assertEquals(addr, v.start());
        assertEquals("r--p", v.perms());
        assertTrue(t.topRow() > 19_000, "scrolled to row " + t.topRow());
        assertEquals(v, view.selectedVma());
        view.getFilterText().setText("r--");
        List<VmaRow> ro = view.visibleVmas();
        assertEquals(10_000, ro.stream().filter(r -> r.name().isEmpty()).count(), "the mprotected pages");
        assertTrue(ro.stream().allMatch(r -> r.perms().startsWith("r--")));
        assertEquals(1 + ro.size(), t.rowCount());
        view.getFilterText().setText("");
    }
}
