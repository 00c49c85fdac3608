package org.mmwb.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The "Memory Management" perspective: the address space on the left, page tables and the address map on the
 * right (the scenario editor, when open, between them); the results, the fault log and the Error Log across the
 * bottom with Properties beside them.
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

        // bottom: results / fault log (wide tables) and, beside them, Properties, so a selected fault and its
        // properties are both visible; top: VMAs left, page tables and map right, the editor between them
        IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.58f, editorArea);
        bottom.addView(ViewIds.RESULTS);
        bottom.addView(ViewIds.FAULT_LOG);
        bottom.addView(ERROR_LOG);

        IFolderLayout props = layout.createFolder("props", IPageLayout.RIGHT, 0.64f, "bottom");
        props.addView(IPageLayout.ID_PROP_SHEET);

        IFolderLayout left = layout.createFolder("left", IPageLayout.LEFT, 0.5f, editorArea);
        left.addView(ViewIds.ADDRESS_SPACE);
        left.addView(ViewIds.SPECIAL_MAPPINGS);

        IFolderLayout right = layout.createFolder("right", IPageLayout.RIGHT, 0.35f, editorArea);
        right.addView(ViewIds.PAGE_TABLES);
        right.addView(ViewIds.ADDRESS_MAP);

        for (String id : ViewIds.ALL) {
            layout.addShowViewShortcut(id);
        }
        layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
        layout.addShowViewShortcut(ERROR_LOG);
    }
}
