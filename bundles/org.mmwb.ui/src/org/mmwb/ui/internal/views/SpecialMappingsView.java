package org.mmwb.ui.internal.views;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.mmwb.core.mm.SpecialMappingProvider;
import org.mmwb.ui.internal.session.ProviderItem;
import org.mmwb.ui.internal.session.SessionState;

/**
 * Special Mappings: the providers of the session's kernel ({@code Kernel.providers()}) with their pages, profiles,
 * placement, callbacks and the bundle that contributes them.
 */
public final class SpecialMappingsView extends SessionView {

    private record Column(String title, String sample, boolean right, Function<ProviderItem, String> text) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("name", "[vvar_vclock]", false, i -> i.provider().name()),
            new Column("pages", "pages", true, i -> Integer.toString(i.provider().pages())),
            new Column("callbacks", "pages[2] .fault .mremap", false, ProviderItem::callbacks),
            new Column("contributor", "org.mmwb.x86.VvarVclockProvider", false, i -> i.provider().contributor()),
            new Column("placement", "gate 0xffffffffff600000", false, ProviderItem::placement),
            new Column("profiles", "x86_64-6.18, x86_64-3.19", false, ProviderItem::profiles));

    private TableViewer viewer;

    @Override
    protected Control createControls(Composite parent) {
        parent.setLayout(new FillLayout());
        viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GC gc = new GC(viewer.getTable());
        for (Column c : COLUMNS) {
            TableViewerColumn tc = new TableViewerColumn(viewer, c.right() ? SWT.RIGHT : SWT.LEFT);
            tc.getColumn().setText(c.title());
            tc.getColumn().setWidth(Math.max(gc.textExtent(c.sample()).x, gc.textExtent(c.title()).x) + 24);
            tc.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return c.text().apply((ProviderItem) element);
                }
            });
        }
        gc.dispose();
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        getSite().setSelectionProvider(viewer);
        return viewer.getTable();
    }

    @Override
    protected void show(SessionState state) {
        List<ProviderItem> items = new ArrayList<>();
        for (SpecialMappingProvider p : state.providers()) {
            items.add(new ProviderItem(p, state.kernel() == null ? null : state.kernel().specialMapping(p.name())));
        }
        viewer.setInput(items);
        setContentDescription(state.kernel() != null ? "Providers of " + state.kernel().profile().name()
                : items.isEmpty() ? "" : "Providers of the imported session's profile (the live kernel made its mappings)");
    }

    /** The table (for tests). */
    public TableViewer getViewer() {
        return viewer;
    }
}
