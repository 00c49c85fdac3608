package org.mmwb.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.WorkbenchException;
import org.junit.jupiter.api.Test;
import org.mmwb.ui.internal.MemoryManagementPerspective;
import org.mmwb.ui.internal.ViewIds;

/** Opens the "Memory Management" perspective and checks that its views are there. */
class PerspectiveTest {

    @Test
    void perspectiveShowsEveryView() throws WorkbenchException {
        IWorkbench workbench = PlatformUI.getWorkbench();
        IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
        assertNotNull(window, "no workbench window");
        IWorkbenchPage page = workbench.showPerspective(MemoryManagementPerspective.ID, window);
        assertEquals(MemoryManagementPerspective.ID, page.getPerspective().getId());
        window.getShell().setSize(1280, 900);

        for (String id : ViewIds.ALL) {
            IViewReference ref = page.findViewReference(id);
            assertNotNull(ref, "view missing from the perspective: " + id);
            assertNotNull(ref.getView(true), "view could not be created: " + id);
        }
        assertNotNull(page.findViewReference(IPageLayout.ID_PROP_SHEET), "Properties view missing");
        assertEquals("Memory Management", page.getPerspective().getLabel());

        File shot = Screenshots.take(window.getShell(), "perspective");
        assertTrue(shot.length() > 1000, "screenshot not written: " + shot);
    }

    /**
     * At 1280x800 a fault selected in the Fault Log and its Properties are visible together, and opening the
     * editor leaves the Page Tables and Address Space views their height.
     */
    @Test
    void propertiesBesideTheFaultLogAndRoomForTheEditor() throws Exception {
        IWorkbench workbench = PlatformUI.getWorkbench();
        IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
        IWorkbenchPage page = workbench.showPerspective(MemoryManagementPerspective.ID, window);
        page.resetPerspective();
        page.closeAllEditors(false);
        window.getShell().setSize(1280, 800);
        org.eclipse.ui.IViewPart faults = page.showView(ViewIds.FAULT_LOG);
        org.eclipse.ui.IViewPart props = page.showView(IPageLayout.ID_PROP_SHEET, null, IWorkbenchPage.VIEW_VISIBLE);
        page.activate(faults);
        Screenshots.settle(window.getShell().getDisplay());
        assertTrue(page.isPartVisible(faults), "Fault Log visible");
        assertTrue(page.isPartVisible(props), "Properties visible at the same time");

        java.nio.file.Path file = java.nio.file.Files.createTempFile("layout", ".mms");
        java.nio.file.Files.writeString(file, "kernel x86_64-6.18\n$a = mmap 0x100000000000 16K rw- fixed\n");
        org.mmwb.ui.internal.actions.SessionActions.openEditor(window, file);
        Screenshots.settle(window.getShell().getDisplay());
        org.mmwb.ui.internal.views.PageTablesView tables = (org.mmwb.ui.internal.views.PageTablesView) page
                .showView(ViewIds.PAGE_TABLES, null, IWorkbenchPage.VIEW_VISIBLE);
        Screenshots.settle(window.getShell().getDisplay());
        int h = tables.getTree().getViewer().getTree().getSize().y;
        assertTrue(h >= 120, "the page-table tree keeps several rows with the editor open: " + h + " px");
        org.eclipse.swt.widgets.Control text = page.getActiveEditor().getAdapter(org.eclipse.swt.widgets.Control.class);
        assertNotNull(text, "the editor's text widget");
        assertTrue(text.getSize().x >= 300, "the editor is not squeezed: " + text.getSize().x + " px wide");
        Screenshots.take(window.getShell(), "perspective-with-editor");
        page.closeAllEditors(false);
    }
}
