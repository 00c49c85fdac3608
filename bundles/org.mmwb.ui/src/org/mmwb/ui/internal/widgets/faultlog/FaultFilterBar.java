package org.mmwb.ui.internal.widgets.faultlog;

import java.util.BitSet;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.mmwb.core.mm.ReadOnlyFaultLog;
import org.mmwb.core.mm.VmFaultResult;

/**
 * The row of filter fields above the fault log table: pid, VMA start, result and handler. Enter in a text field
 * or a choice in a combo applies; a field that does not parse is marked and ignored.
 */
final class FaultFilterBar extends Composite {

    /** A result choice: label, mask, bits. */
    private record ResultChoice(String label, int mask, int bits) {
    }

    private static final ResultChoice[] RESULTS = {
        new ResultChoice("any", 0, 0),
        new ResultChoice("0 (no bits)", -1, 0),
        new ResultChoice("no error", VmFaultResult.ERROR, 0),
        new ResultChoice("NOPAGE", VmFaultResult.NOPAGE, VmFaultResult.NOPAGE),
        new ResultChoice("MAJOR", VmFaultResult.MAJOR, VmFaultResult.MAJOR),
        new ResultChoice("SIGBUS", VmFaultResult.SIGBUS, VmFaultResult.SIGBUS),
        new ResultChoice("SIGSEGV", VmFaultResult.SIGSEGV, VmFaultResult.SIGSEGV),
        new ResultChoice("OOM", VmFaultResult.OOM, VmFaultResult.OOM),
        new ResultChoice("RETRY", VmFaultResult.RETRY, VmFaultResult.RETRY),
        new ResultChoice("DONE_COW", VmFaultResult.DONE_COW, VmFaultResult.DONE_COW),
    };

    private final FaultLogTable table;
    private final Text pid;
    private final Text vma;
    private final Combo result;
    private final Combo handler;
    private int[] handlerIds = new int[0];
    private java.util.function.Function<String, long[]> vmaResolver;
    private int typing;

    private ReadOnlyFaultLog log;
    private final BitSet handlersSeen = new BitSet();
    private long handlersScannedTo;
    private boolean scanQueued;
    private static final int SCAN_SLICE = 1 << 20;

    FaultFilterBar(Composite parent, FaultLogTable table) {
        super(parent, SWT.NONE);
        this.table = table;
        GridLayout gl = new GridLayout(9, false);
        gl.marginWidth = 2;
        gl.marginHeight = 2;
        setLayout(gl);

        label("pid");
        pid = text(7, "Task id, empty for all");
        label("VMA");
        vma = text(22, "An address inside a VMA (0x7ffd...), perms (r-x, rw-p), part of a name (memfd, stack), "
                + "'-' for faults outside any VMA; empty for all");
        vma.setMessage("address, perms or name");
        vma.addListener(SWT.Modify, e -> applySoon());
        pid.addListener(SWT.Modify, e -> applySoon());
        label("result");
        result = new Combo(this, SWT.READ_ONLY | SWT.DROP_DOWN);
        for (ResultChoice c : RESULTS) {
            result.add(c.label());
        }
        result.select(0);
        result.addListener(SWT.Selection, e -> apply());
        label("handler");
        handler = new Combo(this, SWT.READ_ONLY | SWT.DROP_DOWN);
        handler.add("any");
        handler.select(0);
        handler.addListener(SWT.Selection, e -> apply());
        handler.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, true, false));
        Button clear = new Button(this, SWT.PUSH);
        clear.setText("Clear");
        clear.setToolTipText("Show all faults");
        clear.addListener(SWT.Selection, e -> table.setFilter(FaultFilter.ALL));
    }

    /**
     * Learn the handler names the log uses: incrementally, in slices of {@link #SCAN_SLICE} faults run after the
     * table has painted, so that opening a huge log is not held up by this scan.
     */
    void logChanged(ReadOnlyFaultLog newLog) {
        if (newLog != log) {
            log = newLog;
            handlersSeen.clear();
            handlersScannedTo = 0;
            fillHandlers();
        }
        if (log != null && !scanQueued) {
            scanQueued = true;
            getDisplay().asyncExec(this::scanSlice);
        }
    }

    private void scanSlice() {
        scanQueued = false;
        if (isDisposed() || log == null) {
            return;
        }
        int before = handlersSeen.cardinality();
        long from = Math.max(handlersScannedTo, log.firstSeq());
        long to = Math.min(log.nextSeq(), from + SCAN_SLICE);
        for (long s = from; s < to; s++) {
            handlersSeen.set(log.handler(s));
        }
        handlersScannedTo = to;
        if (handlersSeen.cardinality() != before) {
            fillHandlers();
        }
        if (to < log.nextSeq()) {
            scanQueued = true;
            getDisplay().asyncExec(this::scanSlice);
        }
    }

    /**
     * How typed VMA text becomes VMAs: the starts of the VMAs it names (an address inside, perms, part of a name),
     * null when the text cannot be read. Without one only a hex vm_start is understood.
     */
    void setVmaResolver(java.util.function.Function<String, long[]> resolver) {
        vmaResolver = resolver;
    }

    /** The VMA field (for tests). */
    Text vmaField() {
        return vma;
    }

    /** Applies the fields a moment after the last keystroke (the index of a huge log is rebuilt per filter). */
    private void applySoon() {
        int gen = ++typing;
        getDisplay().timerExec(250, () -> {
            if (gen == typing && !isDisposed()) {
                apply();
            }
        });
    }

    /** Put {@code f} into the fields (after a programmatic setFilter). */
    void show(FaultFilter f) {
        String p = f.pid() == FaultFilter.ANY_PID ? "" : Integer.toString(f.pid());
        if (!pid.getText().strip().equals(p)) {
            pid.setText(p);
        }
        if (f.vmaStarts() == null) { // a set came from the text typed: keep it as typed
            String v = f.vmaStart() == FaultFilter.ANY_VMA ? ""
                    : f.vmaStart() == ReadOnlyFaultLog.NO_VMA ? "-" : "0x" + Long.toHexString(f.vmaStart());
            if (!vma.getText().strip().equals(v)) {
                vma.setText(v);
            }
        }
        typing++; // the text set here is applied already
        int r = 0;
        for (int i = 0; i < RESULTS.length; i++) {
            if (RESULTS[i].mask() == f.resultMask() && RESULTS[i].bits() == f.resultBits()) {
                r = i;
            }
        }
        result.select(r);
        int h = 0;
        for (int i = 0; i < handlerIds.length; i++) {
            if (handlerIds[i] == f.handler()) {
                h = i + 1;
            }
        }
        handler.select(h);
        mark(pid, true);
        mark(vma, true);
    }

    private void fillHandlers() {
        String keep = handler.getText();
        handler.removeAll();
        handler.add("any");
        handlerIds = log == null ? new int[0] : handlersSeen.stream().toArray();
        for (int id : handlerIds) {
            if (log == null) {
                break;
            }
            String n = log.name(id);
            handler.add(n != null ? n : "#" + id);
        }
        int i = handler.indexOf(keep);
        handler.select(Math.max(0, i));
        layout(true);
    }

    private void apply() {
        FaultFilter f = FaultFilter.ALL;
        String p = pid.getText().strip();
        boolean pidOk = true;
        if (!p.isEmpty()) {
            try {
                f = f.withPid(Integer.parseInt(p));
            } catch (NumberFormatException ex) {
                pidOk = false;
            }
        }
        mark(pid, pidOk);
        String v = vma.getText().strip();
        boolean vmaOk = true;
        if (v.equals("-")) {
            f = f.withVmaStart(ReadOnlyFaultLog.NO_VMA);
        } else if (!v.isEmpty() && vmaResolver != null) {
            long[] starts = vmaResolver.apply(v);
            if (starts == null) {
                vmaOk = false;
            } else {
                f = f.withVmaStarts(starts);
            }
        } else if (!v.isEmpty()) {
            try {
                f = f.withVmaStart(Long.parseUnsignedLong(v.startsWith("0x") || v.startsWith("0X") ? v.substring(2)
                        : v, 16));
            } catch (NumberFormatException ex) {
                vmaOk = false;
            }
        }
        mark(vma, vmaOk);
        ResultChoice rc = RESULTS[Math.max(0, result.getSelectionIndex())];
        f = f.withResult(rc.mask(), rc.bits());
        int h = handler.getSelectionIndex();
        if (h > 0 && h - 1 < handlerIds.length) {
            f = f.withHandler(handlerIds[h - 1]);
        }
        table.setFilter(f);
    }

    private void label(String s) {
        Label l = new Label(this, SWT.NONE);
        l.setText(s);
    }

    private Text text(int chars, String tip) {
        Text t = new Text(this, SWT.BORDER | SWT.SINGLE);
        t.setToolTipText(tip + ". Applies as you type.");
        t.setMessage("any");
        GridData gd = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(t);
        gd.widthHint = (int) Math.ceil(chars * gc.getFontMetrics().getAverageCharacterWidth()) + 8;
        gc.dispose();
        t.setLayoutData(gd);
        t.addListener(SWT.DefaultSelection, e -> apply());
        return t;
    }

    private static void mark(Text t, boolean ok) {
        t.setBackground(ok ? null : t.getDisplay().getSystemColor(SWT.COLOR_YELLOW));
    }
}
