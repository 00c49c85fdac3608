package org.mmwb.ui.tests.views;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.WorkbenchException;
import org.mmwb.ui.internal.MemoryManagementPerspective;
import org.mmwb.ui.internal.session.Samples;
import org.mmwb.ui.internal.session.Session;
import org.mmwb.ui.internal.session.SessionState;
import org.mmwb.ui.tests.Screenshots;

/** Shared steps of the view tests: the workbench page, a sample opened and run, waiting for replays. */
final class Fixture {

    /** A scenario of 2^20 read faults on the zero page and 16 write faults in another VMA. */
    static final String MILLION = """
            kernel x86_64-6.18
            $a = mmap 0x200000000000 4G r-- fixed noreserve
            touch $a 4G r
            $b = mmap 0x300000000000 64K rw- fixed
            touch $b 64K w
            """;

    private Fixture() {
    }

    static IWorkbenchWindow window() {
        IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(w, "no workbench window");
        return w;
    }

    /** The Memory Management perspective, freshly reset, in a 1280x900 window. */
    static IWorkbenchPage page() throws WorkbenchException {
        IWorkbenchWindow w = window();
        IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(MemoryManagementPerspective.ID, w);
        page.resetPerspective();
        page.closeAllEditors(false);
        w.getShell().setSize(1280, 900);
        w.getShell().setLocation(0, 0);
        return page;
    }

    /** The start of a view test: the perspective freshly reset ({@link #page()}) and view {@code id} shown. */
    static <T extends IViewPart> T fresh(String id) throws WorkbenchException {
        return show(page(), id);
    }

    /** A screenshot of the workbench window, named {@code name}, in the build's screenshot folder. */
    static void shot(String name) {
        Screenshots.take(window().getShell(), name);
    }

    @SuppressWarnings("unchecked")
    static <T extends IViewPart> T show(IWorkbenchPage page, String id) throws PartInitException {
        T v = (T) page.showView(id);
        settle(150);
        return v;
    }

    /** Opens a bundled sample in the session and waits until it ran. */
    static SessionState openSample(String name) throws IOException {
        Path p = Samples.path(name);
        Session.get().open(p);
        return await();
    }

    /** Opens scenario text and waits until it ran. */
    static SessionState openText(String name, String text) {
        Session.get().openScenario(name, text, null);
        return await();
    }

    /** Waits (processing UI events) until no replay job runs; returns the state. */
    static SessionState await() {
        Display d = Display.getCurrent();
        long until = System.currentTimeMillis() + 60_000;
        while (Session.get().isBusy() && System.currentTimeMillis() < until) {
            if (!d.readAndDispatch()) {
                d.timerExec(10, () -> { });
                d.sleep();
            }
        }
        assertFalse(Session.get().isBusy(), "replay did not finish in 60 s");
        settle(100);
        return Session.get().state();
    }

    /** Processes UI events for a while. */
    static void settle(long ms) {
        Display d = Display.getCurrent();
        long until = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < until) {
            if (!d.readAndDispatch()) {
                d.timerExec(10, () -> { });
                d.sleep();
            }
        }
    }
}
