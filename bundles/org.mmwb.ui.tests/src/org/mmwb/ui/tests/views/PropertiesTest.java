package org.mmwb.ui.tests.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.views.properties.IPropertySource;
import org.junit.jupiter.api.Test;
import org.mmwb.ui.internal.ViewIds;
import org.mmwb.ui.internal.props.LiveProps;
import org.mmwb.ui.internal.props.Props;
import org.mmwb.ui.internal.session.ProviderItem;
import org.mmwb.ui.internal.session.PteItem;
import org.mmwb.ui.internal.session.Samples;
import org.mmwb.ui.internal.session.SessionState;
import org.mmwb.ui.internal.session.VmaRow;
import org.mmwb.ui.internal.views.AddressSpaceView;
import org.mmwb.ui.internal.views.PageTablesView;
import org.mmwb.ui.internal.widgets.faultlog.FaultRef;
import org.mmwb.ui.tests.Screenshots;

/** Properties: VMA, PTE, fault and provider adapt to property sources through the registered adapter factory. */
class PropertiesTest {

    private static Props props(Object o) {
        IPropertySource s = Adapters.adapt(o, IPropertySource.class);
        assertNotNull(s, "no property source for " + o);
        return s instanceof LiveProps l ? l.now() : (Props) s;
    }

    @Test
    void everyElementHasProperties() throws Exception {
        IWorkbenchPage page = Fixture.page();
        SessionState s = Fixture.openSample(Samples.DEFAULT);

        VmaRow vma = s.process(1).vmas().get(0);
        Props v = props(vma);
        assertEquals("0x100000000000", v.value("vm_start"));
        assertEquals("rw-p", v.value("perms"));
        assertEquals("ZA", v.value("pagemap"));

        FaultRef f = FaultRef.of(s.faultLog(), s.faultLog().firstSeq());
        Props fp = props(f);
        assertEquals(Long.toString(f.seq()), fp.value("seq"));
        assertNotNull(fp.value("handler"));
        assertNotNull(fp.value("result"));

        ProviderItem prov = new ProviderItem(s.providers().get(0), s.kernel().specialMapping("[vvar]"));
        Props pp = props(prov);
        assertEquals("[vvar]", pp.value("name"));
        assertTrue(pp.value("callbacks").contains(".fault"));

        PageTablesView tables = Fixture.show(page, ViewIds.PAGE_TABLES);
        tables.goToAddress(1, 0x100000001000L);
        PteItem pte = (PteItem) ((StructuredSelection) tables.getSite().getSelectionProvider().getSelection())
                .getFirstElement();
        Props tp = props(pte);
        assertEquals("PTE", tp.value("level"));
        assertTrue(tp.value("decoded").contains("P "), tp.value("decoded"));

        // the Properties view shows the VMA selected in Address Space
        AddressSpaceView space = Fixture.show(page, ViewIds.ADDRESS_SPACE);
        page.activate(space);
        space.selectVma(vma.pid(), vma.start());
        page.showView(IPageLayout.ID_PROP_SHEET, null, IWorkbenchPage.VIEW_VISIBLE);
        Fixture.settle(300);
        Screenshots.take(page.getWorkbenchWindow().getShell(), "properties-vma");
    }
}
