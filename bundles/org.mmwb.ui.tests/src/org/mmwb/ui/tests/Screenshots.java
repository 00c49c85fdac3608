package org.mmwb.ui.tests;

import java.io.File;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** Saves what a person would see: the given shell's screen area as a PNG under the build's screenshot folder. */
public final class Screenshots {

    private Screenshots() {
    }

    /** Folder for screenshots: -Dmmwb.screenshots (set by the build) or target/screenshots. */
    public static File folder() {
        File dir = new File(System.getProperty("mmwb.screenshots", "target/screenshots"));
        dir.mkdirs();
        return dir;
    }

    /** Processes pending UI events for half a second, so that layout and painting are done. */
    public static void settle(Display display) {
        settle(display, 500);
    }

    /** Processes pending UI events for about {@code ms} milliseconds. */
    public static void settle(Display display, long ms) {
        long until = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < until) {
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
    }

    /** Takes a screenshot of the shell and returns the written file. */
    public static File take(Shell shell, String name) {
        shell.forceActive();
        settle(shell.getDisplay());
        return save(shell.getDisplay(), shell.getBounds(), new File(folder(), name + ".png"));
    }

    /** Copies {@code area} of the screen (display coordinates) into the PNG {@code file}. */
    public static File save(Display display, Rectangle area, File file) {
        Image image = new Image(display, area.width, area.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, area.x, area.y);
        } finally {
            gc.dispose();
        }
        try {
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            file.getParentFile().mkdirs();
            loader.save(file.getPath(), SWT.IMAGE_PNG);
            return file;
        } finally {
            image.dispose();
        }
    }
}
