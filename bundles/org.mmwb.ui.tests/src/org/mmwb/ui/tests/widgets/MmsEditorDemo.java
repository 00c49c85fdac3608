package org.mmwb.ui.tests.widgets;

import java.util.List;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.source.AnnotationModel;
import org.eclipse.jface.text.source.AnnotationPainter;
import org.eclipse.jface.text.source.CompositeRuler;
import org.eclipse.jface.text.source.IAnnotationAccess;
import org.eclipse.jface.text.source.LineNumberRulerColumn;
import org.eclipse.jface.text.source.SourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.mmwb.ui.internal.editor.Diag;
import org.mmwb.ui.internal.editor.MmsDiagnostics;
import org.mmwb.ui.internal.editor.MmsPresentation;

/**
 * Visual check of the .mms colouring and diagnostics, on a plain {@link SourceViewer} (the {@code MmsEditor}
 * itself needs a running workbench): a scenario using every token kind, plus two parser errors drawn as squiggles.
 */
public final class MmsEditorDemo {

    static final String TEXT = """
            # special mappings: fault [vvar] pages, then move [vdso]
            kernel x86_64-6.18 levels=4
            file data 64K                      # memfd: byte 0 of page i = 'A'+i
            $a = mmap 0 2M rw- private anon populate
            $f = mmap 0x7f0000000000 64K r-- shared file=data:0x1000 fixed noreplace
            mprotect $a+8K 4K ---
            madvise $a 1M dontneed
            madvise $a+1M 64K guard_install
            touch $a 16K w
            touch [vvar] 16K r                 # time, timens: SIGBUS(ADRERR), rng, arch
            read [vvar_vclock]+4K
            mremap [vdso] 8K 8K maymove fixed=0x7f1000000000
            brk +132K
            fork
            write $a 0x5a
            exit
            munmap $a 3X                       # error: bad size
            mmap 0x1000 4K rwz                 # error: bad protection
            dump
            """;

    private MmsEditorDemo() {
    }

    /** Runs the demo. */
    @SuppressWarnings("deprecation") // IAnnotationAccess: the non-deprecated access lives in ui.editors
    public static void main(String[] args) {
        Display d = new Display();
        Shell shell = new Shell(d);
        shell.setText("scenario.mms");
        shell.setLayout(new FillLayout());
        shell.setSize(900, 520);
        CompositeRuler ruler = new CompositeRuler();
        LineNumberRulerColumn lines = new LineNumberRulerColumn();
        ruler.addDecorator(0, lines);
        SourceViewer viewer = new SourceViewer(shell, ruler, SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        viewer.getTextWidget().setFont(JFaceResources.getTextFont());
        viewer.getTextWidget().setLeftMargin(8);
        lines.setFont(JFaceResources.getTextFont());
        Document doc = new Document(TEXT);
        AnnotationModel model = new AnnotationModel();
        viewer.setDocument(doc, model);
        PresentationReconciler pr = MmsPresentation.createReconciler();
        pr.install(viewer);
        IAnnotationAccess access = new IAnnotationAccess() {
            @Override
            public Object getType(org.eclipse.jface.text.source.Annotation a) {
                return a.getType();
            }

            @Override
            public boolean isMultiLine(org.eclipse.jface.text.source.Annotation a) {
                return false;
            }

            @Override
            public boolean isTemporary(org.eclipse.jface.text.source.Annotation a) {
                return false;
            }
        };
        AnnotationPainter painter = new AnnotationPainter(viewer, access);
        painter.addTextStyleStrategy("squiggly", new AnnotationPainter.UnderlineStrategy(SWT.UNDERLINE_SQUIGGLE));
        painter.addAnnotationType(MmsDiagnostics.ERROR_TYPE, "squiggly");
        painter.setAnnotationTypeColor(MmsDiagnostics.ERROR_TYPE, new org.eclipse.swt.graphics.Color(new RGB(0xff,
                0, 0)));
        viewer.addPainter(painter);
        viewer.addTextPresentationListener(painter); // text-style strategies (squiggles) apply via presentation
        MmsDiagnostics diags = new MmsDiagnostics();
        diags.show(doc, model, List.of(new Diag(17, 11, "expected a size (number with K, M or G)"),
                new Diag(18, 16, "expected a protection like rw- or r-x")));
        painter.paint(org.eclipse.jface.text.IPainter.CONFIGURATION);
        System.out.println("annotations: " + count(model));
        shell.open();
        Shots.settle(d, 300);
        Shots.save(shell, "mms-editor");
        diags.show(doc, model, List.of());
        System.out.println("after clearing: " + count(model));
        d.dispose();
    }

    private static int count(AnnotationModel m) {
        int n = 0;
        for (var it = m.getAnnotationIterator(); it.hasNext(); it.next()) {
            n++;
        }
        return n;
    }
}
