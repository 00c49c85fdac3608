package org.mmwb.ui.internal.widgets.faultlog;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.core.runtime.ListenerList;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Slider;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.mmwb.core.mm.ReadOnlyFaultLog;
import org.mmwb.core.mm.VmFaultResult;

/**
 * The fault log as a table that stays fast with millions of faults.
 *
 * <p>A plain {@code SWT.VIRTUAL} table still creates one native row per fault: on GTK, 1M rows take ~1.5 s to
 * set up and 10M ~19 s (measured here), and shrinking the row count is slower still. So, like Trace Compass's
 * virtual table, this widget shows a <em>window</em>: a JFace {@link TableViewer} ({@code SWT.VIRTUAL}, an
 * {@link ILazyContentProvider} as in JFace's Snippet030) with only as many items as fit on screen, and a
 * {@link Slider} that moves the window over the rows. Rows come from a {@link FaultIndex} (a primitive array of
 * matching fault offsets, or nothing when unfiltered); a cell's text is read from the {@link ReadOnlyFaultLog}'s columns
 * when painted. The only per-row objects are the boxed sequence numbers of the visible items.
 *
 * <p>Selection is a fault sequence number; listeners get a {@link FaultRef} (also as the single element of an
 * {@link IStructuredSelection}, so a view can make this its site's selection provider). Keyboard (arrows, page
 * up/down, home/end), mouse wheel and slider all scroll the window.
 *
 * <p>Wiring: {@link #setInput(ReadOnlyFaultLog)} once, {@link #refresh()} after the engine appended faults (UI thread,
 * engine idle), {@link #setFilter(FaultFilter)} from the filter bar or a command.
 */
public final class FaultLogTable extends Composite implements ISelectionProvider {

    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.ROOT);

    private final FaultFilterBar filterBar;
    private final TableViewer viewer;
    private final Table table;
    private final Slider slider;
    private final Label status;
    private final ListenerList<ISelectionChangedListener> selectionListeners = new ListenerList<>();

    private ReadOnlyFaultLog log;
    private FaultIndex index;
    private FaultFilter filter = FaultFilter.ALL;
    private int top;            // row shown in the first item
    private int fullRows = 1;   // items fully visible
    private long selectedSeq = -1;
    private boolean followTail;

    /** Creates the table with its filter bar and status line; call {@link #setInput(ReadOnlyFaultLog)} to fill it. */
    public FaultLogTable(Composite parent, int style) {
        super(parent, style);
        GridLayout gl = new GridLayout(2, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        gl.horizontalSpacing = 0;
        gl.verticalSpacing = 2;
        setLayout(gl);

        filterBar = new FaultFilterBar(this, this);
        filterBar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        viewer = new TableViewer(this, SWT.VIRTUAL | SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.H_SCROLL
                | SWT.NO_SCROLL);
        table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setFont(JFaceResources.getTextFont());
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        viewer.setUseHashlookup(false);
        viewer.setContentProvider(new WindowContentProvider());
        createColumns();

        slider = new Slider(this, SWT.VERTICAL | SWT.NO_FOCUS);
        slider.setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, true));
        slider.addListener(SWT.Selection, e -> scrollTo(slider.getSelection()));

        status = new Label(this, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        setTabList(new Control[] {filterBar, table});
        table.addListener(SWT.Resize, e -> resized());
        table.addListener(SWT.KeyDown, this::keyDown);
        table.addListener(SWT.MouseVerticalWheel, this::wheel);
        table.addListener(SWT.MouseWheel, e -> e.doit = false);
        table.addListener(SWT.Selection, e -> itemSelected());
        table.addListener(SWT.DefaultSelection, e -> itemSelected());
        // GTK may scroll the native view to show a half-visible selected item; the window must stay at item 0.
        table.addListener(SWT.Paint, e -> {
            if (table.getTopIndex() != 0) {
                table.setTopIndex(0);
            }
            // a resize while the view was hidden or being laid out can leave the window short of rows
            if (visibleRows() != fullRows) {
                getDisplay().asyncExec(() -> {
                    if (!isDisposed()) {
                        resized();
                    }
                });
            }
        });
        viewer.setInput(this);
        updateStatus();
    }

    // ---------------------------------------------------------------------------------------------------------
    // API the view wires to the session

    /** Shows {@code log} (null for none), unfiltered state kept: the current filter applies to the new log. */
    public void setInput(ReadOnlyFaultLog newLog) {
        log = newLog;
        selectedSeq = -1;
        top = 0;
        index = log == null ? null : new FaultIndex(log, filter);
        if (index != null) {
            index.update();
        }
        filterBar.logChanged(log);
        sizeColumns();
        showWindow();
    }

    /** The log shown, or null. */
    public ReadOnlyFaultLog getInput() {
        return log;
    }

    /** Catch up with faults appended to (or dropped from) the log since the last call. */
    public void refresh() {
        if (index == null) {
            return;
        }
        boolean atEnd = top + fullRows >= index.size();
        long topSeq = index.size() > 0 ? index.seqAt(Math.min(top, index.size() - 1)) : -1;
        index.update();
        filterBar.logChanged(log);
        int n = index.size();
        if (followTail && atEnd) {
            top = Math.max(0, n - fullRows);
        } else if (topSeq >= 0) {
            top = Math.max(0, index.nearestRow(topSeq)); // rows shift when the log drops old faults
        }
        showWindow();
    }

    /** Filter the rows; the fault at the top (or the selected one, if still shown) stays in view. */
    public void setFilter(FaultFilter newFilter) {
        filter = newFilter == null ? FaultFilter.ALL : newFilter;
        filterBar.show(filter);
        if (log == null) {
            return;
        }
        long anchor = selectedSeq >= 0 ? selectedSeq
                : index != null && index.size() > 0 ? index.seqAt(Math.min(top, index.size() - 1)) : -1;
        index = new FaultIndex(log, filter);
        index.update();
        int row = anchor < 0 ? 0 : Math.max(0, index.nearestRow(anchor));
        top = selectedSeq >= 0 && index.rowOf(selectedSeq) >= 0 ? row - fullRows / 2 : row;
        showWindow();
    }

    /** The current filter. */
    public FaultFilter getFilter() {
        return filter;
    }

    /** Rows shown (faults passing the filter). */
    public int rowCount() {
        return index == null ? 0 : index.size();
    }

    /** The index of the rows (for tests and status lines), or null without input. */
    public FaultIndex getIndex() {
        return index;
    }

    /** When on, {@link #refresh()} keeps the newest fault in view if the table showed the end before. */
    public void setFollowTail(boolean follow) {
        followTail = follow;
    }

    /**
     * Select fault {@code seq} and scroll it into view (linked selection from another view).
     *
     * @param notify whether selection listeners hear about it
     * @return false when the fault is not among the rows (filtered out or dropped)
     */
    public boolean selectFault(long seq, boolean notify) {
        if (index == null || index.rowOf(seq) < 0) {
            return false;
        }
        selectRow(index.rowOf(seq), notify);
        return true;
    }

    /** The selected fault, or null. */
    public FaultRef getSelectedFault() {
        if (log == null || selectedSeq < log.firstSeq() || selectedSeq >= log.nextSeq()) {
            return null;
        }
        return FaultRef.of(log, selectedSeq);
    }

    /** Convenience listener for the selected fault (null when the selection is cleared). */
    public void addFaultListener(Consumer<FaultRef> listener) {
        addSelectionChangedListener(e -> listener.accept(getSelectedFault()));
    }

    /** How the VMA filter reads a name, perms or an address (see {@link FaultFilterBar#setVmaResolver}). */
    public void setVmaResolver(java.util.function.Function<String, long[]> resolver) {
        filterBar.setVmaResolver(resolver);
    }

    /** The filter bar's VMA field (for tests). */
    public org.eclipse.swt.widgets.Text vmaField() {
        return filterBar.vmaField();
    }

    /** The JFace viewer of the visible window (its items are not the rows: use the methods of this class). */
    public TableViewer getViewer() {
        return viewer;
    }

    /** Shows or hides the filter bar. */
    public void setFilterBarVisible(boolean visible) {
        filterBar.setVisible(visible);
        ((GridData) filterBar.getLayoutData()).exclude = !visible;
        layout(true);
    }

    /** Index of the first row shown (for tests). */
    public int topRow() {
        return top;
    }

    /** Scroll so that row {@code row} is the first shown. */
    public void scrollTo(int row) {
        top = row;
        showWindow();
    }

    // ISelectionProvider

    @Override
    public void addSelectionChangedListener(ISelectionChangedListener listener) {
        selectionListeners.add(listener);
    }

    @Override
    public void removeSelectionChangedListener(ISelectionChangedListener listener) {
        selectionListeners.remove(listener);
    }

    @Override
    public ISelection getSelection() {
        FaultRef ref = getSelectedFault();
        return ref == null ? StructuredSelection.EMPTY : new StructuredSelection(ref);
    }

    /** Accepts a selection of a {@link FaultRef} or a {@link Long} sequence number; notifies listeners. */
    @Override
    public void setSelection(ISelection selection) {
        if (selection instanceof IStructuredSelection ss && !ss.isEmpty()) {
            Object o = ss.getFirstElement();
            long seq = o instanceof FaultRef r ? r.seq() : o instanceof Long l ? l : -1;
            if (seq >= 0 && selectFault(seq, true)) {
                return;
            }
        }
        selectedSeq = -1;
        showWindow();
        fireSelection();
    }

    // ---------------------------------------------------------------------------------------------------------
    // the window

    /** Supplies the visible items: item i shows row top + i. */
    private final class WindowContentProvider implements ILazyContentProvider {
        @Override
        public void updateElement(int item) {
            int row = top + item;
            if (index != null && row < index.size()) {
                viewer.replace(index.seqAt(row), item);
            }
        }

        @Override
        public void inputChanged(Viewer v, Object oldInput, Object newInput) {
            // the rows come from the FaultIndex, not from the viewer input
        }
    }

    private void createColumns() {
        for (FaultColumn c : FaultColumn.values()) {
            TableViewerColumn vc = new TableViewerColumn(viewer, c.align());
            vc.getColumn().setText(c.title());
            vc.getColumn().setMoveable(true);
            vc.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    long seq = (Long) element;
                    return live(seq) ? c.text(log, seq) : "";
                }

                @Override
                public org.eclipse.swt.graphics.Font getFont(Object element) {
                    // per cell: the workbench's CSS may restyle the table's own font after it was measured
                    return JFaceResources.getTextFont();
                }

                @Override
                public Color getForeground(Object element) {
                    long seq = (Long) element;
                    if (c == FaultColumn.RESULT && live(seq) && (log.result(seq) & VmFaultResult.ERROR) != 0) {
                        return table.getDisplay().getSystemColor(SWT.COLOR_DARK_RED);
                    }
                    return null;
                }
            });
        }
    }

    private boolean live(long seq) {
        return log != null && seq >= log.firstSeq() && seq < log.nextSeq();
    }

    /** Widest name (in characters) the path and handler columns are sized for. */
    private static final int MAX_NAME_SAMPLE = 28;

    /** Size each column to its sample or its header, whichever is wider; path/handler to the longest name. */
    private void sizeColumns() {
        GC gc = new GC(table);
        try {
            gc.setFont(JFaceResources.getTextFont());
            int pad = gc.textExtent("MM").x;
            for (FaultColumn c : FaultColumn.values()) {
                String sample = c.sample();
                if (log != null && (c == FaultColumn.PATH || c == FaultColumn.HANDLER)) {
                    for (int id = 0; log.name(id) != null && id < 256; id++) {
                        if (log.name(id).length() > sample.length()) {
                            sample = log.name(id);
                        }
                    }
                    if (sample.length() > MAX_NAME_SAMPLE) { // longer names are cut; the rest stays in view
                        sample = sample.substring(0, MAX_NAME_SAMPLE);
                    }
                }
                int w = Math.max(gc.textExtent(sample).x, gc.textExtent(c.title()).x + pad / 2) + pad;
                table.getColumn(c.ordinal()).setWidth(w);
            }
        } finally {
            gc.dispose();
        }
    }

    private int visibleRows() {
        int itemHeight = table.getItemHeight();
        int h = table.getClientArea().height - table.getHeaderHeight();
        return Math.max(1, h / Math.max(1, itemHeight));
    }

    private void resized() {
        int rows = visibleRows();
        if (rows != fullRows) {
            fullRows = rows;
            showWindow();
        }
    }

    /** Bring items, selection, slider and status in line with top, the rows and the selection. */
    private void showWindow() {
        if (isDisposed()) {
            return;
        }
        int n = index == null ? 0 : index.size();
        top = Math.max(0, Math.min(top, n - fullRows));
        int items = Math.max(0, Math.min(fullRows + 1, n - top));
        table.setRedraw(false);
        try {
            if (table.getItemCount() != items) {
                if (items == 0) {
                    table.removeAll();
                } else {
                    viewer.setItemCount(items);
                }
            }
            table.clearAll(); // the virtual items ask updateElement again when painted
            int sel = selectedSeq >= 0 && index != null ? index.rowOf(selectedSeq) - top : -1;
            if (sel >= 0 && sel < items) {
                table.setSelection(sel);
            } else {
                table.deselectAll();
            }
        } finally {
            table.setRedraw(true);
        }
        slider.setValues(top, 0, Math.max(1, n), Math.max(1, Math.min(n, fullRows)), 1, Math.max(1, fullRows - 1));
        slider.setEnabled(n > fullRows);
        updateStatus();
    }

    private void updateStatus() {
        String text;
        if (log == null) {
            text = "No fault log";
        } else {
            int n = index.size();
            String rows = n == 0 ? "no rows" : "rows " + COUNT.format(top + 1L) + "\u2013"
                    + COUNT.format(Math.min(n, top + (long) fullRows)) + " of " + COUNT.format(n);
            text = rows + (filter.isAll() ? "" : "  (filtered from " + COUNT.format(log.size()) + " faults)")
                    + (log.firstSeq() > 0 ? "  \u00b7  seq < " + log.firstSeq() + " dropped (limit "
                            + COUNT.format(log.limit()) + ")" : "");
        }
        status.setText(text);
    }

    private void selectRow(int row, boolean notify) {
        int n = index.size();
        if (n == 0) {
            return;
        }
        row = Math.max(0, Math.min(n - 1, row));
        selectedSeq = index.seqAt(row);
        if (row < top) {
            top = row;
        } else if (row >= top + fullRows) {
            top = row - fullRows + 1;
        }
        showWindow();
        if (notify) {
            fireSelection();
        }
    }

    private void itemSelected() {
        int i = table.getSelectionIndex();
        if (index == null || i < 0 || top + i >= index.size()) {
            return;
        }
        selectRow(top + i, true); // also scrolls a half-visible last item into full view
    }

    private void keyDown(Event e) {
        if (index == null || index.size() == 0) {
            return;
        }
        int cur = selectedSeq >= 0 ? index.rowOf(selectedSeq) : -1;
        int row = switch (e.keyCode) {
            case SWT.ARROW_UP -> cur < 0 ? top : cur - 1;
            case SWT.ARROW_DOWN -> cur < 0 ? top : cur + 1;
            case SWT.PAGE_UP -> (cur < 0 ? top : cur) - Math.max(1, fullRows - 1);
            case SWT.PAGE_DOWN -> (cur < 0 ? top : cur) + Math.max(1, fullRows - 1);
            case SWT.HOME -> 0;
            case SWT.END -> index.size() - 1;
            default -> Integer.MIN_VALUE;
        };
        if (row == Integer.MIN_VALUE) {
            return;
        }
        e.doit = false;
        selectRow(row, true);
    }

    private void wheel(Event e) {
        e.doit = false;
        if (e.count == 0) {
            return;
        }
        scrollTo(top - e.count);
    }

    private void fireSelection() {
        SelectionChangedEvent ev = new SelectionChangedEvent(this, getSelection());
        for (ISelectionChangedListener l : selectionListeners) {
            l.selectionChanged(ev);
        }
    }

    /** Column of a header (for tests). */
    TableColumn column(FaultColumn c) {
        return table.getColumn(c.ordinal());
    }
}
