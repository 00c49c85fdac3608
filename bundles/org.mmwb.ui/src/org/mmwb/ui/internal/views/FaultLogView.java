package org.mmwb.ui.internal.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.mmwb.core.mm.ReadOnlyFaultLog;
import org.mmwb.ui.internal.session.SessionState;
import org.mmwb.ui.internal.widgets.faultlog.FaultLogTable;
import org.mmwb.ui.internal.widgets.faultlog.FaultRef;

/**
 * Fault Log: every fault of the session in a windowed virtual table that stays fast with millions of rows, with
 * filters by process, VMA, result and handler. Its selection is a {@code FaultRef}, which the Address Space,
 * Page Tables and Address Map views follow.
 */
public final class FaultLogView extends SessionView {

    private FaultLogTable table;

    @Override
    protected Control createControls(Composite parent) {
        parent.setLayout(new FillLayout());
        table = new FaultLogTable(parent, SWT.NONE);
        getSite().setSelectionProvider(table.selectionProvider());
        table.setVmaResolver(this::vmaStarts);
        return table;
    }

    @Override
    protected void show(SessionState state) {
        ReadOnlyFaultLog log = state.faultLog();
        if (log != table.getInput()) {
            table.setInput(log);
        } else {
            table.refresh();
        }
        setContentDescription(log == null ? "" : log.firstSeq() > 0 ? String.format(
                "%,d faults kept of %,d (the fault log limit is %,d: Window > Preferences > mmwb)", log.size(),
                log.nextSeq(), log.limit()) : String.format("%,d faults", log.size()));
    }

    /** The VMAs a typed filter names, as the Address Space filter reads it (an address, perms or a name). */
    private long[] vmaStarts(String text) {
        java.util.function.Predicate<org.mmwb.ui.internal.session.VmaRow> p = VmaFilter.parse(text);
        return shown().processes().stream().flatMap(pi -> pi.vmas().stream()).filter(p)
                .mapToLong(org.mmwb.ui.internal.session.VmaRow::start).distinct().toArray();
    }

    /** A fault selected elsewhere (Results, the timeline) is selected here too. */
    @Override
    protected void linkedSelection(org.eclipse.ui.IWorkbenchPart part, Object element) {
        if (element instanceof org.mmwb.ui.internal.widgets.faultlog.FaultRef f) {
            FaultRef mine = table.getSelectedFault();
            if (mine == null || mine.seq() != f.seq()) {
                table.selectFault(f.seq(), false);
            }
        }
    }

    /** The table (for tests). */
    public FaultLogTable getTable() {
        return table;
    }
}
