package org.mmwb.ui.internal.actions;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.Bundle;

/**
 * Help > Tour of mmwb: the workbench's short tour (help/tour.txt of this bundle) in a dialog. The target platform
 * has org.eclipse.help but no help UI, so the help pages ship as text here and as docs/workbench.md.
 */
public final class TourDialog extends Dialog {

    /** Bundle path of the tour text. */
    public static final String TOUR = "help/tour.txt";

    private final String title;
    private final String resource;

    public TourDialog(Shell parent, String title, String resource) {
        super(parent);
        this.title = title;
        this.resource = resource;
        setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MAX);
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
        shell.setText(title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        StyledText t = new StyledText(area, SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.READ_ONLY | SWT.BORDER);
        t.setText(text(resource));
        t.setFont(JFaceResources.getDialogFont());
        t.setLeftMargin(8);
        t.setRightMargin(8);
        t.setTopMargin(6);
        t.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected Point getInitialSize() {
        return new Point(720, 600);
    }
}
