package org.mmwb.ui.internal.widgets.addrmap;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.eclipse.core.runtime.ListenerList;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;

/**
 * A picture of a whole address space: one band per mapped range, top-down in address order like
 * /proc/PID/maps, the holes between them compressed into fixed breaks labelled with their size (a process spans
 * 128 TiB of which a few MiB are mapped). Start addresses on the left, names inside the bands, permissions and
 * sizes on the right; colours by {@link BandKind} with a legend.
 *
 * <p>Mouse wheel or +/- zoom around the pointer, 0 fits, drag or the scroll bar pans; hovering shows a band's
 * range, size, permissions and name; a click selects a band (listeners hear it); {@link #exportPng(File)} saves the
 * whole map as an image.
 */
public final class AddressMapCanvas extends Canvas {

    private static final double ZOOM_STEP = 1.25;
    private static final int PAD = 8;
    private static final RGB SELECT = new RGB(0x1a, 0x4f, 0xa0);
    private static final RGB MUTED = new RGB(0x70, 0x70, 0x70);

    private final ListenerList<Consumer<AddressBand>> listeners = new ListenerList<>();
    private final Font monoFont = JFaceResources.getTextFont();

    private List<AddressBand> input = List.of();
    private BandLayout layout = new BandLayout(List.of(), 1, 1, 1);
    private double fitScale = 1;
    private double zoom = 1;
    private int offset;             // content y at the top of the view
    private AddressBand selected;
    private String tip;
    private int dragY = -1;
    private int dragOffset;
    private boolean dragged;

    // metrics, from the fonts
    private int line;
    private int monoWidthAddr;
    private int legendHeight;

    /** Creates an empty map. */
    public AddressMapCanvas(Composite parent, int style) {
        super(parent, style | SWT.DOUBLE_BUFFERED | SWT.V_SCROLL);
        measure();
        addListener(SWT.Paint, e -> paint(e.gc, getClientArea().width, offset, getClientArea().height, true));
        addListener(SWT.Resize, e -> {
            refit();
            redraw();
        });
        addListener(SWT.MouseVerticalWheel, this::wheel);
        addListener(SWT.MouseDown, e -> {
            if (e.button == 1) {
                dragY = e.y;
                dragOffset = offset;
                dragged = false;
            }
        });
        addListener(SWT.MouseMove, this::mouseMove);
        addListener(SWT.MouseUp, e -> {
            if (e.button == 1 && dragY >= 0 && !dragged) {
                BandLayout.Segment s = segmentAt(e.y);
                select(s == null || s.isGap() ? null : layout.bands().get(s.band()), true);
            }
            dragY = -1;
        });
        addListener(SWT.KeyDown, this::key);
        addListener(SWT.Traverse, e -> e.doit = true);
        getVerticalBar().addListener(SWT.Selection, e -> {
            offset = getVerticalBar().getSelection();
            redraw();
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // API

    /** Show these bands (any order); resets the zoom to fit. A selected band that is still present stays. */
    public void setBands(List<AddressBand> bands) {
        input = List.copyOf(Objects.requireNonNull(bands));
        zoom = 1;
        offset = 0;
        refit();
        if (selected != null && !selected.equals(bandContaining(selected.start()))) {
            selected = null;
        }
        redraw();
    }

    /** The bands shown, in address order. */
    public List<AddressBand> getBands() {
        return layout.bands();
    }

    /** The selected band, or null. */
    public AddressBand getSelection() {
        return selected;
    }

    /** Select the band containing {@code address} (null if none) and scroll it into view; no notification. */
    public AddressBand selectAddress(long address) {
        AddressBand b = bandContaining(address);
        select(b, false);
        if (b != null) {
            reveal(b);
        }
        return b;
    }

    /** The band containing {@code address}, or null. */
    private AddressBand bandContaining(long address) {
        int i = layout.bandAt(address);
        return i < 0 ? null : layout.bands().get(i);
    }

    /** Listener for clicks that select a band (null when a click hit no band). */
    public void addBandListener(Consumer<AddressBand> l) {
        listeners.add(l);
    }

    /** Removes a listener. */
    public void removeBandListener(Consumer<AddressBand> l) {
        listeners.remove(l);
    }

    /** Zoom in one step around the middle of the view. */
    public void zoomIn() {
        zoomAt(ZOOM_STEP, getClientArea().height / 2);
    }

    /** Zoom out one step around the middle of the view. */
    public void zoomOut() {
        zoomAt(1 / ZOOM_STEP, getClientArea().height / 2);
    }

    /** Fit the map to the view. */
    public void zoomFit() {
        zoom = 1;
        offset = 0;
        refit();
        redraw();
    }

    /** The zoom factor relative to "fit". */
    public double getZoom() {
        return zoom;
    }

    /**
     * Render the whole map (all bands, current zoom, the view's width or 1000 px, with legend) into a PNG file.
     *
     * @throws IOException when the image cannot be written
     */
    public void exportPng(File file) throws IOException {
        int width = Math.max(640, getClientArea().width > 0 ? getClientArea().width : 1000);
        int height = Math.min(32000, legendHeight + PAD + layout.totalHeight() + line + 2 * PAD);
        Image img = new Image(getDisplay(), width, height);
        GC gc = new GC(img);
        try {
            gc.setAntialias(SWT.ON);
            gc.setTextAntialias(SWT.ON);
            paint(gc, width, 0, height, true);
        } finally {
            gc.dispose();
        }
        try {
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {img.getImageData()};
            loader.save(file.getPath(), SWT.IMAGE_PNG);
        } catch (SWTException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            img.dispose();
        }
    }

    @Override
    public Point computeSize(int wHint, int hHint, boolean changed) {
        int w = wHint != SWT.DEFAULT ? wHint : 720;
        int h = hHint != SWT.DEFAULT ? hHint : 480;
        return new Point(w, h);
    }

    // ---------------------------------------------------------------------------------------------------------
    // geometry

    private void measure() {
        GC gc = new GC(this);
        try {
            gc.setFont(getFont());
            line = gc.getFontMetrics().getHeight();
            gc.setFont(monoFont);
            line = Math.max(line, gc.getFontMetrics().getHeight());
            monoWidthAddr = gc.textExtent("0xffffffffff600000").x;
        } finally {
            gc.dispose();
        }
        legendHeight = line + 14;
    }

    private int minHeight() {
        return line + 6;
    }

    private int gapHeight() {
        return line + 10;
    }

    private int contentTop() {
        return legendHeight + PAD;
    }

    private int viewHeight() {
        return Math.max(1, getClientArea().height - contentTop() - line - PAD);
    }

    private void refit() {
        layout = BandLayout.fit(input, viewHeight(), minHeight(), gapHeight());
        fitScale = layout.scale();
        if (zoom != 1) {
            relayout();
        } else {
            clampOffset();
        }
    }

    private void relayout() {
        layout = new BandLayout(input, fitScale * zoom, minHeight(), gapHeight());
        clampOffset();
    }

    private int maxOffset() {
        return Math.max(0, layout.totalHeight() + line + PAD - (getClientArea().height - contentTop()));
    }

    private void clampOffset() {
        offset = Math.max(0, Math.min(offset, maxOffset()));
        ScrollBar bar = getVerticalBar();
        int view = Math.max(1, getClientArea().height - contentTop());
        bar.setValues(offset, 0, maxOffset() + view, view, line, Math.max(line, view - line));
        bar.setEnabled(maxOffset() > 0);
    }

    private BandLayout.Segment segmentAt(int viewY) {
        if (viewY < legendHeight) {
            return null;
        }
        return layout.at(viewY - contentTop() + offset);
    }

    private void zoomAt(double factor, int viewY) {
        double z = Math.max(1, Math.min(1e9, zoom * factor));
        if (z == zoom) {
            return;
        }
        int contentY = viewY - contentTop() + offset;
        BandLayout.Segment s = layout.at(contentY);
        int index = s == null ? -1 : layout.segments().indexOf(s);
        double frac = s == null ? 0 : (contentY - s.y()) / (double) s.height();
        zoom = z;
        relayout();
        if (index >= 0) {
            BandLayout.Segment n = layout.segments().get(index);
            offset = (int) Math.round(n.y() + frac * n.height()) - (viewY - contentTop());
        }
        clampOffset();
        redraw();
    }

    private void reveal(AddressBand b) {
        int i = layout.bandAt(b.start());
        if (i < 0 || !layout.bands().get(i).equals(b)) {
            return;
        }
        BandLayout.Segment s = layout.segmentOf(i);
        int view = getClientArea().height - contentTop();
        if (s.y() < offset || s.y() + s.height() > offset + view) {
            offset = s.y() - view / 3;
            clampOffset();
        }
        redraw();
    }

    private void select(AddressBand b, boolean notify) {
        selected = b;
        redraw();
        if (notify) {
            for (Consumer<AddressBand> l : listeners) {
                l.accept(b);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // input

    private void wheel(Event e) {
        if (e.count == 0) {
            return;
        }
        e.doit = false;
        zoomAt(e.count > 0 ? ZOOM_STEP : 1 / ZOOM_STEP, e.y);
    }

    private void key(Event e) {
        int view = getClientArea().height - contentTop();
        switch (e.character) {
            case '+', '=' -> zoomIn();
            case '-' -> zoomOut();
            case '0' -> zoomFit();
            default -> {
                int d = switch (e.keyCode) {
                    case SWT.ARROW_UP -> -line;
                    case SWT.ARROW_DOWN -> line;
                    case SWT.PAGE_UP -> -view + line;
                    case SWT.PAGE_DOWN -> view - line;
                    case SWT.HOME -> -Integer.MAX_VALUE / 2;
                    case SWT.END -> Integer.MAX_VALUE / 2;
                    default -> 0;
                };
                if (d != 0) {
                    offset += d;
                    clampOffset();
                    redraw();
                }
            }
        }
    }

    private void mouseMove(Event e) {
        if (dragY >= 0 && (e.stateMask & SWT.BUTTON1) != 0) {
            if (Math.abs(e.y - dragY) > 3) {
                dragged = true;
            }
            if (dragged) {
                offset = dragOffset - (e.y - dragY);
                clampOffset();
                redraw();
            }
            return;
        }
        BandLayout.Segment s = segmentAt(e.y);
        String t = s == null ? null : tooltip(s);
        if (!Objects.equals(t, tip)) {
            tip = t;
            setToolTipText(t);
        }
    }

    private String tooltip(BandLayout.Segment s) {
        String range = Sizes.hex(s.start()) + "\u2013" + Sizes.hex(s.end());
        if (s.isGap()) {
            return "unmapped\n" + range + "\n" + Sizes.human(s.end() - s.start());
        }
        AddressBand b = layout.bands().get(s.band());
        return b.displayName() + "\n" + range + "\n" + Sizes.human(b.size()) + "  (" + (b.size() >>> 12)
                + " pages)\n" + b.perms() + "  " + b.kind().label();
    }

    // ---------------------------------------------------------------------------------------------------------
    // painting

    private void paint(GC gc, int width, int viewTop, int height, boolean legend) {
        Color white = getDisplay().getSystemColor(SWT.COLOR_WHITE);
        Color black = getDisplay().getSystemColor(SWT.COLOR_BLACK);
        Color muted = new Color(MUTED);
        gc.setBackground(white);
        gc.fillRectangle(0, 0, width, height);
        int addrX = PAD;
        int boxX = addrX + monoWidthAddr + PAD + 4;
        int rightW = rightColumnWidth(gc);
        int boxW = Math.max(120, width - boxX - rightW - PAD);
        int rightX = boxX + boxW + PAD;
        int top = contentTop();
        Rectangle clip = new Rectangle(0, top, width, height - top);
        gc.setClipping(clip);
        List<BandLayout.Segment> segs = layout.segments();
        for (int k = layout.firstEndingBelow(viewTop); k < segs.size(); k++) { // only what is on screen
            BandLayout.Segment s = segs.get(k);
            int y = top + s.y() - viewTop;
            if (y > height) {
                break;
            }
            if (y + s.height() < top) {
                continue;
            }
            if (s.isGap()) {
                paintGap(gc, s, y, addrX, boxX, boxW, muted);
            } else {
                paintBand(gc, s, y, top, addrX, boxX, boxW, rightX, black, muted);
            }
        }
        if (!layout.segments().isEmpty()) {
            BandLayout.Segment last = layout.segments().get(layout.segments().size() - 1);
            int y = top + last.y() + last.height() - viewTop;
            gc.setFont(monoFont);
            gc.setForeground(muted);
            gc.drawText(Sizes.hex(last.end()), addrX, y + 2, true);
        } else {
            gc.setForeground(muted);
            gc.drawText("No address space to show", boxX, top + PAD, true);
        }
        gc.setClipping((Rectangle) null);
        if (legend) {
            paintLegend(gc, width, black, muted);
        }
    }

    private int rightColumnWidth(GC gc) {
        gc.setFont(monoFont);
        return gc.textExtent("rw-p  1023.9 MiB").x + PAD;
    }

    private void paintBand(GC gc, BandLayout.Segment s, int y, int top, int addrX, int boxX, int boxW, int rightX,
            Color black, Color muted) {
        AddressBand b = layout.bands().get(s.band());
        int h = s.height();
        gc.setBackground(new Color(b.kind().rgb()));
        gc.fillRectangle(boxX, y, boxW, h);
        if (b.kind() == BandKind.GUARD) {
            hatch(gc, boxX, y, boxW, h, new Color(b.kind().border()));
        }
        gc.setForeground(new Color(b.kind().border()));
        gc.setLineWidth(1);
        gc.drawRectangle(boxX, y, boxW - 1, h);
        // labels stick to the top of the view while the band is taller than what is visible
        int ty = Math.max(y, top) + (minHeight() - line) / 2;
        if (ty + line > y + h) {
            ty = y + (h - line) / 2;
        }
        gc.setFont(monoFont);
        gc.setForeground(black);
        gc.drawText(Sizes.hex(b.start()), addrX, ty, true);
        gc.setFont(getFont());
        String name = fit(gc, b.displayName(), boxW - 2 * PAD);
        gc.drawText(name, boxX + PAD, ty, true);
        gc.setFont(monoFont);
        gc.drawText(b.perms(), rightX, ty, true);
        gc.setForeground(muted);
        gc.drawText(Sizes.human(b.size()), rightX + gc.textExtent("rw-p  ").x, ty, true);
        if (b.equals(selected)) {
            gc.setForeground(new Color(SELECT));
            gc.setLineWidth(3);
            gc.drawRectangle(boxX + 1, y + 1, boxW - 3, h - 2);
            gc.setLineWidth(1);
        }
    }

    private void paintGap(GC gc, BandLayout.Segment s, int y, int addrX, int boxX, int boxW, Color muted) {
        int h = s.height();
        int mid = y + h / 2;
        gc.setForeground(muted);
        gc.setLineStyle(SWT.LINE_DOT);
        gc.drawLine(boxX, y + 3, boxX, y + h - 3);
        gc.drawLine(boxX + boxW - 1, y + 3, boxX + boxW - 1, y + h - 3);
        gc.setLineStyle(SWT.LINE_SOLID);
        // a torn edge: two short zigzags at the sides of the break
        zigzag(gc, boxX - 6, mid - 3, 12);
        zigzag(gc, boxX + boxW - 7, mid - 3, 12);
        gc.setFont(monoFont);
        gc.drawText(Sizes.hex(s.start()), addrX, y + (h - line) / 2, true);
        gc.setFont(getFont());
        // the hole between user space (ends below 0x800000000000, or 1 << 56 with 5 levels) and the kernel half
        boolean crossesUser = s.start() >= 0 && s.end() < 0;
        String label = "\u22ee  unmapped " + Sizes.human(s.end() - s.start())
                + (crossesUser ? ", non-canonical hole and kernel half" : "") + "  \u22ee";
        int tw = gc.textExtent(label).x;
        if (tw > boxW - 24) { // a narrow map: the short label, never over the address column
            label = "\u22ee " + Sizes.human(s.end() - s.start()) + (crossesUser ? " hole" : "") + " \u22ee";
            tw = gc.textExtent(label).x;
        }
        Rectangle clip = gc.getClipping();
        gc.setClipping(clip.intersection(new Rectangle(boxX + 8, y, Math.max(0, boxW - 16), h)));
        gc.drawText(label, boxX + Math.max(8, (boxW - tw) / 2), y + (h - line) / 2, true);
        gc.setClipping(clip);
    }

    private static void zigzag(GC gc, int x, int y, int w) {
        int[] pts = new int[10];
        for (int i = 0; i < 5; i++) {
            pts[2 * i] = x + i * w / 4;
            pts[2 * i + 1] = y + (i % 2 == 0 ? 0 : 6);
        }
        gc.drawPolyline(pts);
    }

    private static void hatch(GC gc, int x, int y, int w, int h, Color c) {
        Rectangle old = gc.getClipping();
        gc.setClipping(old.intersection(new Rectangle(x, y, w, h)));
        gc.setForeground(c);
        for (int d = -h; d < w; d += 8) {
            gc.drawLine(x + d, y + h, x + d + h, y);
        }
        gc.setClipping(old);
    }

    private void paintLegend(GC gc, int width, Color black, Color muted) {
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(0, 0, width, legendHeight);
        gc.setForeground(new Color(new RGB(0xc8, 0xc8, 0xc8)));
        gc.drawLine(0, legendHeight - 1, width, legendHeight - 1);
        gc.setFont(getFont());
        int x = PAD;
        int y = (legendHeight - line) / 2;
        int sw = line - 2;
        for (BandKind k : BandKind.values()) {
            gc.setBackground(new Color(k.rgb()));
            gc.fillRectangle(x, y + 1, sw, sw);
            gc.setForeground(new Color(k.border()));
            gc.drawRectangle(x, y + 1, sw, sw);
            gc.setForeground(black);
            gc.drawText(k.label(), x + sw + 5, y, true);
            x += sw + 5 + gc.textExtent(k.label()).x + 16;
        }
        String hint = "wheel / + \u2212: zoom   drag: pan   0: fit" + (zoom > 1.001
                ? String.format(java.util.Locale.ROOT, "   (\u00d7%.1f)", zoom) : "");
        int hw = gc.textExtent(hint).x;
        if (x + hw + PAD < width) {
            gc.setForeground(muted);
            gc.drawText(hint, width - hw - PAD, y, true);
        }
    }

    /** {@code s}, shortened with an ellipsis in the middle (paths keep their file name) when wider than w. */
    private static String fit(GC gc, String s, int w) {
        if (gc.textExtent(s).x <= w) {
            return s;
        }
        for (int cut = 1; cut < s.length(); cut++) {
            int keepHead = (s.length() - cut) / 3;
            String t = s.substring(0, keepHead) + "\u2026" + s.substring(keepHead + cut);
            if (gc.textExtent(t).x <= w) {
                return t;
            }
        }
        return "\u2026";
    }
}
