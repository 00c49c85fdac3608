package org.mmwb.ui.tests.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;

import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.Test;
import org.mmwb.ui.internal.ViewIds;
import org.mmwb.ui.internal.session.Samples;
import org.mmwb.ui.internal.session.SessionState;
import org.mmwb.ui.internal.session.VmaRow;
import org.mmwb.ui.internal.views.AddressMapView;
import org.mmwb.ui.internal.views.AddressSpaceView;
import org.mmwb.ui.internal.widgets.addrmap.AddressBand;
import org.mmwb.ui.internal.widgets.addrmap.BandKind;
import org.mmwb.ui.tests.Screenshots;

/** Address Map: one band per VMA, coloured by kind; a click selects the VMA in Address Space; PNG export. */
class AddressMapViewTest {

    @Test
    void bandsFollowTheVmasAndAClickSelects() throws Exception {
        IWorkbenchPage page = Fixture.page();
        AddressSpaceView space = Fixture.show(page, ViewIds.ADDRESS_SPACE);
        AddressMapView map = Fixture.show(page, ViewIds.ADDRESS_MAP);
        SessionState s = Fixture.openSample(Samples.DEFAULT);
        assertEquals(s.process(1).vmas().size(), map.getCanvas().getBands().size());
        AddressBand vdso = map.getCanvas().getBands().stream().filter(b -> b.name().equals("[vdso]")).findFirst()
                .orElseThrow();
        assertEquals(BandKind.SPECIAL, vdso.kind());
        assertTrue(map.getCanvas().getBands().stream().anyMatch(b -> b.kind() == BandKind.FILE));
        assertTrue(map.getCanvas().getBands().stream().anyMatch(b -> b.kind() == BandKind.STACK));

        page.activate(map);
        map.clickBand(vdso);
        Fixture.settle(300);
        Object sel = space.selectedVma();
        assertTrue(sel instanceof VmaRow v && v.name().equals("[vdso]"), "Address Space follows the map: " + sel);
        Screenshots.take(page.getWorkbenchWindow().getShell(), "address-map");

        File png = new File(Screenshots.folder(), "address-map-export.png");
        map.getCanvas().exportPng(png);
        assertTrue(png.length() > 1000, "exported " + png);
    }
}
