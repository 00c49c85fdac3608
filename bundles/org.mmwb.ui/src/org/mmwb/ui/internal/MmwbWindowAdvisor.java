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
        configurer.setInitialSize(initialSize());
        configurer.setShowCoolBar(true);
        configurer.setShowStatusLine(true);
        configurer.setShowProgressIndicator(true);
        configurer.setShowPerspectiveBar(false);
        configurer.setTitle(TITLE);
    }

    /** 1280x900, but never larger than the screen: on a 1280x800 display the status line must stay visible. */
    private static Point initialSize() {
        org.eclipse.swt.graphics.Rectangle area = org.eclipse.swt.widgets.Display.getDefault().getPrimaryMonitor()
                .getClientArea();
        return new Point(Math.min(1280, area.width), Math.min(900, area.height));
    }

    @Override
    public void postWindowOpen() {
        hideIdeLeftovers();
        Session.get().addListener(listener);
        sessionChanged(Session.get().state());
        Bench.windowOpened();
    }

    /**
     * The IDE bundles the 3.x workbench needs also contribute File > Open File..., File > Convert Line Delimiters
     * To and the Team preference pages, which mean nothing here.
     */
    private void hideIdeLeftovers() {
        org.eclipse.ui.IWorkbenchPage page = getWindowConfigurer().getWindow().getActivePage();
        if (page != null) {
            page.hideActionSet("org.eclipse.ui.actionSet.openFiles");
            page.hideActionSet("org.eclipse.ui.edit.text.actionSet.convertLineDelimitersTo");
        }
        org.eclipse.jface.preference.PreferenceManager prefs = org.eclipse.ui.PlatformUI.getWorkbench()
                .getPreferenceManager();
        for (String id : IDE_PREFERENCE_PAGES) {
            prefs.remove(id);
        }
    }

    /** Preference pages of the IDE closure that do not apply to mmwb. */
    static final java.util.List<String> IDE_PREFERENCE_PAGES = java.util.List.of("org.eclipse.team.ui.TeamPreferences");

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
