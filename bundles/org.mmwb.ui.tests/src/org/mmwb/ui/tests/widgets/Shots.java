package org.mmwb.ui.tests.widgets;

import java.io.File;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.mmwb.ui.tests.Screenshots;

/** Screenshot helper of the widget demos: a shell's client area into /tmp/ui-shots/NAME.png. */
final class Shots {

    static final File DIR = new File(System.getProperty("mmwb.shots", "/tmp/ui-shots"));

    private Shots() {
    }

    /** A demo's window: a shell titled {@code title}, {@code width} x {@code height}, its child filling it. */
    static Shell shell(Display d, String title, int width, int height) {
        Shell shell = new Shell(d);
        shell.setText(title);
        shell.setLayout(new FillLayout());
        shell.setSize(width, height);
        return shell;
    }

    /** Let the display settle (layout, paint) for about {@code ms} milliseconds. */
    static void settle(Display d, int ms) {
        Screenshots.settle(d, ms);
    }

    /** Save the screen area of {@code shell} (title bar excluded) as DIR/name.png. */
    static File save(Shell shell, String name) {
        Display d = shell.getDisplay();
        shell.forceActive();
        settle(d, 400);
        File f = Screenshots.save(d, d.map(shell, null, shell.getClientArea()), new File(DIR, name + ".png"));
        System.out.println("screenshot " + f);
        return f;
    }
}
