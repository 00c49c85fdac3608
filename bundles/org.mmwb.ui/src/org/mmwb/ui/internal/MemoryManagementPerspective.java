package org.mmwb.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The "Memory Management" perspective: the address space on the left, page tables and the address map on the
 * right, the fault log, properties and the Error Log across the bottom.
 */
public final class MemoryManagementPerspective implements IPerspectiveFactory {

    /** Perspective id, as registered in plugin.xml. */
    public static final String ID = "org.mmwb.ui.perspective";

    /** The Eclipse Error Log (org.eclipse.ui.views.log): plugin failures show up there. */
    public static final String ERROR_LOG = "org.eclipse.pde.runtime.LogView";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editorArea = layout.getEditorArea();
        layout.setEditorAreaVisible(false);

        // the fault log (wide table) spans the whole width below; VMAs left, page tables and map right
        IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.6f, editorArea);
        bottom.addView(ViewIds.FAULT_LOG);
        bottom.addView(IPageLayout.ID_PROP_SHEET);
        bottom.addView(ERROR_LOG);

        IFolderLayout left = layout.createFolder("left", IPageLayout.LEFT, 0.6f, editorArea);
        left.addView(ViewIds.ADDRESS_SPACE);
        left.addView(ViewIds.SPECIAL_MAPPINGS);

        IFolderLayout middle = layout.createFolder("middle", IPageLayout.TOP, 0.45f, editorArea);
        middle.addView(ViewIds.PAGE_TABLES);
        middle.addView(ViewIds.ADDRESS_MAP);

        for (String id : ViewIds.ALL) {
            layout.addShowViewShortcut(id);
        }
        layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
        layout.addShowViewShortcut(ERROR_LOG);
    }
}
