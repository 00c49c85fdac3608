package org.mmwb.ui.internal.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbenchPart;
import org.mmwb.core.mm.PageTableView;
import org.mmwb.ui.internal.session.PteItem;
import org.mmwb.ui.internal.session.SessionState;
import org.mmwb.ui.internal.session.VmaRow;
import org.mmwb.ui.internal.widgets.faultlog.FaultRef;
import org.mmwb.ui.internal.widgets.pgtable.Levels;
import org.mmwb.ui.internal.widgets.pgtable.PageTableTree;
import org.mmwb.ui.internal.widgets.pgtable.PtEntry;

/**
 * Page Tables: the populated levels of one process's page tables as a lazy tree, with "go to address" walking one
 * address like crash's {@code vtop}. A fault or VMA selected elsewhere walks its address here.
 */
public final class PageTablesView extends ProcessView {

    /** Up to this many table pages the tree opens fully by itself. */
    private static final long SMALL_TABLES = 8;

    private Label note;
    private PageTableTree tree;
    private PageTableView table;

    @Override
    protected Control createControls(Composite parent) {
        header(parent, 3);
        note = new Label(parent, SWT.NONE);
        note.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        tree = new PageTableTree(parent, SWT.NONE);
        tree.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        tree.addEntryListener(e -> relay.fire(item(e)));
        tree.setInspector(va -> {
            SessionState s = shown();
            org.mmwb.core.mm.Task t = s == null ? null : s.task(process.pid());
            return t == null || s.kernel() == null ? "" : org.mmwb.ui.internal.session.PageInspector.report(
                    s.kernel(), t, va);
        });
        return tree;
    }

    private PteItem item(PtEntry e) {
        if (e == null || table == null) {
            return null;
        }
        int levels = table.levels();
        int shift = 12 + 9 * (levels - 1 - e.depth());
        return new PteItem(process.pid(), e, Levels.name(table.levels(), e.depth()), tree.rawEntry(e), shift);
    }

    @Override
    protected void showPid(int p) {
        process.select(p);
        SessionState s = shown();
        table = pageTableOf(s.task(p));
        if (table == null) {
            note.setText(s.kernel() == null && !s.processes().isEmpty()
                    ? "Imported session: no page tables (the VMAs' pagemap letters show page states)" : "");
        } else {
            note.setText(table.levels() + "-level paging");
        }
        tree.setInput(table);
        if (table != null && table.tablePages() <= SMALL_TABLES) {
            tree.getViewer().expandAll(); // a small scenario's tables fit on screen: show them open
        }
    }

    /** Walks {@code va} of process {@code p} like crash's vtop; returns the deepest entry met. */
    public PtEntry goToAddress(int p, long va) {
        follow(p);
        PtEntry e = tree.revealAddress(va);
        relay.setSelection(e == null ? null : new org.eclipse.jface.viewers.StructuredSelection(item(e)));
        return e;
    }

    @Override
    protected void linkedSelection(IWorkbenchPart part, Object element) {
        if (element instanceof FaultRef f) {
            goToAddress(f.pid(), f.address());
        } else if (element instanceof VmaRow v && !v.gate()) {
            goToAddress(v.pid(), firstResident(v));
        }
    }

    /** The first present page of a VMA (its start when none is), so that the walk shows a frame if any. */
    private static long firstResident(VmaRow v) {
        String pages = v.pages();
        for (int i = 0; i < pages.length(); i++) {
            if (pages.charAt(i) != '.') {
                return v.start() + ((long) i << 12);
            }
        }
        return v.start();
    }

    /** The tree (for tests). */
    public PageTableTree getTree() {
        return tree;
    }

    /** The process shown. */
    public int pid() {
        return process.pid();
    }

    /** The page table of a live task's mm, or null for an exited task. */
    private static PageTableView pageTableOf(org.mmwb.core.mm.Task task) {
        return task == null || !task.alive() || task.mm() == null ? null : task.mm().pageTable();
    }
}
