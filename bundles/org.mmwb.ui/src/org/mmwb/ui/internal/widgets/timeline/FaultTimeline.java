package org.mmwb.ui.internal.widgets.timeline;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongConsumer;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.mmwb.core.mm.ReadOnlyFaultLog;

/**
 * A Trace Compass style timeline of the faults: one lane per process and VMA, time running left to right as the
 * fault sequence number, with the scenario's steps as ticks. Each pixel column shows how many faults of that lane
 * fall in it (darker = more; red = failed). Ctrl+wheel or +/- zooms around the pointer, dragging or the arrow
 * keys pan, Home shows everything; a click selects the nearest fault of the lane. Only the visible range is read,
 * so it stays usable with millions of faults.
 */
public final class FaultTimeline extends Canvas {

    private static final int LABEL_W = 260;
    private static final int HEADER_H = 22;
    private static final int LANE_H = 20;

    private TimelineModel model = new TimelineModel(null);
    private long from;
    private long to = 1;
    private long selected = -1;
    private long[] stepStarts = new long[0];
    private Function<TimelineModel.Lane, String> laneName = l -> "pid " + l.pid();
    private LongConsumer selectionListener = s -> { };
    private int dragX = -1;
    private long dragFrom;
    private int topLane;
    private final Color ok;
    private final Color failed;
    private final Color grid;

    public FaultTimeline(Composite parent, int style) {
        super(parent, style | SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND | SWT.V_SCROLL);
        ok = new Color(40, 90, 170);
        failed = new Color(200, 30, 30);
        grid = new Color(225, 225, 225);
        addListener(SWT.Paint, e -> paint(e.gc));
        addListener(SWT.MouseVerticalWheel, this::wheel);
        addListener(SWT.MouseDown, e -> {
            dragX = e.x;
            dragFrom = from;
        });
        addListener(SWT.MouseMove, e -> {
            if (dragX >= 0 && (e.stateMask & SWT.BUTTON1) != 0 && Math.abs(e.x - dragX) > 3) {
                long delta = (long) ((dragX - e.x) * perPixel());
                setRange(dragFrom + delta, dragFrom + delta + (to - from));
            }
        });
        addListener(SWT.MouseUp, e -> {
            if (dragX >= 0 && Math.abs(e.x - dragX) <= 3) {
                click(e.x, e.y);
            }
            dragX = -1;
        });
        addListener(SWT.KeyDown, this::key);
        addListener(SWT.Resize, e -> updateScroll());
        addListener(SWT.Dispose, e -> {
            ok.dispose();
            failed.dispose();
            grid.dispose();
        });
        getVerticalBar().addListener(SWT.Selection, e -> {
            topLane = getVerticalBar().getSelection();
            redraw();
        });
    }

    /** Shows a fault log (null for none), all of it. */
    public void setInput(ReadOnlyFaultLog log) {
        if (log != model.log()) {
            model = new TimelineModel(log);
            selected = -1;
        }
        model.update();
        from = model.first();
        to = Math.max(from + 1, model.end());
        updateScroll();
        redraw();
    }

    /** After the log grew (a step), keep the zoom unless everything was shown. */
    public void refresh() {
        boolean all = from <= model.first() && to >= model.end();
        model.update();
        if (all) {
            from = model.first();
            to = Math.max(from + 1, model.end());
        }
        updateScroll();
        redraw();
    }

    /** The first fault of each step (ticks on the time axis). */
    public void setStepStarts(long[] starts) {
        stepStarts = starts;
        redraw();
    }

    /** How a lane is labelled ("pid 1 0x7f.. [heap]"). */
    public void setLaneName(Function<TimelineModel.Lane, String> f) {
        laneName = f;
        redraw();
    }

    /** Told the seq of a fault the user clicks. */
    public void setSelectionListener(LongConsumer l) {
        selectionListener = l;
    }

    /** Marks fault {@code seq} and scrolls it into view (keeping the zoom). */
    public void select(long seq) {
        selected = seq;
        if (seq >= 0 && (seq < from || seq >= to)) {
            long w = to - from;
            setRange(seq - w / 2, seq - w / 2 + w);
        }
        redraw();
    }

    public long selected() {
        return selected;
    }

    /** The visible range [from, to) of sequence numbers. */
    public long[] range() {
        return new long[] {from, to};
    }

    public TimelineModel model() {
        return model;
    }

    /** Shows [lo, hi), clamped to the log (at least 16 faults wide). */
    public void setRange(long lo, long hi) {
        long first = model.first();
        long end = Math.max(first + 1, model.end());
        long w = Math.max(Math.min(16, end - first), Math.min(hi - lo, end - first));
        lo = Math.max(first, Math.min(lo, end - w));
        from = lo;
        to = lo + w;
        redraw();
    }

    /** Zooms by {@code factor} (less than 1: in) around sequence number {@code at}. */
    public void zoom(double factor, long at) {
        long w = Math.max(1, (long) ((to - from) * factor));
        double rel = (double) (at - from) / Math.max(1, to - from);
        long lo = at - (long) (w * rel);
        setRange(lo, lo + w);
    }

    private double perPixel() {
        return (double) (to - from) / Math.max(1, getClientArea().width - LABEL_W);
    }

    private void wheel(Event e) {
        if ((e.stateMask & SWT.MOD1) != 0 || e.x > LABEL_W) {
            long at = from + (long) (Math.max(0, e.x - LABEL_W) * perPixel());
            zoom(e.count > 0 ? 0.7 : 1 / 0.7, at);
            e.doit = false;
        }
    }

    private void key(Event e) {
        long w = to - from;
        switch (e.keyCode) {
            case SWT.HOME -> setRange(model.first(), model.end());
            case SWT.ARROW_LEFT -> setRange(from - w / 8, to - w / 8);
            case SWT.ARROW_RIGHT -> setRange(from + w / 8, to + w / 8);
            default -> {
                if (e.character == '+' || e.character == '=') {
                    zoom(0.5, from + w / 2);
                } else if (e.character == '-') {
                    zoom(2, from + w / 2);
                }
            }
        }
    }

    private void click(int x, int y) {
        int lane = topLane + (y - HEADER_H) / LANE_H;
        if (y < HEADER_H || x < LABEL_W || lane >= model.lanes().size()) {
            return;
        }
        long at = from + (long) ((x - LABEL_W) * perPixel());
        long slack = (long) Math.ceil(perPixel() * 4) + 1;
        long s = model.nearest(lane, at, at - slack, at + slack + 1);
        if (s >= 0) {
            selected = s;
            redraw();
            selectionListener.accept(s);
        }
    }

    private void updateScroll() {
        int lanes = model.lanes().size();
        int visible = Math.max(1, (getClientArea().height - HEADER_H) / LANE_H);
        getVerticalBar().setValues(Math.min(topLane, Math.max(0, lanes - visible)), 0, Math.max(1, lanes), visible,
                1, visible);
        topLane = getVerticalBar().getSelection();
    }

    private void paint(GC gc) {
        Rectangle r = getClientArea();
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(r);
        gc.setFont(JFaceResources.getTextFont());
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
        List<TimelineModel.Lane> lanes = model.lanes();
        if (model.log() == null || model.end() <= model.first()) {
            gc.drawString("No faults yet: run a scenario.", 8, 8, true);
            return;
        }
        int width = Math.max(1, r.width - LABEL_W);
        int rows = Math.min(lanes.size() - topLane, Math.max(0, (r.height - HEADER_H) / LANE_H + 1));
        int[][] counts = new int[lanes.size()][width];
        int[][] bad = new int[lanes.size()][width];
        model.histogram(from, to, width, counts, bad);
        gc.drawString(String.format("faults %,d-%,d of %,d-%,d  (Ctrl+wheel or +/- zoom, drag or arrows pan, Home all)",
                from, to - 1, model.first(), model.end() - 1), 4, 2, true);
        // step ticks, one line per pixel column at most: a recording of 126,000 steps drew 126,000 lines (2.7 s)
        gc.setForeground(grid);
        int lastX = Integer.MIN_VALUE;
        int lo = java.util.Arrays.binarySearch(stepStarts, from); // starts ascend: the first tick in view
        lo = lo < 0 ? -lo - 1 : lo;
        while (lo > 0 && stepStarts[lo - 1] == from) {
            lo--;
        }
        for (int i = lo; i < stepStarts.length && stepStarts[i] < to; i++) {
            int x = LABEL_W + (int) ((stepStarts[i] - from) / perPixel());
            if (x != lastX) {
                gc.drawLine(x, HEADER_H - 4, x, r.height);
                lastX = x;
            }
        }
        // zoomed in so far that a fault spans several pixels: draw it that wide (a pixel gap between neighbours)
        int barWidth = Math.max(1, (int) (1 / perPixel()) - 1);
        for (int row = 0; row < rows; row++) {
            int lane = topLane + row;
            int y = HEADER_H + row * LANE_H;
            gc.setForeground(grid);
            gc.drawLine(0, y + LANE_H - 1, r.width, y + LANE_H - 1);
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
            String name = laneName.apply(lanes.get(lane));
            Point ext = gc.textExtent(name);
            gc.setClipping(0, y, LABEL_W - 6, LANE_H);
            gc.drawString(name, 4, y + (LANE_H - ext.y) / 2, true);
            gc.setClipping((Rectangle) null);
            int max = 1;
            for (int c : counts[lane]) {
                max = Math.max(max, c);
            }
            for (int x = 0; x < width; x++) {
                int c = counts[lane][x];
                if (c == 0) {
                    continue;
                }
                // height by log count: one fault is visible, a burst is full height
                int h = Math.max(3, (int) ((LANE_H - 4) * (Math.log1p(c) / Math.log1p(max))));
                gc.setBackground(bad[lane][x] > 0 ? failed : ok);
                gc.fillRectangle(LABEL_W + x, y + LANE_H - 2 - h, barWidth, h);
            }
        }
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        gc.drawLine(LABEL_W - 2, HEADER_H, LABEL_W - 2, r.height);
        if (selected >= from && selected < to) {
            int x = LABEL_W + (int) ((selected - from) / perPixel());
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GREEN));
            gc.setLineWidth(2);
            gc.drawLine(x, HEADER_H, x, r.height);
            gc.setLineWidth(1);
        }
    }
}
