package org.mmwb.ui.internal.widgets.faultlog;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.mmwb.core.mm.ReadOnlyFaultLog;
import org.mmwb.core.mm.VmFaultResult;
import org.mmwb.ui.internal.widgets.Grids;
import org.mmwb.ui.internal.widgets.SelectionRelay;
import org.mmwb.ui.internal.widgets.rows.RowWindow;

/**
 * The fault log as a table that stays fast with millions of faults: a {@link RowWindow} (only the visible rows
 * exist as items) over a {@link FaultIndex} (a primitive array of matching fault offsets, or nothing when
 * unfiltered); a cell's text is read from the {@link ReadOnlyFaultLog}'s columns when painted. No object exists per row.
 *
 * <p>Selection is a fault sequence number; listeners get a {@link FaultRef}, the single element of the
 * {@link #selectionProvider()}'s selection (a view makes it its site's selection provider).
 *
 * <p>Wiring: {@link #setInput(ReadOnlyFaultLog)} once, {@link #refresh()} after the engine appended faults (UI thread,
 * engine idle), {@link #setFilter(FaultFilter)} from the filter bar or a command.
 */
public final class FaultLogTable extends Composite {

    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.ROOT);

    private final FaultFilterBar filterBar;
    private final RowWindow window;
    private final Table table;
    private final Label status;
    private final SelectionRelay relay = new SelectionRelay();
    private final RowWindow.Rows rows = new RowWindow.Rows() {
        @Override
        public int size() {
            return index == null ? 0 : index.size();
        }

        @Override
        public void fill(TableItem item, int row) {
            long seq = index.seqAt(row);
            if (!live(seq)) {
                return;
            }
            // per item: the workbench's CSS may restyle the table's own font after it was measured
            item.setFont(JFaceResources.getTextFont());
            for (FaultColumn c : FaultColumn.values()) {
                item.setText(c.ordinal(), c.text(log, seq));
            }
            if ((log.result(seq) & VmFaultResult.ERROR) != 0) {
                item.setForeground(FaultColumn.RESULT.ordinal(), table.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            }
        }
    };

    private ReadOnlyFaultLog log;
    private FaultIndex index;
    private FaultFilter filter = FaultFilter.ALL;
    private long selectedSeq = -1;
    private boolean followTail;

    /** Creates the table with its filter bar and status line; call {@link #setInput(ReadOnlyFaultLog)} to fill it. */
    public FaultLogTable(Composite parent, int style) {
        super(parent, style);
        GridLayout gl = Grids.flush(1);
        gl.verticalSpacing = 2;
        setLayout(gl);

        filterBar = new FaultFilterBar(this, this);
        filterBar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        window = new RowWindow(this, SWT.NONE, SWT.BORDER);
        window.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table = window.getTable();
        createColumns();
        window.addSelectListener(row -> {
            selectedSeq = index.seqAt(row);
            updateStatus();
            fireSelection();
        });
        window.addScrollListener(this::updateStatus);

        status = new Label(this, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        setTabList(new Control[] {filterBar, window});
        updateStatus();
    }

    // ---------------------------------------------------------------------------------------------------------
    // API the view wires to the session

    /** Shows {@code log} (null for none), unfiltered state kept: the current filter applies to the new log. */
    public void setInput(ReadOnlyFaultLog newLog) {
        log = newLog;
        selectedSeq = -1;
        selectionChanged(false);
        index = log == null ? null : new FaultIndex(log, filter);
        if (index != null) {
            index.update();
        }
        filterBar.logChanged(log);
        sizeColumns();
        window.setRows(rows, 0, -1);
        updateStatus();
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
        int top = window.top();
        boolean atEnd = top + window.pageRows() >= index.size();
        long topSeq = index.size() > 0 ? index.seqAt(Math.min(top, index.size() - 1)) : -1;
        index.update();
        filterBar.logChanged(log);
        int n = index.size();
        if (followTail && atEnd) {
            top = Math.max(0, n - window.pageRows());
        } else if (topSeq >= 0) {
            top = Math.max(0, index.nearestRow(topSeq)); // rows shift when the log drops old faults
        }
        showRows(top);
    }

    /** Filter the rows; the fault at the top (or the selected one, if still shown) stays in view. */
    public void setFilter(FaultFilter newFilter) {
        filter = newFilter == null ? FaultFilter.ALL : newFilter;
        filterBar.show(filter);
        if (log == null) {
            return;
        }
        int top = window.top();
        long anchor = selectedSeq >= 0 ? selectedSeq
                : index != null && index.size() > 0 ? index.seqAt(Math.min(top, index.size() - 1)) : -1;
        index = new FaultIndex(log, filter);
        index.update();
        int row = anchor < 0 ? 0 : Math.max(0, index.nearestRow(anchor));
        showRows(selectedSeq >= 0 && index.rowOf(selectedSeq) >= 0 ? row - window.pageRows() / 2 : row);
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
        selectedSeq = seq;
        window.select(index.rowOf(seq));
        updateStatus();
        selectionChanged(notify);
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
        relay.addSelectionChangedListener(e -> listener.accept(getSelectedFault()));
    }

    /** How the VMA filter reads a name, perms or an address (see {@link FaultFilterBar#setVmaResolver}). */
    public void setVmaResolver(java.util.function.Function<String, long[]> resolver) {
        filterBar.setVmaResolver(resolver);
    }

    /** The filter bar's VMA field (for tests). */
    public org.eclipse.swt.widgets.Text vmaField() {
        return filterBar.vmaField();
    }

    /** The table of the visible window (its items are not the rows: use the methods of this class). */
    public Table getTable() {
        return table;
    }

    /** Shows or hides the filter bar. */
    public void setFilterBarVisible(boolean visible) {
        filterBar.setVisible(visible);
        ((GridData) filterBar.getLayoutData()).exclude = !visible;
        layout(true);
    }

    /** Index of the first row shown (for tests). */
    public int topRow() {
        return window.top();
    }

    /** Scroll so that row {@code row} is the first shown. */
    public void scrollTo(int row) {
        window.scrollTo(row);
    }

    /**
     * The selection provider of the table (a view makes it its site's): its selection is the selected fault as a
     * {@link FaultRef}, and its listeners hear of every fault the user selects.
     */
    public ISelectionProvider selectionProvider() {
        return relay;
    }

    // ---------------------------------------------------------------------------------------------------------

    private void createColumns() {
        for (FaultColumn c : FaultColumn.values()) {
            TableColumn tc = new TableColumn(table, c.align());
            tc.setText(c.title());
            tc.setMoveable(true);
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
                // ip and function only for a recording's faults: hidden (no width, not resizable) otherwise
                table.getColumn(c.ordinal()).setWidth(c.appliesTo(log) ? w : 0);
                table.getColumn(c.ordinal()).setResizable(c.appliesTo(log));
            }
        } finally {
            gc.dispose();
        }
        // a recording's ip and function next to the address they caused the fault at
        int[] order = new int[FaultColumn.values().length];
        int k = 0;
        for (FaultColumn c : FaultColumn.values()) {
            if (c != FaultColumn.IP && c != FaultColumn.FUNCTION) {
                order[k++] = c.ordinal();
            }
            if (c == FaultColumn.ACCESS) {
                order[k++] = FaultColumn.IP.ordinal();
                order[k++] = FaultColumn.FUNCTION.ordinal();
            }
        }
        table.setColumnOrder(order);
    }

    /** Shows the rows from {@code top}, the selected fault selected if it is among them. */
    private void showRows(int top) {
        window.setRows(rows, top, selectedSeq >= 0 && index != null ? index.rowOf(selectedSeq) : -1);
        updateStatus();
    }

    private void updateStatus() {
        String text;
        if (log == null) {
            text = "No fault log";
        } else {
            int n = index.size();
            int top = window.top();
            String shown = n == 0 ? "no rows" : "rows " + COUNT.format(top + 1L) + "\u2013"
                    + COUNT.format(Math.min(n, top + (long) window.pageRows())) + " of " + COUNT.format(n);
            text = shown + (filter.isAll() ? "" : "  (filtered from " + COUNT.format(log.size()) + " faults)")
                    + (log.firstSeq() > 0 ? "  \u00b7  seq < " + log.firstSeq() + " dropped (limit "
                            + COUNT.format(log.limit()) + ")" : "");
        }
        status.setText(text);
    }

    private void fireSelection() {
        relay.fire(getSelectedFault());
    }

    /** The relay's selection follows the table's, told or not. */
    private void selectionChanged(boolean notify) {
        if (notify) {
            fireSelection();
        } else {
            FaultRef ref = getSelectedFault();
            relay.setSelection(ref == null ? null : new StructuredSelection(ref));
        }
    }

    /** Column of a header (for tests). */
    TableColumn column(FaultColumn c) {
        return table.getColumn(c.ordinal());
    }
}
