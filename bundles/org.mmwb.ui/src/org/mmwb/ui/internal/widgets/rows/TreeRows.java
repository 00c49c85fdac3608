package org.mmwb.ui.internal.widgets.rows;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of a tree as a {@link RowWindow} lists them: each open node's children below it. Only open nodes are
 * kept (children are read from the {@link Model} when their row is shown), so opening a node of a million children
 * costs nothing per child, and finding a row or a path's row costs the open nodes above it, not the rows.
 */
public final class TreeRows {

    /** The tree, read on demand. */
    public interface Model {
        /** The number of children of {@code parent} (null: the top level). */
        int childCount(Object parent);

        /** Child {@code index} of {@code parent} (null: the top level). */
        Object child(Object parent, int index);
    }

    /**
     * One row.
     *
     * @param element     what it shows
     * @param path        child indices from the top level down to it
     * @param open        whether its children are listed below it
     * @param hasChildren whether it has any
     */
    public record Row(Object element, int[] path, boolean open, boolean hasChildren) {
        /** 0 for the top level. */
        public int depth() {
            return path.length - 1;
        }
    }

    /** An open node: its children and, among them, the open ones by index. */
    private static final class Node {
        final Node parent;
        final Object element;
        final int count;
        /** Rows below this node: its children and the rows of its open children. */
        int rows;
        final TreeMap<Integer, Node> open = new TreeMap<>();

        Node(Node parent, Object element, int count) {
            this.parent = parent;
            this.element = element;
            this.count = count;
            this.rows = count;
        }
    }

    private final Model model;
    private final Node root;

    /** The top level of {@code model}, nothing open. */
    public TreeRows(Model model) {
        this.model = model;
        this.root = new Node(null, null, model.childCount(null));
    }

    /** The number of rows. */
    public int size() {
        return root.rows;
    }

    /** Row {@code r} (0 &lt;= r &lt; size()). */
    public Row row(int r) {
        Node n = root;
        int[] path = new int[4];
        int depth = 0;
        descend: while (true) {
            int skipped = 0; // rows of the open children before the one sought
            for (Map.Entry<Integer, Node> e : n.open.entrySet()) {
                int pos = e.getKey() + skipped;
                if (r < pos) {
                    break;
                }
                Node child = e.getValue();
                if (r <= pos + child.rows) {
                    path = push(path, depth++, e.getKey());
                    if (r == pos) {
                        return new Row(child.element, Arrays.copyOf(path, depth), true, child.count > 0);
                    }
                    r -= pos + 1;
                    n = child;
                    continue descend;
                }
                skipped += child.rows;
            }
            int index = r - skipped;
            path = push(path, depth++, index);
            Object element = model.child(n.element, index);
            return new Row(element, Arrays.copyOf(path, depth), false, model.childCount(element) > 0);
        }
    }

    private static int[] push(int[] path, int at, int index) {
        int[] p = at < path.length ? path : Arrays.copyOf(path, path.length * 2);
        p[at] = index;
        return p;
    }

    /** The row of {@code path}, or -1 when it names no child or a node above it is closed. */
    public int rowOf(int[] path) {
        Node n = root;
        int row = -1;
        for (int k = 0; k < path.length; k++) {
            int i = path[k];
            if (n == null || i < 0 || i >= n.count) {
                return -1;
            }
            row += 1 + i;
            for (Node before : n.open.headMap(i).values()) {
                row += before.rows;
            }
            n = n.open.get(i);
        }
        return row;
    }

    /** Opens every node along {@code path} (the last one included when {@code last}); false if it names none. */
    public boolean open(int[] path, boolean last) {
        Node n = root;
        int upTo = last ? path.length : path.length - 1;
        for (int k = 0; k < upTo; k++) {
            int i = path[k];
            if (i < 0 || i >= n.count) {
                return false;
            }
            Node child = n.open.get(i);
            if (child == null) {
                Object element = model.child(n.element, i);
                child = new Node(n, element, model.childCount(element));
                n.open.put(i, child);
                for (Node p = n; p != null; p = p.parent) {
                    p.rows += child.rows;
                }
            }
            n = child;
        }
        return true;
    }

    /** Closes the node of {@code path} (its open descendants are forgotten). */
    public void close(int[] path) {
        Node n = root;
        for (int k = 0; k < path.length - 1 && n != null; k++) {
            n = n.open.get(path[k]);
        }
        Node gone = n == null || path.length == 0 ? null : n.open.remove(path[path.length - 1]);
        if (gone != null) {
            for (Node p = n; p != null; p = p.parent) {
                p.rows -= gone.rows;
            }
        }
    }
}
