package org.mmwb.ui.internal.views;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPart;
import org.mmwb.ui.internal.session.ProcessInfo;
import org.mmwb.ui.internal.session.SessionState;
import org.mmwb.ui.internal.session.VmaRow;
import org.mmwb.ui.internal.widgets.addrmap.BandKind;
import org.mmwb.ui.internal.widgets.addrmap.Sizes;
import org.mmwb.ui.internal.widgets.faultlog.FaultRef;

/**
 * Address Space: the processes and their VMAs with the columns of /proc/PID/maps, smaps VmFlags, resident pages,
 * the pagemap letters and, for special mappings, the contributing provider. Special mappings are bold on the
 * address map's "special" colour. The filter box reads an address, perms or a name like pwndbg's vmmap.
 * Selecting a fault elsewhere selects its VMA here.
 */
public final class AddressSpaceView extends SessionView {

    /** View id (plugin.xml). */
    public static final String ID = org.mmwb.ui.internal.ViewIds.ADDRESS_SPACE;

    private record Column(String title, String sample, boolean right, Function<VmaRow, String> text) {
    }

    // what a reader scans first (range, perms, name, RSS, pages) leads; widths fit real values, not titles
    private static final List<Column> COLUMNS = List.of(
            new Column("start", "pid 2 (child of 1)", false, v -> Sizes.hex(v.start())),
            new Column("end", "0xffffffffff601000", false, v -> Sizes.hex(v.end())),
            new Column("size", "1023 MiB", true, v -> Sizes.human(v.size())),
            new Column("perms", "perms", false, VmaRow::perms),
            new Column("name", "/memfd:buffer (deleted)", false, VmaRow::name),
            new Column("RSS", "1023 MiB", true, v -> v.pages().isEmpty() ? "" : Sizes.human(v.residentPages() << 12)),
            new Column("pages", "AAZZ....AAZZ....AAZZ....AAZZ....", false, v -> v.pages().length() > 64
                    ? v.pages().substring(0, 64) + "\u2026" : v.pages()),
            new Column("offset", "offset", true, v -> Long.toHexString(v.offset())),
            new Column("VmFlags", "rd wr mr mw me ac sd", false, v -> String.join(" ", v.flags())),
            new Column("provider", "org.mmwb.x86", false, VmaRow::provider));

    private Text filterText;
    private Label filterInfo;
    private TreeViewer viewer;
    private Font bold;
    private Color specialBg;
    private Predicate<VmaRow> filter = v -> true;

    @Override
    protected void createControls(Composite parent) {
        GridLayout gl = new GridLayout(2, false);
        gl.marginWidth = 2;
        gl.marginHeight = 2;
        parent.setLayout(gl);
        filterText = new Text(parent, SWT.SEARCH | SWT.ICON_CANCEL | SWT.ICON_SEARCH);
        filterText.setMessage("Filter: an address (0x7ffd...), perms (r-x, rw-p) or a name (vdso, memfd)");
        filterText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filterText.addListener(SWT.Modify, e -> applyFilter());
        filterInfo = new Label(parent, SWT.NONE);
        GridData fi = new GridData(SWT.RIGHT, SWT.CENTER, false, false);
        GC gc = new GC(filterInfo);
        fi.widthHint = gc.textExtent("address 0xffffffffff600000: 12 VMAs").x;
        gc.dispose();
        filterInfo.setLayoutData(fi);

        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
        viewer.getTree().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        viewer.getTree().setHeaderVisible(true);
        viewer.getTree().setLinesVisible(true);
        Font mono = JFaceResources.getTextFont();
        viewer.getTree().setFont(mono);
        bold = JFaceResources.getFontRegistry().getBold(JFaceResources.TEXT_FONT);
        specialBg = new Color(BandKind.SPECIAL.rgb());
        gc = new GC(viewer.getTree());
        gc.setFont(mono);
        for (Column c : COLUMNS) {
            TreeViewerColumn tc = new TreeViewerColumn(viewer, c.right() ? SWT.RIGHT : SWT.LEFT);
            tc.getColumn().setText(c.title());
            int w = Math.max(gc.textExtent(c.sample()).x, gc.textExtent(c.title()).x) + 16;
            if (c == COLUMNS.get(0) || c == COLUMNS.get(1)) { // addresses, bold for special mappings
                gc.setFont(bold);
                w = gc.textExtent("0xffffffffff600000").x + (c == COLUMNS.get(0) ? 48 : 16);
                gc.setFont(mono);
            }
            tc.getColumn().setWidth(w);
            tc.getColumn().setMoveable(true);
            tc.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    if (element instanceof ProcessInfo p) {
                        return c == COLUMNS.get(0) ? p.label() : "";
                    }
                    return element instanceof VmaRow v ? c.text().apply(v) : "";
                }

                @Override
                public Font getFont(Object element) {
                    return element instanceof VmaRow v && v.isSpecial() || element instanceof ProcessInfo ? bold
                            : null;
                }

                @Override
                public Color getBackground(Object element) {
                    return element instanceof VmaRow v && v.isSpecial() ? specialBg : null;
                }

                @Override
                public String getToolTipText(Object element) {
                    return element instanceof VmaRow v ? tooltip(v) : null;
                }
            });
        }
        gc.dispose();
        viewer.setContentProvider(new Content());
        viewer.setFilters(new ViewerFilter() {
            @Override
            public boolean select(Viewer v, Object parentElement, Object element) {
                if (element instanceof ProcessInfo p) {
                    return p.vmas().stream().anyMatch(filter) || filterText.getText().isBlank();
                }
                return !(element instanceof VmaRow r) || filter.test(r);
            }
        });
        org.eclipse.jface.viewers.ColumnViewerToolTipSupport.enableFor(viewer);
        viewer.addDoubleClickListener(e -> {
            Object o = viewer.getStructuredSelection().getFirstElement();
            if (o instanceof ProcessInfo) {
                viewer.setExpandedState(o, !viewer.getExpandedState(o));
            }
        });
        getSite().setSelectionProvider(viewer);
    }

    private static String tooltip(VmaRow v) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%x-%x %s %08x  %s%n", v.start(), v.end(), v.perms(), v.offset(), v.displayName()));
        sb.append("VmFlags: ").append(String.join(" ", v.flags())).append('\n');
        sb.append("pages: ").append(v.pages().length() > 256 ? v.pages().substring(0, 256) + "\u2026" : v.pages());
        sb.append("\n  . not present  Z zero page  A anon  a anon shared after fork  F file  G guard");
        if (!v.provider().isEmpty()) {
            sb.append("\nspecial mapping contributed by ").append(v.provider());
        }
        return sb.toString();
    }

    private VmaRow selectedVma() {
        return viewer.getStructuredSelection().getFirstElement() instanceof VmaRow v ? v : null;
    }

    private void applyFilter() {
        String t = filterText.getText();
        filter = VmaFilter.parse(t);
        viewer.refresh();
        viewer.expandAll();
        updateFilterInfo();
    }

    private void updateFilterInfo() {
        String how = VmaFilter.describe(filterText.getText());
        int n = 0;
        for (ProcessInfo p : shown().processes()) {
            n += (int) p.vmas().stream().filter(filter).count();
        }
        filterInfo.setText(how.isEmpty() ? n + " VMAs" : how + ": " + n + (n == 1 ? " VMA" : " VMAs"));
        filterInfo.setToolTipText(filterInfo.getText());
    }

    @Override
    protected void show(SessionState state) {
        VmaRow sel = selectedVma();
        viewer.getTree().setRedraw(false);
        try {
            viewer.setInput(state);
            viewer.expandAll();
            if (sel != null) {
                selectVma(sel.pid(), sel.start());
            }
        } finally {
            viewer.getTree().setRedraw(true);
        }
        setContentDescription(state.title().isEmpty() ? "" : state.title() + (state.readOnly() && state.kernel()
                == null && !state.processes().isEmpty() ? " (imported, read-only)" : ""));
        updateFilterInfo();
    }

    /** Selects the VMA of pid containing {@code address}; returns it or null. */
    public VmaRow selectVma(int pid, long address) {
        ProcessInfo p = shown().process(pid);
        VmaRow v = p == null ? null : p.vmaAt(address);
        if (v == null) {
            viewer.setSelection(StructuredSelection.EMPTY);
            return null;
        }
        viewer.setSelection(new StructuredSelection(v), true);
        return v;
    }

    @Override
    protected void linkedSelection(IWorkbenchPart part, Object element) {
        if (element instanceof FaultRef f) {
            if (f.hasVma()) {
                selectVma(f.pid(), f.vmaStart());
            } else {
                selectVma(f.pid(), f.address());
            }
        } else if (element instanceof VmaRow v && !v.equals(selectedVma())) {
            selectVma(v.pid(), v.start());
        }
    }

    /** The tree (for tests). */
    public TreeViewer getViewer() {
        return viewer;
    }

    /** The filter box (for tests). */
    public Text getFilterText() {
        return filterText;
    }

    /** Rows shown under the filter (for tests). */
    public List<VmaRow> visibleVmas() {
        List<VmaRow> out = new ArrayList<>();
        for (ProcessInfo p : shown().processes()) {
            p.vmas().stream().filter(filter).forEach(out::add);
        }
        return out;
    }

    @Override
    protected boolean isDisposed() {
        return viewer == null || viewer.getTree().isDisposed();
    }

    @Override
    public void setFocus() {
        viewer.getTree().setFocus();
    }

    @Override
    public void dispose() {
        if (specialBg != null) {
            specialBg.dispose();
        }
        super.dispose();
    }

    /** Processes, then their VMAs. */
    private static final class Content implements ITreeContentProvider {
        private SessionState input;

        @Override
        public void inputChanged(Viewer v, Object oldInput, Object newInput) {
            input = newInput instanceof SessionState s ? s : null;
        }

        @Override
        public Object[] getElements(Object input) {
            return input instanceof SessionState s ? s.processes().toArray() : new Object[0];
        }

        @Override
        public Object[] getChildren(Object parent) {
            return parent instanceof ProcessInfo p ? p.vmas().toArray() : new Object[0];
        }

        @Override
        public Object getParent(Object element) {
            return element instanceof VmaRow v && input != null ? input.process(v.pid()) : null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return element instanceof ProcessInfo p && !p.vmas().isEmpty();
        }
    }
}
