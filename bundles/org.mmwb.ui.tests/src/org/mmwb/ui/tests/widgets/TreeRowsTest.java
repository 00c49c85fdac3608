package org.mmwb.ui.tests.widgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mmwb.ui.internal.widgets.rows.TreeRows;

/** The rows of a tree with open nodes, against the same tree flattened the obvious way. */
class TreeRowsTest {

    /** Node "a/b/c" has children "a/b/c/0" ...; how many depends on the name (a few, or none, or 100,000). */
    private static final TreeRows.Model MODEL = new TreeRows.Model() {
        @Override
        public int childCount(Object parent) {
            if (parent == null) {
                return 7;
            }
            String p = (String) parent;
            int depth = p.split("/").length;
            return depth >= 4 ? 0 : p.equals("3") ? 100_000 : Math.abs(p.hashCode()) % 5;
        }

        @Override
        public Object child(Object parent, int index) {
            return parent == null ? Integer.toString(index) : parent + "/" + index;
        }
    };

    /** The flattening every row must agree with: depth first, children of open nodes after them. */
    private static void flatten(Object parent, Set<String> open, List<String> out) {
        for (int i = 0; i < MODEL.childCount(parent); i++) {
            String child = (String) MODEL.child(parent, i);
            out.add(child);
            if (open.contains(child)) {
                flatten(child, open, out);
            }
        }
    }

    private static int[] path(String element) {
        return Arrays.stream(element.split("/")).mapToInt(Integer::parseInt).toArray();
    }

    @Test
    void rowsAndPathsAgreeWithTheFlatTreeWhileNodesOpenAndClose() {
        Random rnd = new Random(42);
        TreeRows rows = new TreeRows(MODEL);
        Set<String> open = new HashSet<>();
        for (int round = 0; round < 200; round++) {
            List<String> flat = new ArrayList<>();
            flatten(null, open, flat);
            assertEquals(flat.size(), rows.size(), "rows after round " + round);
            // every row near the open nodes, and random ones
            for (int k = 0; k < 60; k++) {
                int r = k < 30 ? Math.min(flat.size() - 1, k) : rnd.nextInt(flat.size());
                TreeRows.Row row = rows.row(r);
                assertEquals(flat.get(r), row.element(), "row " + r);
                assertArrayEquals(path(flat.get(r)), row.path());
                assertEquals(open.contains(flat.get(r)), row.open());
                assertEquals(MODEL.childCount(flat.get(r)) > 0, row.hasChildren());
                assertEquals(r, rows.rowOf(row.path()), "rowOf(path of row " + r + ")");
            }
            // open or close a random node that has children, or one below a closed node (opens its parents)
            String picked = flat.get(rnd.nextInt(flat.size()));
            String e = rnd.nextInt(5) == 0 && MODEL.childCount(picked) > 0 ? picked + "/0" : picked;
            if (MODEL.childCount(e) == 0) {
                continue;
            }
            if (open.contains(e)) {
                rows.close(path(e));
                open.removeIf(o -> o.equals(e) || o.startsWith(e + "/"));
            } else {
                assertTrue(rows.open(path(e), true));
                String[] parts = e.split("/");
                for (int i = 1; i <= parts.length; i++) {
                    open.add(String.join("/", Arrays.copyOf(parts, i)));
                }
            }
        }
    }

    @Test
    void aPathBelowAClosedNodeHasNoRow() {
        TreeRows rows = new TreeRows(MODEL);
        assertEquals(-1, rows.rowOf(new int[] {3, 5}));
        assertEquals(-1, rows.rowOf(new int[] {9}), "no such child");
        assertFalse(rows.open(new int[] {9}, true));
        assertTrue(rows.open(new int[] {3}, true));
        assertEquals(7 + 100_000, rows.size(), "a node of 100,000 children opens at once");
        assertEquals(4 + 99_999, rows.rowOf(new int[] {3, 99_999}));
        assertEquals("4", rows.row(4 + 100_000).element());
    }
}
