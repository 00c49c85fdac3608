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
}
