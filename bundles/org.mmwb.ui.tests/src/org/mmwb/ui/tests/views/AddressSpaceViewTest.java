package org.mmwb.ui.tests.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.Test;
import org.mmwb.ui.internal.ViewIds;
import org.mmwb.ui.internal.session.Samples;
import org.mmwb.ui.internal.session.VmaRow;
import org.mmwb.ui.internal.views.AddressSpaceView;
import org.mmwb.ui.tests.Screenshots;

/** Address Space: processes and VMAs after the default sample, and the pwndbg-style filter. */
class AddressSpaceViewTest {

    @Test
    void showsVmasAndFilters() throws Exception {
        IWorkbenchPage page = Fixture.page();
        AddressSpaceView view = Fixture.show(page, ViewIds.ADDRESS_SPACE);
        Fixture.openSample(Samples.DEFAULT);

        TreeItem[] processes = view.getViewer().getTree().getItems();
        assertTrue(processes.length >= 2, "pid 1 and the exited child");
        assertEquals("pid 1", processes[0].getText(0));
        TreeItem first = processes[0].getItem(0);
        assertEquals("0x100000000000", first.getText(0));
        assertEquals("0x100000002000", first.getText(1));
        assertEquals("8 KiB", first.getText(2));
        assertEquals("rw-p", first.getText(3));
        assertEquals("rd wr mr mw me ac", first.getText(8));
        assertEquals("4 KiB", first.getText(5), "RSS: one anon page, the zero page does not count");
        TreeItem vdso = find(processes[0], "[vdso]");
        assertEquals("r-xp", vdso.getText(3));
        assertTrue(!vdso.getText(9).isEmpty(), "the provider column names the contributor");
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

    private static TreeItem find(TreeItem parent, String name) {
        for (TreeItem i : parent.getItems()) {
            if (i.getText(4).equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no row named " + name);
    }
}
