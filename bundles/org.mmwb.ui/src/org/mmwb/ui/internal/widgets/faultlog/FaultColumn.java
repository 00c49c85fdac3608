package org.mmwb.ui.internal.widgets.faultlog;

import org.eclipse.swt.SWT;
import org.mmwb.core.mm.ReadOnlyFaultLog;
import org.mmwb.core.mm.VmFaultResult;

/**
 * The columns of the fault log table: title, alignment, a sample text that sizes the column, and the cell text of
 * one fault, read straight from the log's primitive columns (nothing is cached per row).
 */
public enum FaultColumn {
    /** Sequence number. */
    SEQ("seq", SWT.RIGHT, "10000000", (log, seq) -> Long.toString(seq)),
    /** Faulting task. */
    PID("pid", SWT.RIGHT, "99999", (log, seq) -> Integer.toString(log.pid(seq))),
    /** Faulting address. */
    ADDRESS("address", SWT.LEFT, "0x7fffffffffff", (log, seq) -> hex(log.address(seq))),
    /** r, w or x, plus "u" for a user-mode access. */
    ACCESS("access", SWT.LEFT, "w u", (log, seq) -> {
        int a = log.access(seq);
        return (a & ReadOnlyFaultLog.ACCESS_USER) != 0 ? ReadOnlyFaultLog.accessName(a) + " u" : ReadOnlyFaultLog.accessName(a);
    }),
    /** vm_start of the VMA, or "-" when the address is in no VMA. */
    VMA("VMA", SWT.LEFT, "0x7fffffffffff", (log, seq) -> {
        long v = log.vmaStart(seq);
        return v == ReadOnlyFaultLog.NO_VMA ? "-" : hex(v);
    }),
    /** The path the fault took (do_anonymous_page, do_wp_page, special_mapping_fault ...). */
    PATH("path", SWT.LEFT, "do_anonymous_page", (log, seq) -> nameOr(log, log.path(seq))),
    /** The handler (vm_ops or special mapping) that served it. */
    HANDLER("handler", SWT.LEFT, "[vvar_vclock]", (log, seq) -> nameOr(log, log.handler(seq))),
    /** vmf->pgoff. */
    PGOFF("pgoff", SWT.RIGHT, "0x7ffffffff", (log, seq) -> {
        long p = log.pgoff(seq);
        return p >= 0 && p < 100_000 ? Long.toString(p) : hex(p);
    }),
    /** VM_FAULT_* names ("0" for a plain success). */
    RESULT("result (VM_FAULT_)", SWT.LEFT, "NOPAGE|MAJOR", (log, seq) -> VmFaultResult.describe(log.result(seq))),
    /** The PFN mapped, "-" if none. */
    PFN("pfn", SWT.LEFT, "0xfffffffff", (log, seq) -> {
        long p = log.pfn(seq);
        return p == ReadOnlyFaultLog.NO_PFN ? "-" : hex(p);
    }),
    /** A recording's faults: the instruction pointer the live kernel recorded ({@link FaultOrigins}). */
    IP("ip", SWT.LEFT, "0x7fffffffffff", (log, seq) -> {
        long ip = log instanceof FaultOrigins o ? o.ip(seq) : -1;
        return ip == -1 ? "" : hex(ip);
    }),
    /** A recording's faults: the function at the ip, from the ELF symbols of the file mapped there. */
    FUNCTION("function (file)", SWT.LEFT, "__memset_avx2_unaligned_erms+0x2f (libc.so.6)",
            (log, seq) -> log instanceof FaultOrigins o ? o.function(seq) : "");

    /** Whether the column has something to show for log (ip and function: only a recording's log). */
    public boolean appliesTo(ReadOnlyFaultLog log) {
        return this != IP && this != FUNCTION || log instanceof FaultOrigins;
    }

    /** A cell's text from the log's columns. */
    @FunctionalInterface
    private interface Cell {
        String text(ReadOnlyFaultLog log, long seq);
    }

    private final String title;
    private final int align;
    private final String sample;
    private final Cell cell;

    FaultColumn(String title, int align, String sample, Cell cell) {
        this.title = title;
        this.align = align;
        this.sample = sample;
        this.cell = cell;
    }

    /** Column header. */
    public String title() {
        return title;
    }

    /** SWT.LEFT or SWT.RIGHT. */
    public int align() {
        return align;
    }

    /** A typical widest value, used to size the column. */
    public String sample() {
        return sample;
    }

    /** The cell text of fault {@code seq}. */
    public String text(ReadOnlyFaultLog log, long seq) {
        return cell.text(log, seq);
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    private static String nameOr(ReadOnlyFaultLog log, int id) {
        String n = log.name(id);
        return n != null ? n : "#" + id;
    }
}
