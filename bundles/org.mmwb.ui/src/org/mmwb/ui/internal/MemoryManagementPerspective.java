package org.mmwb.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The "Memory Management" perspective: the address space on the left, page tables and the address map in the
 * middle, the fault log and properties below.
 */
public final class MemoryManagementPerspective implements IPerspectiveFactory {

    /** Perspective id, as registered in plugin.xml. */
    public static final String ID = "org.mmwb.ui.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editorArea = layout.getEditorArea();
        layout.setEditorAreaVisible(false);

        IFolderLayout left = layout.createFolder("left", IPageLayout.LEFT, 0.42f, editorArea);
        left.addView(ViewIds.ADDRESS_SPACE);
        left.addView(ViewIds.SPECIAL_MAPPINGS);

        IFolderLayout middle = layout.createFolder("middle", IPageLayout.TOP, 0.62f, editorArea);
        middle.addView(ViewIds.PAGE_TABLES);
        middle.addView(ViewIds.ADDRESS_MAP);

        IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.62f, "left");
        bottom.addView(ViewIds.FAULT_LOG);
        bottom.addView(IPageLayout.ID_PROP_SHEET);

        for (String id : ViewIds.ALL) {
            layout.addShowViewShortcut(id);
        }
        layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
    }
}
