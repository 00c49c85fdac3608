package org.mmwb.ui.tests.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mmwb.core.internal.pgtable.Pte;
import org.mmwb.ui.internal.ViewIds;
import org.mmwb.ui.internal.session.Samples;
import org.mmwb.ui.internal.views.PageTablesView;
import org.mmwb.ui.internal.widgets.pgtable.PtEntry;

/** Page Tables: go to address walks to the PTE of a written page, and stops early for an unmapped one. */
class PageTablesViewTest {

    @Test
    void goToAddressWalksLikeVtop() throws Exception {
        PageTablesView view = Fixture.fresh(ViewIds.PAGE_TABLES);
        Fixture.openSample(Samples.DEFAULT);

        PtEntry pte = view.goToAddress(1, 0x100000001234L);
        assertNotNull(pte);
        assertEquals(3, pte.depth(), "4-level paging: the walk ends at the PTE");
        assertEquals((0x100000001000L >>> 12) & 511, pte.index());
        long raw = view.getTree().rawEntry(pte);
        assertTrue(Pte.present(raw), "written anon page: present");
        assertEquals(0, raw & Pte.RW, "fork write-protected the parent's PTE; no write since (COW pending)");
        Fixture.settle(100);
        Fixture.shot("page-tables-vtop");

        PtEntry none = view.goToAddress(1, 0x200000000000L);
        assertTrue(none == null || none.depth() < 3, "an unmapped address stops above the PTE");
    }
}
