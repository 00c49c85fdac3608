package org.mmwb.ui.internal;

import java.nio.file.Path;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

/**
 * The mmwb workbench application: opens the "Memory Management" perspective on the 3.x workbench, and with
 * {@code --open FILE} (what ./mmwb passes) a scenario, JSON session or recording, already run.
 */
public final class WorkbenchApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        Path open = openArgument((String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS));
        Display display = PlatformUI.createDisplay();
        try {
            if (!lockWorkspace(display)) {
                return IApplication.EXIT_OK;
            }
            int code = PlatformUI.createAndRunWorkbench(display, new MmwbWorkbenchAdvisor(open));
            return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            display.dispose();
        }
    }

    /**
     * Locks the workspace (-data) as the IDE does: a second workbench on the same one would overwrite the first
     * one's layout and preferences. Returns false (after telling the user) when another process holds it.
     */
    private static boolean lockWorkspace(Display display) {
        org.eclipse.osgi.service.datalocation.Location loc = org.eclipse.core.runtime.Platform.getInstanceLocation();
        if (loc == null || !loc.isSet() || loc.isReadOnly()) {
            return true;
        }
        try {
            if (loc.lock()) {
                return true;
            }
        } catch (java.io.IOException e) {
            return true; // no lock support on this file system: run as before
        }
        String where = loc.getURL() == null ? "" : loc.getURL().getFile();
        System.err.println("mmwb: the workspace " + where + " is in use by another mmwb workbench");
        org.eclipse.swt.widgets.Shell shell = new org.eclipse.swt.widgets.Shell(display);
        org.eclipse.jface.dialogs.MessageDialog.openError(shell, "Workspace in use",
                "The workspace\n  " + where + "\nis in use by another mmwb workbench.\n\nClose that window first, or "
                        + "start this one with another XDG_DATA_HOME (the workspace is $XDG_DATA_HOME/mmwb/workspace).");
        shell.dispose();
        return false;
    }

    /** The file after {@code --open} (or {@code -open}), or null. */
    static Path openArgument(String[] args) {
        if (args == null) {
            return null;
        }
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--open") || args[i].equals("-open")) {
                return Path.of(args[i + 1]);
            }
        }
        return null;
    }

    @Override
    public void stop() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        IWorkbench workbench = PlatformUI.getWorkbench();
        Display display = workbench.getDisplay();
        display.syncExec(() -> {
            if (!display.isDisposed()) {
                workbench.close();
            }
        });
    }
}
