package org.mmwb.ui.internal.actions;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.Bundle;

/**
 * Help > Help Contents (and Help > Tour): the workbench's help pages in a dialog, topics on the left, the page on
 * the right. The target platform has org.eclipse.help but no help UI, so the pages ship as text in help/ of this
 * bundle (listed in help/toc.txt): the tour, the scenario language, each view, out of memory and THP. The pages
 * are wrapped by their authors, so the text is shown as written in a fixed-width font, never re-wrapped.
 */
public final class HelpDialog extends Dialog {

    /** Bundle path of the tour text. */
    public static final String TOUR = "help/tour.txt";
    /** Bundle path of the table of contents. */
    public static final String TOC = "help/toc.txt";

    /** One page: its bundle path and title. */
    public record Topic(String resource, String title) {
    }

    private final String first;
    private org.eclipse.swt.widgets.List list;
    private StyledText page;
    private final List<Topic> topics = topics();

    /** A dialog showing the topic of {@code resource} first (null: the first topic). */
    public HelpDialog(Shell parent, String resource) {
        super(parent);
        this.first = resource;
        setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MAX);
    }

    /** The topics of help/toc.txt in order. */
    public static List<Topic> topics() {
        List<Topic> out = new ArrayList<>();
        for (String line : text(TOC).split("\n")) {
            int bar = line.indexOf('|');
            if (!line.startsWith("#") && bar > 0) {
                out.add(new Topic("help/" + line.substring(0, bar).strip(), line.substring(bar + 1).strip()));
            }
        }
        return out;
    }

    /** The text of a bundled help page, or a message saying it is missing. */
    public static String text(String resource) {
        Bundle b = Platform.getBundle("org.mmwb.ui");
        URL url = b == null ? null : b.getEntry(resource);
        if (url == null) {
            return "The help page " + resource + " is missing from this installation.";
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "Cannot read " + resource + ": " + e.getMessage();
        }
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("mmwb Help");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        SashForm sash = new SashForm(area, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        list = new org.eclipse.swt.widgets.List(sash, SWT.SINGLE | SWT.BORDER | SWT.V_SCROLL);
        page = new StyledText(sash, SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL | SWT.READ_ONLY | SWT.BORDER);
        page.setFont(JFaceResources.getTextFont());
        page.setLeftMargin(8);
        page.setTopMargin(6);
        int select = 0;
        for (int i = 0; i < topics.size(); i++) {
            list.add(topics.get(i).title());
            if (topics.get(i).resource().equals(first)) {
                select = i;
            }
        }
        list.addListener(SWT.Selection, e -> showTopic(list.getSelectionIndex()));
        sash.setWeights(22, 78);
        if (!topics.isEmpty()) {
            list.select(select);
            showTopic(select);
        }
        return area;
    }

    private void showTopic(int i) {
        if (i >= 0 && i < topics.size()) {
            page.setText(text(topics.get(i).resource()));
            page.setTopIndex(0);
        }
    }

    /** The page shown (for tests). */
    public String pageText() {
        return page.getText();
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected Point getInitialSize() {
        // room for the 118-column pages beside the topic list, within the screen
        GC gc = new GC(getShell());
        gc.setFont(JFaceResources.getTextFont());
        int w = (int) (gc.getFontMetrics().getAverageCharacterWidth() * 124 / 0.78) + 40;
        gc.dispose();
        org.eclipse.swt.graphics.Rectangle screen = getShell().getDisplay().getPrimaryMonitor().getClientArea();
        return new Point(Math.min(w, screen.width - 40), Math.min(760, screen.height - 60));
    }
}
