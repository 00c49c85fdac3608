package org.mmwb.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The "Memory Management" perspective: the address space on the left, page tables and the address map on the
 * right; below them the scenario editor (when open), the results, the fault log and the Error Log, and Properties.
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

        // top: VMAs left, page tables and the address map right. Bottom: the scenario editor (when open) beside
        // the results, so each line's result is next to the line; the results / fault log then Properties, so a
        // selected fault and its properties are visible together.
        IFolderLayout top = layout.createFolder("left", IPageLayout.TOP, 0.58f, editorArea);
        top.addView(ViewIds.ADDRESS_SPACE);
        top.addView(ViewIds.SPECIAL_MAPPINGS);

        IFolderLayout right = layout.createFolder("right", IPageLayout.RIGHT, 0.5f, "left");
        right.addView(ViewIds.PAGE_TABLES);
        right.addView(ViewIds.ADDRESS_MAP);

        IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.RIGHT, 0.34f, editorArea);
        bottom.addView(ViewIds.RESULTS);
        bottom.addView(ViewIds.FAULT_LOG);
        bottom.addView(ViewIds.FAULT_TIMELINE);
        bottom.addView(ERROR_LOG);

        IFolderLayout props = layout.createFolder("props", IPageLayout.RIGHT, 0.6f, "bottom");
        props.addView(IPageLayout.ID_PROP_SHEET);

        for (String id : ViewIds.ALL) {
            layout.addShowViewShortcut(id);
        }
        layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
        layout.addShowViewShortcut(ERROR_LOG);
    }
}
