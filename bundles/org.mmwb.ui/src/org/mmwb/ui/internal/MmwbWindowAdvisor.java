package org.mmwb.ui.internal;

import org.eclipse.jface.action.IStatusLineManager;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.mmwb.ui.internal.session.Session;
import org.mmwb.ui.internal.session.SessionState;

/** Window advisor: title (with the session's name), initial size, tool bar, status line with the session's step. */
final class MmwbWindowAdvisor extends WorkbenchWindowAdvisor {

    private static final String TITLE = "mmwb - Kernel mm Workbench";
    private final Session.Listener listener = this::sessionChanged;

    MmwbWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        super(configurer);
    }

    @Override
    public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
        return new MmwbActionBarAdvisor(configurer);
    }

    @Override
    public void preWindowOpen() {
        IWorkbenchWindowConfigurer configurer = getWindowConfigurer();
        configurer.setInitialSize(new Point(1280, 900));
        configurer.setShowCoolBar(true);
        configurer.setShowStatusLine(true);
        configurer.setShowProgressIndicator(true);
        configurer.setShowPerspectiveBar(false);
        configurer.setTitle(TITLE);
    }

    @Override
    public void postWindowOpen() {
        Session.get().addListener(listener);
        sessionChanged(Session.get().state());
        Bench.windowOpened();
    }

    private void sessionChanged(SessionState s) {
        IWorkbenchWindowConfigurer c = getWindowConfigurer();
        if (c.getWindow().getShell() == null || c.getWindow().getShell().isDisposed()) {
            return;
        }
        c.setTitle(s.title().isEmpty() ? TITLE : s.title() + " - " + TITLE);
        IStatusLineManager status = c.getActionBarConfigurer().getStatusLineManager();
        status.setMessage(s.status());
    }

    @Override
    public void postWindowClose() {
        Session.get().removeListener(listener);
    }
}
