package org.mmwb.ui.tests.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;
import org.mmwb.ui.internal.ViewIds;
import org.mmwb.ui.internal.session.Samples;
import org.mmwb.ui.internal.views.SpecialMappingsView;

/** Special Mappings: the providers of x86_64-6.18 with their callbacks and contributors. */
class SpecialMappingsViewTest {

    /** Column of the contributing bundle: name, pages, callbacks, contributor, placement, profiles. */
    private static final int CONTRIBUTOR = 3;

    @Test
    void listsTheProfilesProviders() throws Exception {
        SpecialMappingsView view = Fixture.fresh(ViewIds.SPECIAL_MAPPINGS);
        Fixture.openSample(Samples.DEFAULT);
        Table t = view.getViewer().getTable();
        List<String> names = new ArrayList<>();
        for (TableItem i : t.getItems()) {
            names.add(i.getText(0));
        }
        // The x86 built-ins in exec order, then the on-request device mapping of org.mmwb.iomap: all from the registry.
        assertEquals(List.of("[vvar]", "[vvar_vclock]", "[vdso]", "[vsyscall]", "[mmwb_timer]"), names);
        assertEquals("4", t.getItem(0).getText(1));
        assertTrue(t.getItem(0).getText(2).contains(".fault"), "[vvar] has a .fault handler: " + t.getItem(0).getText(2));
        assertTrue(t.getItem(2).getText(2).contains("pages[2]"), "[vdso] has a pages array: " + t.getItem(2).getText(2));
        assertTrue(t.getItem(2).getText(2).contains(".mremap"), "[vdso] has .mremap");
        assertTrue(t.getItem(3).getText(2).startsWith("gate"), "[vsyscall] is a gate area");
        for (TableItem i : t.getItems()) {
            assertTrue(!i.getText(CONTRIBUTOR).isEmpty(), "contributor of " + i.getText(0));
        }
        assertTrue(t.getItem(0).getText(CONTRIBUTOR).contains("org.mmwb.x86"),
                "[vvar] comes from org.mmwb.x86: " + t.getItem(0).getText(CONTRIBUTOR));
        assertTrue(t.getItem(4).getText(CONTRIBUTOR).contains("org.mmwb.iomap"),
                "[mmwb_timer] comes from org.mmwb.iomap: " + t.getItem(4).getText(CONTRIBUTOR));
        Fixture.shot("special-mappings");
    }
}
