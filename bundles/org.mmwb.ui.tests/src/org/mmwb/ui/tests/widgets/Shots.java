package org.mmwb.ui.tests.widgets;

import java.io.File;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** Screenshot helper of the widget demos: copies a shell's screen area into /tmp/ui-shots/NAME.png. */
final class Shots {

    static final File DIR = new File(System.getProperty("mmwb.shots", "/tmp/ui-shots"));

    private Shots() {
    }

    /** Let the display settle (layout, paint) for about {@code ms} milliseconds. */
    static void settle(Display d, int ms) {
        long end = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < end) {
            while (d.readAndDispatch()) {
                // drain
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Save the screen area of {@code shell} (title bar excluded) as DIR/name.png. */
    static File save(Shell shell, String name) {
        Display d = shell.getDisplay();
        shell.forceActive();
        settle(d, 400);
        Rectangle r = d.map(shell, null, shell.getClientArea());
        Image img = new Image(d, r.width, r.height);
        GC gc = new GC(d);
        try {
            gc.copyArea(img, r.x, r.y);
        } finally {
            gc.dispose();
        }
        DIR.mkdirs();
        File f = new File(DIR, name + ".png");
        ImageLoader l = new ImageLoader();
        l.data = new org.eclipse.swt.graphics.ImageData[] {img.getImageData()};
        l.save(f.getPath(), SWT.IMAGE_PNG);
        img.dispose();
        System.out.println("screenshot " + f);
        return f;
    }
}
