package org.mmwb.ui.internal.widgets.rows;

import java.util.function.IntConsumer;

import org.eclipse.core.runtime.ListenerList;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Slider;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.mmwb.ui.internal.widgets.Grids;

/**
 * A table of any number of rows whose cost does not grow with them.
 *
 * <p>A plain {@code SWT.VIRTUAL} table or tree still creates one native row per row: on GTK, 1M rows take ~1.5 s
 * to set up and 10M ~19 s (measured here), shrinking the count is slower still, and GTK keeps validating the rows
 * in idle time long after. So, like Trace Compass's virtual table, this widget shows a <em>window</em>: a virtual
 * {@link Table} with only as many items as fit on screen and a {@link Slider} that moves the window over the rows.
 * An item's cells are filled by {@link Rows#fill} when GTK paints it. Keyboard (arrows, page up/down, home/end),
 * mouse wheel and slider all scroll the window; the selection is a row number.
 */
public final class RowWindow extends Composite {

    /** What the window shows. */
    public interface Rows {
        /** The number of rows. */
        int size();

        /** Sets the texts (and fonts, colours) of {@code item} to those of row {@code row}. */
        void fill(TableItem item, int row);
    }

    private static final Rows NONE = new Rows() {
        @Override
        public int size() {
            return 0;
        }

        @Override
        public void fill(TableItem item, int row) {
        }
    };

    private final Table table;
    private final Slider slider;
    private final ListenerList<IntConsumer> selectListeners = new ListenerList<>();
    private final ListenerList<IntConsumer> openListeners = new ListenerList<>();
    private final ListenerList<Runnable> movedListeners = new ListenerList<>();
    private Rows rows = NONE;
    private int top;            // row shown in the first item
    private int fullRows = 1;   // items fully visible
    private int selected = -1;
    private Point measuredSize = new Point(0, 0); // the table's size when fullRows was last measured

    /** A window with no rows; {@code tableStyle} is added to the table's (e.g. {@code SWT.BORDER}). */
    public RowWindow(Composite parent, int style, int tableStyle) {
        super(parent, style);
        setLayout(Grids.flush(2));
        table = new Table(this, SWT.VIRTUAL | SWT.SINGLE | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.NO_SCROLL
                | tableStyle);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setFont(JFaceResources.getTextFont());
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        slider = new Slider(this, SWT.VERTICAL | SWT.NO_FOCUS);
        slider.setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, true));
        slider.addListener(SWT.Selection, e -> scrollTo(slider.getSelection()));

        table.addListener(SWT.SetData, e -> {
            int row = top + table.indexOf((TableItem) e.item);
            if (row < rows.size()) {
                rows.fill((TableItem) e.item, row);
            }
        });
        table.addListener(SWT.Resize, e -> resized());
        table.addListener(SWT.KeyDown, this::keyDown);
        table.addListener(SWT.MouseVerticalWheel, this::wheel);
        table.addListener(SWT.MouseWheel, e -> e.doit = false);
        table.addListener(SWT.Selection, e -> itemSelected(false));
        table.addListener(SWT.DefaultSelection, e -> itemSelected(true));
        // GTK may scroll the native view to show a half-visible selected item; the window must stay at item 0.
        table.addListener(SWT.Paint, e -> {
            if (table.getTopIndex() != 0) {
                table.setTopIndex(0);
            }
            // a resize while the view was hidden or being laid out can leave the window short of rows; the size is
            // compared, not the client area, which costs a round trip to the X server on every paint
            if (!table.getSize().equals(measuredSize)) {
                getDisplay().asyncExec(() -> {
                    if (!isDisposed()) {
                        resized();
                    }
                });
            }
        });
    }

    /** The table of the window's items (item i shows row {@link #top()} + i). */
    public Table getTable() {
        return table;
    }

    /** Shows {@code r} (null for none) from row {@code firstRow}, row {@code selectedRow} selected (-1: none). */
    public void setRows(Rows r, int firstRow, int selectedRow) {
        rows = r == null ? NONE : r;
        top = firstRow;
        selected = selectedRow;
        showWindow();
    }

    /** The rows changed (their number or their content): repaint the window, top row and selection kept. */
    public void refresh() {
        showWindow();
    }

    /** The number of rows. */
    public int size() {
        return rows.size();
    }

    /** The first row shown. */
    public int top() {
        return top;
    }

    /** Rows that fit in the window. */
    public int pageRows() {
        return fullRows;
    }

    /** Scrolls so that {@code row} is the first shown. */
    public void scrollTo(int row) {
        top = row;
        showWindow();
        for (Runnable l : movedListeners) {
            l.run();
        }
    }

    /** The selected row, or -1. */
    public int selection() {
        return selected;
    }

    /** Selects {@code row} (-1: none) and scrolls it into view; listeners are not told. */
    public void select(int row) {
        selected = row < 0 || row >= rows.size() ? -1 : row;
        if (selected >= 0 && selected < top) {
            top = selected;
        } else if (selected >= top + fullRows) {
            top = selected - fullRows + 1;
        }
        showWindow();
    }

    /** Told the row the user selected (click, keys). */
    public void addSelectListener(IntConsumer l) {
        selectListeners.add(l);
    }

    /** Told the row the user opened (double-click, Enter). */
    public void addOpenListener(IntConsumer l) {
        openListeners.add(l);
    }

    /** Told when the window scrolled. */
    public void addScrollListener(Runnable l) {
        movedListeners.add(l);
    }

    private void resized() {
        measuredSize = table.getSize();
        int h = table.getClientArea().height - table.getHeaderHeight();
        int n = Math.max(1, h / Math.max(1, table.getItemHeight()));
        if (n != fullRows) {
            fullRows = n;
            showWindow();
            for (Runnable l : movedListeners) { // the rows shown changed: a "rows a-b of n" line must follow
                l.run();
            }
        }
    }

    /** Brings items, selection and slider in line with top, the rows and the selection. */
    private void showWindow() {
        if (isDisposed()) {
            return;
        }
        int n = rows.size();
        top = Math.max(0, Math.min(top, n - fullRows));
        int items = Math.max(0, Math.min(fullRows + 1, n - top));
        table.setRedraw(false);
        try {
            if (table.getItemCount() != items) {
                table.setItemCount(items);
            }
            table.clearAll(); // the virtual items ask for their cells again when painted
            int sel = selected - top;
            if (selected >= 0 && sel < items) {
                table.setSelection(sel);
            } else {
                table.deselectAll();
            }
        } finally {
            table.setRedraw(true);
        }
        slider.setValues(top, 0, Math.max(1, n), Math.max(1, Math.min(n, fullRows)), 1, Math.max(1, fullRows - 1));
        slider.setEnabled(n > fullRows);
    }

    private void selectByUser(int row, boolean open) {
        int n = rows.size();
        if (n == 0) {
            return;
        }
        select(Math.max(0, Math.min(n - 1, row))); // also scrolls a half-visible last item into full view
        for (IntConsumer l : selectListeners) {
            l.accept(selected);
        }
        if (open) {
            for (IntConsumer l : openListeners) {
                l.accept(selected);
            }
        }
    }

    private void itemSelected(boolean open) {
        int i = table.getSelectionIndex();
        if (i >= 0 && top + i < rows.size()) {
            selectByUser(top + i, open);
        }
    }

    private void keyDown(Event e) {
        if (rows.size() == 0) {
            return;
        }
        int cur = selected;
        int row = switch (e.keyCode) {
            case SWT.ARROW_UP -> cur < 0 ? top : cur - 1;
            case SWT.ARROW_DOWN -> cur < 0 ? top : cur + 1;
            case SWT.PAGE_UP -> (cur < 0 ? top : cur) - Math.max(1, fullRows - 1);
            case SWT.PAGE_DOWN -> (cur < 0 ? top : cur) + Math.max(1, fullRows - 1);
            case SWT.HOME -> 0;
            case SWT.END -> rows.size() - 1;
            default -> Integer.MIN_VALUE;
        };
        if (row == Integer.MIN_VALUE) {
            return;
        }
        e.doit = false;
        selectByUser(row, false);
    }

    private void wheel(Event e) {
        e.doit = false;
        if (e.count != 0) {
            scrollTo(top - e.count);
        }
    }
}
