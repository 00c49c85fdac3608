package org.mmwb.ui.internal.widgets.rows;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

import org.eclipse.core.runtime.ListenerList;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * A tree of any size as a table: {@link TreeRows} over a {@link RowWindow}, so that only the rows on screen
 * exist as items whatever the number of nodes and children. The first column is indented by depth and carries the
 * open/closed mark; a click on the mark, Right/Left or {@link #open} open and close a node. The selection is a
 * path of child indices (it stays on its element when nodes above it open or close).
 */
public final class TreeTable extends Composite {

    /** Cell texts and looks of the elements. */
    public interface Labels {
        /** The text of {@code element} in {@code column}. */
        String text(Object element, int column);

        /** The row's font, null for the text font. */
        default Font font(Object element) {
            return null;
        }

        /** A cell's colour, null for the default. */
        default Color foreground(Object element, int column) {
            return null;
        }

        /** The row's background, null for the default. */
        default Color background(Object element) {
            return null;
        }

        /** A cell's tool tip, or null. */
        default String tooltip(Object element, int column) {
            return null;
        }
    }

    private static final String OPEN = "\u25be ";
    private static final String CLOSED = "\u25b8 ";
    private static final String LEAF = "  ";
    private static final String INDENT = "  ";

    private final RowWindow window;
    private final Table table;
    private final ListenerList<Consumer<Object>> selectListeners = new ListenerList<>();
    private final ListenerList<Consumer<Object>> openListeners = new ListenerList<>();
    private TreeRows tree = new TreeRows(new TreeRows.Model() {
        @Override
        public int childCount(Object parent) {
            return 0;
        }

        @Override
        public Object child(Object parent, int index) {
            return null;
        }
    });
    private Labels labels = (e, c) -> "";
    private int[] selected;

    /** An empty tree table; {@code tableStyle} is added to the table's (e.g. {@code SWT.BORDER}). */
    public TreeTable(Composite parent, int style, int tableStyle) {
        super(parent, style);
        setLayout(new FillLayout());
        window = new RowWindow(this, SWT.NONE, tableStyle);
        table = window.getTable();
        window.addSelectListener(row -> {
            selected = tree.row(row).path();
            fire(selectListeners, selection());
        });
        window.addOpenListener(row -> fire(openListeners, selection()));
        table.addListener(SWT.MouseDown, this::mouseDown);
        table.addListener(SWT.KeyDown, this::keyDown);
        table.addListener(SWT.MouseHover, this::hover);
    }

    /** Adds a column as wide as {@code sample} or {@code title} in the text font, whichever is wider. */
    public TableColumn addColumn(String title, String sample, int align) {
        TableColumn c = new TableColumn(table, align);
        c.setText(title);
        GC gc = new GC(table);
        try {
            gc.setFont(JFaceResources.getTextFont());
            c.setWidth(Math.max(gc.textExtent(sample).x, gc.textExtent(title).x) + gc.textExtent("MM").x);
        } finally {
            gc.dispose();
        }
        return c;
    }

    /** Shows {@code model}: nothing open, nothing selected, the first row at the top. */
    public void setInput(TreeRows.Model model, Labels l) {
        tree = new TreeRows(model);
        labels = l;
        selected = null;
        window.setRows(rows, 0, -1);
    }

    /** Opens the node of {@code path} (and the nodes above it). */
    public void open(int... path) {
        if (tree.open(path, true)) {
            show(window.top());
        }
    }

    /** Closes the node of {@code path}. */
    public void close(int... path) {
        tree.close(path);
        show(window.top());
    }

    /**
     * Selects the element of {@code path} (null: nothing), opening the nodes above it and scrolling it into view.
     *
     * @param notify whether the selection listeners are told
     * @return whether the path names a row
     */
    public boolean select(int[] path, boolean notify) {
        if (path != null && !tree.open(path, false)) {
            path = null;
        }
        selected = path == null || tree.rowOf(path) < 0 ? null : path.clone();
        window.setRows(rows, window.top(), -1);
        window.select(selected == null ? -1 : tree.rowOf(selected));
        if (notify) {
            fire(selectListeners, selection());
        }
        return selected != null;
    }

    /** The selected element, or null. */
    public Object selection() {
        int r = selected == null ? -1 : tree.rowOf(selected);
        return r < 0 ? null : tree.row(r).element();
    }

    /** The path of the selected element, or null. */
    public int[] selectionPath() {
        return selected == null ? null : selected.clone();
    }

    /** Told the element the user selected (null for none). */
    public void addSelectListener(Consumer<Object> l) {
        selectListeners.add(l);
    }

    /** Told the element the user opened (double-click, Enter). */
    public void addOpenListener(Consumer<Object> l) {
        openListeners.add(l);
    }

    /** Scrolls so that {@code row} is the first shown. */
    public void scrollTo(int row) {
        window.scrollTo(row);
    }

    /** The number of rows (open nodes' children included). */
    public int rowCount() {
        return tree.size();
    }

    /** Row {@code r}. */
    public TreeRows.Row row(int r) {
        return tree.row(r);
    }

    /** The text of row {@code r} in {@code column} as shown (the first column with its indent and mark). */
    public String text(int r, int column) {
        TreeRows.Row row = tree.row(r);
        String t = labels.text(row.element(), column);
        return column == 0 ? prefix(row) + t : t;
    }

    /** The first row shown. */
    public int topRow() {
        return window.top();
    }

    /** The table of the visible window (its items are not the rows: use the methods of this class). */
    public Table getTable() {
        return table;
    }

    // ---------------------------------------------------------------------------------------------------------

    private final RowWindow.Rows rows = new RowWindow.Rows() {
        @Override
        public int size() {
            return tree.size();
        }

        @Override
        public void fill(TableItem item, int r) {
            TreeRows.Row row = tree.row(r);
            Object e = row.element();
            Font f = labels.font(e);
            item.setFont(f != null ? f : JFaceResources.getTextFont());
            Color bg = labels.background(e);
            if (bg != null) {
                item.setBackground(bg);
            }
            for (int c = 0; c < table.getColumnCount(); c++) {
                String t = labels.text(e, c);
                item.setText(c, c == 0 ? prefix(row) + t : t);
                Color fg = labels.foreground(e, c);
                if (fg != null) {
                    item.setForeground(c, fg);
                }
            }
        }
    };

    private static String prefix(TreeRows.Row row) {
        return INDENT.repeat(row.depth()) + (!row.hasChildren() ? LEAF : row.open() ? OPEN : CLOSED);
    }

    /** Re-shows the rows from {@code top}, the selected element selected wherever its row now is. */
    private void show(int top) {
        window.setRows(rows, top, selected == null ? -1 : tree.rowOf(selected));
    }

    private void toggle(TreeRows.Row row) {
        if (row.open()) {
            close(row.path());
        } else if (row.hasChildren()) {
            open(row.path());
        }
    }

    /** Opens the node of {@code path} if it is closed, closes it if it is open. */
    public void toggle(int... path) {
        int r = path == null ? -1 : tree.rowOf(path);
        if (r >= 0) {
            toggle(tree.row(r));
        }
    }

    private void mouseDown(Event e) {
        if (e.button != 1) {
            return;
        }
        TableItem item = table.getItem(new Point(e.x, e.y));
        if (item == null) {
            return;
        }
        int r = window.top() + table.indexOf(item);
        if (r >= tree.size()) {
            return;
        }
        TreeRows.Row row = tree.row(r);
        GC gc = new GC(table);
        int markEnd;
        try {
            gc.setFont(item.getFont());
            markEnd = item.getBounds(0).x + gc.textExtent(prefix(row)).x + 4;
        } finally {
            gc.dispose();
        }
        if (row.hasChildren() && e.x < markEnd) {
            toggle(row);
        }
    }

    private void keyDown(Event e) {
        int r = window.selection();
        if (r < 0 || (e.keyCode != SWT.ARROW_RIGHT && e.keyCode != SWT.ARROW_LEFT)) {
            return;
        }
        e.doit = false;
        TreeRows.Row row = tree.row(r);
        if (e.keyCode == SWT.ARROW_RIGHT && row.hasChildren() && !row.open()) {
            open(row.path());
        } else if (e.keyCode == SWT.ARROW_LEFT && row.open()) {
            close(row.path());
        } else if (e.keyCode == SWT.ARROW_LEFT && row.depth() > 0) {
            select(Arrays.copyOf(row.path(), row.depth()), true); // to the parent
        }
    }

    private void hover(Event e) {
        TableItem item = table.getItem(new Point(e.x, e.y));
        String tip = null;
        if (item != null && window.top() + table.indexOf(item) < tree.size()) {
            Object element = tree.row(window.top() + table.indexOf(item)).element();
            for (int c = 0; c < table.getColumnCount(); c++) {
                if (item.getBounds(c).contains(e.x, e.y)) {
                    tip = labels.tooltip(element, c);
                }
            }
        }
        if (!Objects.equals(tip, table.getToolTipText())) { // setting it again makes GTK show it again: a loop
            table.setToolTipText(tip);
        }
    }

    private static void fire(ListenerList<Consumer<Object>> listeners, Object element) {
        for (Consumer<Object> l : listeners) {
            l.accept(element);
        }
    }
}
