package org.mmwb.ui.internal.views;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPart;
import org.mmwb.ui.internal.session.ProcessInfo;
import org.mmwb.ui.internal.session.SessionState;
import org.mmwb.ui.internal.session.VmaRow;
import org.mmwb.ui.internal.widgets.SelectionRelay;
import org.mmwb.ui.internal.widgets.addrmap.BandKind;
import org.mmwb.ui.internal.widgets.addrmap.Sizes;
import org.mmwb.ui.internal.widgets.faultlog.FaultRef;
import org.mmwb.ui.internal.widgets.rows.TreeRows;
import org.mmwb.ui.internal.widgets.rows.TreeTable;

/**
 * Address Space: the processes and their VMAs with the columns of /proc/PID/maps, smaps VmFlags, resident pages,
 * the pagemap letters and, for special mappings, the contributing provider. Special mappings are bold on the
 * address map's "special" colour. The filter box reads an address, perms or a name like pwndbg's vmmap.
 * Selecting a fault elsewhere selects its VMA here. The rows are a {@link TreeTable}: a process of 200,000 VMAs
 * costs only the rows on screen.
 */
public final class AddressSpaceView extends SessionView {

    /** View id (plugin.xml). */
    public static final String ID = org.mmwb.ui.internal.ViewIds.ADDRESS_SPACE;

    private record Column(String title, String sample, int align, Function<VmaRow, String> text) {
    }

    // what a reader scans first (range, perms, name, RSS, pages) leads; widths fit real values, not titles
    private static final List<Column> COLUMNS = List.of(
            new Column("start", "\u25be 0xffffffffff600000 ", SWT.LEFT, v -> Sizes.hex(v.start())),
            new Column("end", "0xffffffffff601000 ", SWT.LEFT, v -> Sizes.hex(v.end())),
            new Column("size", "1023 MiB", SWT.RIGHT, v -> Sizes.human(v.size())),
            new Column("perms", "perms", SWT.LEFT, VmaRow::perms),
            new Column("name", "/memfd:buffer (deleted)", SWT.LEFT, VmaRow::name),
            new Column("RSS", "1023 MiB", SWT.RIGHT, v -> v.pages().isEmpty() ? ""
                    : Sizes.human(v.residentPages() << 12)),
            new Column("pages", "AAZZ....AAZZ....AAZZ....AAZZ....", SWT.LEFT, v -> v.pages().length() > 64
                    ? v.pages().substring(0, 64) + "\u2026" : v.pages()),
            new Column("offset", "offset", SWT.RIGHT, v -> Long.toHexString(v.offset())),
            new Column("VmFlags", "rd wr mr mw me ac sd", SWT.LEFT, v -> String.join(" ", v.flags())),
            new Column("provider", "org.mmwb.x86", SWT.LEFT, VmaRow::provider));

    private Text filterText;
    private Label filterInfo;
    private TreeTable table;
    private Font bold;
    private Color specialBg;
    private Predicate<VmaRow> filter = v -> true;
    private final SelectionRelay relay = new SelectionRelay();
    /** The processes shown (those with a VMA passing the filter) and, per process, its VMAs that pass. */
    private List<ProcessInfo> shownProcesses = List.of();
    private final Map<ProcessInfo, List<VmaRow>> shownVmas = new IdentityHashMap<>();

    @Override
    protected Control createControls(Composite parent) {
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
        fi.widthHint = gc.textExtent("address 0xffffffffff600000: 200,000 VMAs").x;
        gc.dispose();
        filterInfo.setLayoutData(fi);

        table = new TreeTable(parent, SWT.NONE, SWT.BORDER);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        bold = JFaceResources.getFontRegistry().getBold(JFaceResources.TEXT_FONT);
        specialBg = new Color(BandKind.SPECIAL.rgb());
        for (Column c : COLUMNS) {
            table.addColumn(c.title(), c.sample(), c.align()).setMoveable(c != COLUMNS.get(0));
        }
        table.addSelectListener(relay::fire);
        table.addOpenListener(o -> {
            if (o instanceof ProcessInfo) {
                table.toggle(table.selectionPath());
            }
        });
        getSite().setSelectionProvider(relay);
        return table;
    }

    private final TreeTable.Labels labels = new TreeTable.Labels() {
        @Override
        public String text(Object element, int column) {
            if (element instanceof ProcessInfo p) {
                return column == 0 ? p.label() : "";
            }
            return COLUMNS.get(column).text().apply((VmaRow) element);
        }

        @Override
        public Font font(Object element) {
            return element instanceof VmaRow v && v.isSpecial() || element instanceof ProcessInfo ? bold : null;
        }

        @Override
        public Color background(Object element) {
            return element instanceof VmaRow v && v.isSpecial() ? specialBg : null;
        }

        @Override
        public String tooltip(Object element, int column) {
            return element instanceof VmaRow v ? tooltipOf(v) : null;
        }
    };

    private final TreeRows.Model model = new TreeRows.Model() {
        @Override
        public int childCount(Object parent) {
            return parent == null ? shownProcesses.size()
                    : parent instanceof ProcessInfo p ? shownVmas.getOrDefault(p, List.of()).size() : 0;
        }

        @Override
        public Object child(Object parent, int index) {
            return parent == null ? shownProcesses.get(index) : shownVmas.get(parent).get(index);
        }
    };

    private static String tooltipOf(VmaRow v) {
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

    /** The selected VMA, or null. */
    public VmaRow selectedVma() {
        return table.selection() instanceof VmaRow v ? v : null;
    }

    private void applyFilter() {
        filter = VmaFilter.parse(filterText.getText());
        if (shown() != null) {
            show(shown());
        }
    }

    @Override
    protected void show(SessionState state) {
        VmaRow sel = selectedVma();
        boolean all = filterText.getText().isBlank();
        List<ProcessInfo> procs = new ArrayList<>();
        shownVmas.clear();
        int n = 0;
        for (ProcessInfo p : state.processes()) {
            List<VmaRow> vmas = all ? p.vmas() : p.vmas().stream().filter(filter).toList();
            if (all || !vmas.isEmpty()) {
                procs.add(p);
                shownVmas.put(p, vmas);
                n += vmas.size();
            }
        }
        shownProcesses = Collections.unmodifiableList(procs);
        table.setInput(model, labels);
        for (int i = 0; i < procs.size(); i++) {
            table.open(i); // a node costs nothing per child: every process open
        }
        if (sel != null) {
            select(sel.pid(), sel.start(), false);
        }
        setContentDescription(state.title().isEmpty() ? "" : state.title() + (state.readOnly() && state.kernel()
                == null && !state.processes().isEmpty() ? " (imported, read-only)" : ""));
        String how = VmaFilter.describe(filterText.getText());
        String count = String.format("%,d", n) + (n == 1 ? " VMA" : " VMAs");
        filterInfo.setText(how.isEmpty() ? count : how + ": " + count);
        filterInfo.setToolTipText(filterInfo.getText());
    }

    /** Selects the VMA of pid containing {@code address} and tells the other views; returns it or null. */
    public VmaRow selectVma(int pid, long address) {
        VmaRow v = select(pid, address, false);
        relay.fire(v);
        return v;
    }

    /** Selects the VMA of pid containing {@code address} (nothing when none shows); returns it or null. */
    private VmaRow select(int pid, long address, boolean notify) {
        for (int p = 0; p < shownProcesses.size(); p++) {
            ProcessInfo info = shownProcesses.get(p);
            if (info.pid() != pid) {
                continue;
            }
            List<VmaRow> vmas = shownVmas.get(info);
            int i = vmas == info.vmas() ? info.indexAt(address) : indexIn(vmas, address);
            if (i >= 0) {
                table.select(new int[] {p, i}, notify);
                relay.setSelection(new org.eclipse.jface.viewers.StructuredSelection(vmas.get(i)));
                return vmas.get(i);
            }
        }
        table.select(null, notify);
        relay.setSelection(null);
        return null;
    }

    private static int indexIn(List<VmaRow> vmas, long address) {
        for (int i = 0; i < vmas.size(); i++) {
            if (vmas.get(i).contains(address)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    protected void linkedSelection(IWorkbenchPart part, Object element) {
        if (element instanceof FaultRef f) {
            select(f.pid(), f.hasVma() ? f.vmaStart() : f.address(), false);
        } else if (element instanceof VmaRow v && !v.equals(selectedVma())) {
            select(v.pid(), v.start(), false);
        }
    }

    /** The table (for tests). */
    public TreeTable getTable() {
        return table;
    }

    /** The filter box (for tests). */
    public Text getFilterText() {
        return filterText;
    }

    /** Rows shown under the filter (for tests). */
    public List<VmaRow> visibleVmas() {
        List<VmaRow> out = new ArrayList<>();
        for (ProcessInfo p : shownProcesses) {
            out.addAll(shownVmas.get(p));
        }
        return out;
    }

    @Override
    public void dispose() {
        if (specialBg != null) {
            specialBg.dispose();
        }
        super.dispose();
    }
}
