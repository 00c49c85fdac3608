package org.mmwb.ui.internal.widgets.pgtable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.mmwb.core.mm.PageTableView;
import org.mmwb.core.internal.pgtable.Pte;

/**
 * The page tables of one mm as a lazy tree: only populated entries are shown, and a table's entries are read
 * when its parent is expanded (nothing is copied out of the page table's primitive arrays beforehand).
 * Columns: level, index, VA range, raw entry, decoded bits ({@link Pte#decode}), PFN.
 *
 * <p>{@link #revealAddress(long)} walks one address like crash's {@code vtop}: it expands the tree level by
 * level, selects the deepest entry met, shows the walk in bold and says in the line above the tree where and why
 * the walk stopped (empty entry, huge leaf, non-present entry, or the PTE).
 */
public final class PageTableTree extends Composite {
    /** 4 KiB pages. */
    private static final int PAGE_SHIFT = 12;

    private static final String[] TITLES = {"level", "index", "VA range", "raw entry", "decoded", "PFN"};
    private static final String[] SAMPLES = {"PGD", "511", "0x7ffffffff000\u20130x800000000000", "0x8000000123456067",
        "P RW US A D SD NX pfn=0x1000000005", "0x1000000005 (table)"};

    private final Text address;
    private final Label walkLine;
    private final TreeViewer viewer;
    private final Font bold;
    private PageTableView pt;
    private final Set<PtEntry> walk = new HashSet<>();
    private final Text details;
    private java.util.function.LongFunction<String> inspector = va -> "";

    /** Creates the tree with its "go to address" line; call {@link #setInput(PageTableView)}. */
    public PageTableTree(Composite parent, int style) {
        super(parent, style);
        GridLayout gl = new GridLayout(3, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        setLayout(gl);

        Label l = new Label(this, SWT.NONE);
        l.setText("Go to address:");
        address = new Text(this, SWT.BORDER | SWT.SINGLE);
        address.setMessage("0x7f...  (Enter walks it like crash vtop)");
        address.setFont(JFaceResources.getTextFont());
        GridData ad = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        GC gc = new GC(address);
        ad.widthHint = gc.textExtent("0xffffffffff600000__").x;
        gc.dispose();
        address.setLayoutData(ad);
        address.addListener(SWT.DefaultSelection, e -> goToTyped());
        Button go = new Button(this, SWT.PUSH);
        go.setText("vtop");
        go.addListener(SWT.Selection, e -> goToTyped());

        walkLine = new Label(this, SWT.WRAP);
        walkLine.setFont(JFaceResources.getTextFont());
        walkLine.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));

        org.eclipse.swt.custom.SashForm sash = new org.eclipse.swt.custom.SashForm(this, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        viewer = new TreeViewer(sash, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.H_SCROLL | SWT.V_SCROLL);
        viewer.getTree().setHeaderVisible(true);
        viewer.getTree().setLinesVisible(true);
        viewer.getTree().setFont(JFaceResources.getTextFont());
        viewer.setUseHashlookup(true);
        bold = JFaceResources.getFontRegistry().getBold(JFaceResources.TEXT_FONT);
        viewer.setContentProvider(new Content());
        gc = new GC(viewer.getTree());
        gc.setFont(viewer.getTree().getFont());
        for (int c = 0; c < TITLES.length; c++) {
            TreeViewerColumn col = new TreeViewerColumn(viewer, c == 1 ? SWT.RIGHT : SWT.LEFT);
            col.getColumn().setText(TITLES[c]);
            // the first column also holds the tree's indentation: one step per level below the pgd
            col.getColumn().setWidth(gc.textExtent(SAMPLES[c]).x + (c == 0 ? 5 * 28 + 24 : 24));
            int column = c;
            col.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return text((PtEntry) element, column);
                }

                @Override
                public Font getFont(Object element) {
                    return walk.contains(element) ? bold : null;
                }
            });
        }
        gc.dispose();
        details = new Text(sash, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.H_SCROLL | SWT.V_SCROLL);
        details.setFont(JFaceResources.getTextFont());
        details.setMessage("vtop an address (or select a fault or VMA): the walk, the VMA and the page appear here");
        sash.setWeights(55, 45);
        walkLine.setText(" ");
    }

    /** What to show below the tree for a walked address (crash's vtop / kmem -p text). */
    public void setInspector(java.util.function.LongFunction<String> f) {
        inspector = f == null ? va -> "" : f;
    }

    /** The inspector text (for tests). */
    public String details() {
        return details.getText();
    }

    // ---------------------------------------------------------------------------------------------------------
    // API the view wires to the session

    /** Shows the page tables {@code table} (null for none). */
    public void setInput(PageTableView table) {
        pt = table;
        walk.clear();
        details.setText("");
        viewer.setInput(table);
        walkLine.setText(table == null ? "No page tables" : table.levels() + "-level page tables, "
                + table.tablePages() + " table pages");
        layout(true); // a walk's lines before may have made the line taller than this one
    }

    /** Re-read the tables after the engine changed them, keeping expanded nodes open where they still exist. */
    public void refresh() {
        Object[] expanded = viewer.getExpandedElements();
        viewer.refresh();
        viewer.setExpandedElements(expanded);
    }

    /**
     * Walk {@code va} like crash's {@code vtop}: expand level by level, select the deepest entry, show the walk.
     *
     * @return the deepest populated entry met, or null when even the pgd entry is empty
     */
    public PtEntry revealAddress(long va) {
        if (pt == null) {
            return null;
        }
        walk.clear();
        int vaBits = pt.levels() == 5 ? 57 : 48;
        long top = va >> (vaBits - 1);
        if (top != 0 && top != -1) { // the MMU raises #GP: there is no walk to show
            walkLine.setText("vtop " + hex(va) + ":  non-canonical (bits 63.." + (vaBits - 1)
                    + " are not all equal): the CPU does not walk it\n\u21b3 see below");
            String d = inspector.apply(va);
            details.setText(d == null ? "" : d);
            viewer.setSelection(StructuredSelection.EMPTY);
            layout(true);
            return null;
        }
        List<PtEntry> path = new ArrayList<>();
        long[] out = new long[pt.levels()];
        int n = pt.walk(va, out);
        StringBuilder sb = new StringBuilder("vtop ").append(hex(va)).append(":  ");
        PtEntry parent = null;
        int table = pt.root();
        String stop = null;
        for (int d = 0; d < n; d++) {
            int idx = (int) (va >>> shift(d)) & 511;
            long e = out[d];
            String name = Levels.name(pt.levels(), d);
            if (d > 0) {
                sb.append("  \u2192  ");
            }
            sb.append(name).append('[').append(idx).append(']');
            if (e == 0) {
                stop = "walk stops at " + name + " entry " + idx + ": empty (none); see below for the address";
                break;
            }
            PtEntry pe = new PtEntry(parent, table, idx, d, entryVa(parent, idx, d));
            path.add(pe);
            parent = pe;
            if (d == pt.levels() - 1) {
                sb.append(' ').append(Pte.decode(e));
                stop = Pte.present(e) ? "walk complete: physical address " + hex((Pte.pfn(e) << 12) | (va & 0xfff))
                        : "walk stops at the PTE: not present (" + Pte.decode(e) + ")";
            } else if ((e & Pte.PSE) != 0) {
                int shift = shift(d);
                sb.append(' ').append(Pte.decode(e));
                stop = "walk stops at a huge " + name + " leaf (2 MiB page): physical address " + hex((Pte.pmdPfn(e) << 12) | (va & ((1L << shift) - 1)));
            } else if ((e & Pte.PRESENT) == 0) {
                stop = "walk stops at " + name + " entry " + idx + ": not present (" + Pte.decode(e) + ")";
            }
            table = pt.child(table, idx);
            if (table < 0) {
                break;
            }
        }
        walk.addAll(path);
        walkLine.setText(sb.append("\n").append(stop == null ? "" : "\u21b3 " + stop).toString());
        String d = inspector.apply(va);
        details.setText(d == null ? "" : d);
        layout(true);
        if (path.isEmpty()) {
            viewer.setSelection(StructuredSelection.EMPTY);
            viewer.refresh();
            return null;
        }
        PtEntry deepest = path.get(path.size() - 1);
        viewer.collapseAll(); // only this walk stays open, like vtop's output
        for (PtEntry p : path.subList(0, path.size() - 1)) {
            viewer.setExpandedState(p, true);
        }
        viewer.refresh(); // bold path
        viewer.setSelection(new StructuredSelection(deepest), true);
        return deepest;
    }

    /** The selected entry, or null. */
    public PtEntry getSelectedEntry() {
        Object o = viewer.getStructuredSelection().getFirstElement();
        return o instanceof PtEntry p ? p : null;
    }

    /** Listener for the selected entry (null when cleared). */
    public void addEntryListener(Consumer<PtEntry> l) {
        viewer.addSelectionChangedListener(e -> l.accept(
                (PtEntry) ((IStructuredSelection) e.getSelection()).getFirstElement()));
    }

    /** The JFace viewer (selection provider for the view's site). */
    public TreeViewer getViewer() {
        return viewer;
    }

    /** The raw value of a node's entry. */
    public long rawEntry(PtEntry e) {
        return pt.entry(e.table(), e.index());
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Children of a node: the populated entries of the table it points to. */
    private final class Content implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return pt == null ? new Object[0] : entries(null, pt.root(), 0);
        }

        @Override
        public Object[] getChildren(Object parent) {
            PtEntry p = (PtEntry) parent;
            int t = pt.child(p.table(), p.index());
            return t < 0 ? new Object[0] : entries(p, t, p.depth() + 1);
        }

        @Override
        public Object getParent(Object element) {
            return ((PtEntry) element).parent();
        }

        @Override
        public boolean hasChildren(Object element) {
            PtEntry p = (PtEntry) element;
            int t = pt.child(p.table(), p.index());
            if (t < 0) {
                return false;
            }
            for (int i = 0; i < 512; i++) {
                if (pt.entry(t, i) != 0) {
                    return true;
                }
            }
            return false;
        }
    }

    private PtEntry[] entries(PtEntry parent, int table, int depth) {
        List<PtEntry> out = new ArrayList<>();
        for (int i = 0; i < 512; i++) {
            if (pt.entry(table, i) != 0) {
                out.add(new PtEntry(parent, table, i, depth, entryVa(parent, i, depth)));
            }
        }
        return out.toArray(PtEntry[]::new);
    }

    private int shift(int depth) {
        return PAGE_SHIFT + 9 * (pt.levels() - 1 - depth);
    }

    /** First address of entry {@code index} under {@code parent}, sign-extended to a canonical address. */
    private long entryVa(PtEntry parent, int index, int depth) {
        long va = (parent == null ? 0 : parent.va()) + ((long) index << shift(depth));
        int bits = PAGE_SHIFT + 9 * pt.levels();
        return depth == 0 ? (va << (64 - bits)) >> (64 - bits) : va;
    }

    private String text(PtEntry n, int column) {
        long e = pt.entry(n.table(), n.index());
        boolean leafLevel = n.depth() == pt.levels() - 1;
        return switch (column) {
            case 0 -> Levels.name(pt.levels(), n.depth());
            case 1 -> Integer.toString(n.index());
            case 2 -> hex(n.va()) + "\u2013" + hex(n.va() + (1L << shift(n.depth())));
            case 3 -> String.format("0x%016x", e);
            case 4 -> Pte.decode(e);
            case 5 -> {
                if (!Pte.present(e) && !leafLevel) {
                    yield "-";
                }
                if (leafLevel) {
                    yield Pte.present(e) ? hex(Pte.pfn(e)) : "-";
                }
                if ((e & Pte.PSE) != 0) {
                    yield hex(Pte.pmdPfn(e)) + " (huge)";
                }
                yield hex(Pte.pfn(e)) + " (table)";
            }
            default -> "";
        };
    }

    private void goToTyped() {
        String s = address.getText().strip().replace("_", "");
        try {
            long va = s.startsWith("0x") || s.startsWith("0X") ? Long.parseUnsignedLong(s.substring(2), 16)
                    : Long.parseUnsignedLong(s, 16);
            address.setBackground(null);
            revealAddress(va);
        } catch (NumberFormatException ex) {
            address.setBackground(getDisplay().getSystemColor(SWT.COLOR_YELLOW));
            walkLine.setText("not a hex address: " + s);
        }
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
