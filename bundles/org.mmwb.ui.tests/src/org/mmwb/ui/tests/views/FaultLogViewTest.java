package org.mmwb.ui.tests.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.Test;
import org.mmwb.core.mm.ReadOnlyFaultLog;
import org.mmwb.ui.internal.ViewIds;
import org.mmwb.ui.internal.session.PteItem;
import org.mmwb.ui.internal.session.Samples;
import org.mmwb.ui.internal.session.SessionState;
import org.mmwb.ui.internal.session.VmaRow;
import org.mmwb.ui.internal.views.AddressMapView;
import org.mmwb.ui.internal.views.AddressSpaceView;
import org.mmwb.ui.internal.views.FaultLogView;
import org.mmwb.ui.internal.views.PageTablesView;
import org.mmwb.ui.internal.widgets.faultlog.FaultFilter;
import org.mmwb.ui.tests.Screenshots;

/** Fault Log: selecting a fault selects its VMA and walks its PTE; a log of a million faults stays usable. */
class FaultLogViewTest {

    @Test
    void selectingAFaultSelectsItsVmaAndPte() throws Exception {
        IWorkbenchPage page = Fixture.page();
        AddressSpaceView space = Fixture.show(page, ViewIds.ADDRESS_SPACE);
        PageTablesView tables = Fixture.show(page, ViewIds.PAGE_TABLES);
        FaultLogView faults = Fixture.show(page, ViewIds.FAULT_LOG);
        SessionState s = Fixture.openSample(Samples.DEFAULT);

        // the write fault of pid 1 on page 1 of $a (touch $a+4K 8K w)
        ReadOnlyFaultLog log = s.faultLog();
        long seq = -1;
        for (long i = log.firstSeq(); i < log.nextSeq(); i++) {
            if (log.pid(i) == 1 && (log.address(i) & ~0xfffL) == 0x100000001000L
                    && (log.access(i) & ReadOnlyFaultLog.ACCESS_WRITE) != 0) {
                seq = i;
                break;
            }
        }
        assertTrue(seq >= 0, "the sample writes page 1 of $a");
        page.activate(faults);
        assertTrue(faults.getTable().selectFault(seq, true));
        Fixture.settle(300);

        Object vma = space.selectedVma();
        assertTrue(vma instanceof VmaRow, "Address Space selected a VMA: " + vma);
        assertEquals(0x100000000000L, ((VmaRow) vma).start());
        assertEquals(1, ((VmaRow) vma).pid());

        IStructuredSelection pt = (IStructuredSelection) tables.getSite().getSelectionProvider().getSelection();
        assertTrue(pt.getFirstElement() instanceof PteItem, "Page Tables selected the PTE: " + pt);
        PteItem pte = (PteItem) pt.getFirstElement();
        assertEquals("PTE", pte.level());
        assertEquals(0x100000001000L, pte.entry().va());
        assertEquals(log.pfn(seq), pte.pfn(), "the PTE maps the frame the fault logged");
        Screenshots.take(page.getWorkbenchWindow().getShell(), "fault-log-linked");

        page.showView(ViewIds.ADDRESS_MAP);
        AddressMapView map = (AddressMapView) page.findView(ViewIds.ADDRESS_MAP);
        page.activate(faults);
        faults.getTable().selectFault(seq, true);
        Fixture.settle(300);
        assertNotNull(map.getCanvas().getSelection());
        assertEquals(0x100000000000L, map.getCanvas().getSelection().start());
    }

    @Test
    void aMillionFaults() throws Exception {
        FaultLogView faults = Fixture.fresh(ViewIds.FAULT_LOG);
        long t0 = System.nanoTime();
        SessionState s = Fixture.openText("million.mms", Fixture.MILLION);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals((4L << 30 >>> 12) + 16, s.faultLog().size(), "one fault per touched page");
        assertEquals(s.faultLog().size(), faults.getTable().rowCount());
        faults.getTable().scrollTo(500_000);
        Fixture.settle(100);
        assertEquals(500_000, faults.getTable().topRow());
        faults.getTable().setFilter(FaultFilter.ALL.withVmaStart(0x300000000000L));
        assertEquals(16, faults.getTable().rowCount());
        faults.getTable().setFilter(FaultFilter.ALL);
        faults.getTable().scrollTo(faults.getTable().rowCount() - 5);
        Fixture.settle(100);
        Fixture.shot("fault-log-1M");
        System.out.println("1M-fault scenario opened and run in " + ms + " ms");
    }
}
