package org.mmwb.ui.internal;

import java.nio.file.Path;

import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.mmwb.ui.internal.session.Session;

/**
 * Workbench advisor: the initial perspective is "Memory Management"; after start-up the file given with
 * {@code --open FILE} is opened and run, so the views are populated at once.
 */
public final class MmwbWorkbenchAdvisor extends WorkbenchAdvisor {

    private final Path open;

    /** An advisor that opens nothing. */
    public MmwbWorkbenchAdvisor() {
        this(null);
    }

    /** @param open a scenario or session file to open after start-up, or null */
    public MmwbWorkbenchAdvisor(Path open) {
        this.open = open;
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return MemoryManagementPerspective.ID;
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new MmwbWindowAdvisor(configurer);
    }

    @Override
    public void postStartup() {
        if (open != null) {
            Session.get().open(open);
        }
    }
}
