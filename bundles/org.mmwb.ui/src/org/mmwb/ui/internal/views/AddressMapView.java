package org.mmwb.ui.internal.views;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbenchPart;
import org.mmwb.ui.internal.session.ProcessInfo;
import org.mmwb.ui.internal.session.SessionState;
import org.mmwb.ui.internal.session.VmaRow;
import org.mmwb.ui.internal.widgets.addrmap.AddressBand;
import org.mmwb.ui.internal.widgets.addrmap.AddressMapCanvas;
import org.mmwb.ui.internal.widgets.faultlog.FaultRef;

/**
 * Address Map: a picture of one process's address space, VMAs as bands coloured by kind with gaps compressed,
 * zoom and pan, tooltips; a click selects the VMA (and so its row in Address Space and its walk in Page Tables);
 * Export PNG saves the picture.
 */
public final class AddressMapView extends ProcessView {

    private AddressMapCanvas canvas;

    @Override
    protected Control createControls(Composite parent) {
        header(parent, 7);
        new Label(parent, SWT.NONE).setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        button(parent, "Zoom In", () -> canvas.zoomIn());
        button(parent, "Zoom Out", () -> canvas.zoomOut());
        button(parent, "Fit", () -> canvas.zoomFit());
        button(parent, "Export PNG...", this::exportPng);
        canvas = new AddressMapCanvas(parent, SWT.BORDER);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 7, 1));
        canvas.addBandListener(b -> relay.fire(b == null ? null : vmaOf(b)));
        return canvas;
    }

    private static void button(Composite parent, String text, Runnable r) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> r.run());
    }

    private VmaRow vmaOf(AddressBand b) {
        ProcessInfo p = shown().process(process.pid());
        return p == null ? null : p.vmaStarting(b.start());
    }

    private void exportPng() {
        FileDialog d = new FileDialog(canvas.getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] {"*.png"});
        d.setFileName("address-map-pid" + process.pid() + ".png");
        d.setOverwrite(true);
        String f = d.open();
        if (f != null) {
            try {
                canvas.exportPng(new File(f));
            } catch (IOException | RuntimeException e) {
                MessageDialog.openError(canvas.getShell(), "Export PNG", "Cannot write " + f + ": " + e.getMessage());
            }
        }
    }

    @Override
    protected void showPid(int p) {
        process.select(p);
        ProcessInfo info = shown().process(p);
        List<AddressBand> bands = new ArrayList<>();
        if (info != null) {
            for (VmaRow v : info.vmas()) {
                bands.add(v.band());
            }
        }
        canvas.setBands(bands);
    }

    /** Selects the VMA of process p containing address (no notification); returns its band or null. */
    public AddressBand selectAddress(int p, long address) {
        follow(p);
        return canvas.selectAddress(address);
    }

    @Override
    protected void linkedSelection(IWorkbenchPart part, Object element) {
        if (element instanceof FaultRef f) {
            selectAddress(f.pid(), f.address());
        } else if (element instanceof VmaRow v) {
            selectAddress(v.pid(), v.start());
        }
    }

    /** The canvas (for tests). */
    public AddressMapCanvas getCanvas() {
        return canvas;
    }

    /** Publishes the VMA of a band as this view's selection, as a click does (for tests and keyboard use). */
    public void clickBand(AddressBand b) {
        canvas.selectAddress(b.start());
        relay.fire(vmaOf(b));
    }
}
