package org.mmwb.ui.internal;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.ICoolBarManager;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.action.ToolBarContributionItem;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.swt.SWT;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ActionFactory.IWorkbenchAction;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.mmwb.ui.internal.actions.SessionActions;
import org.mmwb.ui.internal.actions.StepSlider;
import org.mmwb.ui.internal.actions.HelpDialog;

/**
 * The menu bar every Eclipse user expects: File (open scenario, sample, session; edit; save), Simulation (Run,
 * Step, Step Back, Reset, Cancel), Window (Show View, Preferences) and Help (Tour, About), with the usual
 * {@code additions} groups; and a tool bar with the simulation actions and the step slider.
 */
final class MmwbActionBarAdvisor extends ActionBarAdvisor {

    private IWorkbenchAction quit;
    private IWorkbenchAction save;
    private IWorkbenchAction preferences;
    private IWorkbenchAction about;
    private IWorkbenchAction resetPerspective;
    private SessionActions session;
    private IAction contents;
    private IAction tour;
    private IAction guide;

    MmwbActionBarAdvisor(IActionBarConfigurer configurer) {
        super(configurer);
    }

    @Override
    protected void makeActions(IWorkbenchWindow window) {
        quit = register(ActionFactory.QUIT.create(window));
        save = register(ActionFactory.SAVE.create(window));
        preferences = register(ActionFactory.PREFERENCES.create(window));
        about = register(ActionFactory.ABOUT.create(window));
        resetPerspective = register(ActionFactory.RESET_PERSPECTIVE.create(window));
        session = new SessionActions(window);
        contents = new Action("&Help Contents") {
            @Override
            public void run() {
                new HelpDialog(window.getShell(), null).open();
            }
        };
        contents.setAccelerator(SWT.F1);
        tour = new Action("&Tour of mmwb") {
            @Override
            public void run() {
                new HelpDialog(window.getShell(), HelpDialog.TOUR).open();
            }
        };
        guide = new Action("&Plugin Author's Guide") {
            @Override
            public void run() {
                new HelpDialog(window.getShell(), "help/plugin-authors.txt").open();
            }
        };
    }

    private IWorkbenchAction register(IWorkbenchAction action) {
        super.register(action);
        return action;
    }

    @Override
    protected void fillMenuBar(IMenuManager menuBar) {
        MenuManager file = new MenuManager("&File", IWorkbenchActionConstants.M_FILE);
        file.add(new Separator(IWorkbenchActionConstants.FILE_START));
        session.open.setAccelerator(SWT.MOD1 | 'O');
        file.add(session.open);
        file.add(session.samplesMenu());
        file.add(session.importJson);
        file.add(new Separator());
        file.add(session.edit);
        file.add(save);
        file.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        file.add(new Separator(IWorkbenchActionConstants.FILE_END));
        file.add(quit);

        MenuManager sim = new MenuManager("&Simulation", "org.mmwb.ui.menu.simulation");
        sim.add(session.run);
        sim.add(session.step);
        sim.add(session.stepBack);
        sim.add(session.reset);
        sim.add(new Separator());
        sim.add(session.cancel);
        sim.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));

        MenuManager window = new MenuManager("&Window", IWorkbenchActionConstants.M_WINDOW);
        MenuManager showView = new MenuManager("Show &View", "showView");
        showView.add(ContributionItemFactory.VIEWS_SHORTLIST.create(getActionBarConfigurer().getWindowConfigurer().getWindow()));
        window.add(showView);
        window.add(resetPerspective);
        window.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        window.add(preferences);

        MenuManager help = new MenuManager("&Help", IWorkbenchActionConstants.M_HELP);
        help.add(new Separator(IWorkbenchActionConstants.HELP_START));
        help.add(contents);
        help.add(tour);
        help.add(guide);
        help.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        help.add(new Separator(IWorkbenchActionConstants.HELP_END));
        help.add(about);

        menuBar.add(file);
        menuBar.add(sim);
        menuBar.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        menuBar.add(window);
        menuBar.add(help);
    }

    @Override
    protected void fillCoolBar(ICoolBarManager coolBar) {
        IToolBarManager tb = new ToolBarManager(SWT.FLAT | SWT.RIGHT);
        tb.add(session.open);
        tb.add(new Separator());
        // a separator between each: with text beside the glyphs, neighbours read as one label otherwise
        tb.add(session.run);
        tb.add(new Separator());
        tb.add(session.stepBack);
        tb.add(new Separator());
        tb.add(session.step);
        tb.add(new Separator());
        tb.add(session.reset);
        tb.add(new Separator());
        tb.add(new StepSlider());
        coolBar.add(new ToolBarContributionItem(tb, "org.mmwb.ui.toolbar.session"));
    }

    @Override
    public void dispose() {
        if (session != null) {
            session.dispose();
        }
        super.dispose();
    }
}
