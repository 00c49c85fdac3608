package org.mmwb.scenario;

import java.io.IOException;
import java.util.List;

import org.mmwb.core.mm.FaultRecord;
import org.mmwb.core.mm.VmaSnapshot;

/**
 * The text form of a {@link RunReport}: one line per result ({@code LINE PID OP -> RESULT}), then for each dump its
 * /proc/PID/maps lines in the kernel's column layout, each followed by its {@code VmFlags:} line (as in smaps) and
 * its page letters, then optionally the faults.
 * <p>
 * A maps line follows fs/proc/task_mmu.c show_map_vma: {@code %08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu } then,
 * for a named VMA, spaces up to column 73 and the name; an unnamed VMA keeps the trailing space. Device and inode
 * are {@code 00:00 0}; the offset is {@code pgoff << 12}. Per-page results of {@code touch} repeat as
 * {@code RESULT*COUNT} when four or more in a row are equal.
 */
public final class ReportText {

    /**
     * What to print.
     *
     * @param results result lines
     * @param maps    /proc/PID/maps lines of every dump
     * @param flags   a {@code VmFlags:} line after each maps line (smaps-like)
     * @param pages   a {@code Pages:} line of page letters after each maps line
     * @param faults  the fault records
     * @param symbols symbolic names of addresses ({@code # $a+0x1000}) after results and maps lines
     */
    public record Options(boolean results, boolean maps, boolean flags, boolean pages, boolean faults,
            boolean symbols) {

        /** Results, maps, VmFlags and pages: what {@code ./mmwb run FILE} prints. */
        public static final Options DEFAULT = new Options(true, true, true, true, false, false);

        public Options withFaults(boolean on) {
            return new Options(results, maps, flags, pages, on, symbols);
        }

        public Options withSymbols(boolean on) {
            return new Options(results, maps, flags, pages, faults, on);
        }
    }

    /** Column where show_map_vma starts a name (seq_setwidth(25 + 6 * sizeof(void *) - 1) then one space). */
    static final int NAME_PAD = 72;

    private ReportText() {
    }

    public static String format(RunReport r) {
        return format(r, Options.DEFAULT);
    }

    public static String format(RunReport r, Options o) {
        StringBuilder sb = new StringBuilder();
        try {
            write(r, o, sb);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringBuilder does not fail
        }
        return sb.toString();
    }

    /** Writes the text form line by line to {@code out}: a million faults never stand in memory as one string. */
    public static void write(RunReport r, Options o, Appendable out) throws IOException {
        if (o.results()) {
            for (OpRecord rec : r.results()) {
                out.append(resultLine(rec));
                if (o.symbols() && rec.sym() != null) {
                    out.append("  # ").append(rec.sym());
                }
                out.append('\n');
            }
        }
        if (o.maps() || o.flags() || o.pages()) {
            for (DumpRecord d : r.dumps()) {
                out.append(d.line() == null ? "final pid " + d.pid() + ":" : "dump line " + d.line() + " pid "
                        + d.pid() + ":").append('\n');
                for (VmaSnapshot v : d.vmas()) {
                    if (o.maps()) {
                        out.append(mapsLine(v));
                        if (o.symbols() && v.sym() != null) {
                            out.append("  # ").append(v.sym());
                        }
                        out.append('\n');
                    }
                    if (o.flags()) {
                        out.append(vmFlagsLine(v.flags())).append('\n');
                    }
                    if (o.pages()) {
                        out.append("Pages: ").append(v.pages()).append('\n');
                    }
                }
            }
        }
        if (o.faults()) {
            if (!r.faultCapture().captured()) {
                out.append("faults not captured: ").append(r.faultCapture().note()).append('\n');
            }
            for (FaultRecord f : r.faults()) {
                out.append(faultLine(f)).append('\n');
            }
        }
    }

    /** {@code 5 1 touch -> ok SIGSEGV(ACCERR)}. */
    public static String resultLine(OpRecord rec) {
        return rec.line() + " " + rec.pid() + " " + rec.op() + " -> " + results(rec.results());
    }

    static String results(List<OpResult> rs) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < rs.size()) {
            String t = rs.get(i).text();
            int j = i + 1;
            while (j < rs.size() && rs.get(j).text().equals(t)) {
                j++;
            }
            int n = j - i;
            if (n >= 4) {
                sb.append(sb.length() == 0 ? "" : " ").append(t).append('*').append(n);
            } else {
                for (int k = 0; k < n; k++) {
                    sb.append(sb.length() == 0 ? "" : " ").append(t);
                }
            }
            i = j;
        }
        return sb.toString();
    }

    /** One /proc/PID/maps line, without the newline. */
    public static String mapsLine(VmaSnapshot v) {
        StringBuilder sb = new StringBuilder(96);
        sb.append(hex8(v.start())).append('-').append(hex8(v.end())).append(' ');
        String perms = (v.perms() + "----").substring(0, 4);
        sb.append(perms).append(' ');
        sb.append(hex8(v.pgoff() << 12)).append(' ');
        sb.append("00:00 0 ");
        if (!v.name().isEmpty()) {
            while (sb.length() < NAME_PAD) {
                sb.append(' ');
            }
            sb.append(' ').append(v.name());
        }
        return sb.toString();
    }

    /** The smaps {@code VmFlags:} line: each mnemonic followed by a space, as show_smap_vma_flags prints it. */
    public static String vmFlagsLine(List<String> flags) {
        StringBuilder sb = new StringBuilder("VmFlags: ");
        for (String f : flags) {
            sb.append(f).append(' ');
        }
        return sb.toString();
    }

    public static String faultLine(FaultRecord f) {
        return "fault " + f.seq() + " pid " + f.pid() + " 0x" + Long.toHexString(f.address()) + " " + f.access()
                + " vma=" + (f.vma().isEmpty() ? "-" : f.vma()) + " handler=" + (f.handler().isEmpty() ? "-"
                        : f.handler()) + " pgoff=" + f.pgoff() + " result=" + f.resultName() + " pfn="
                + (f.pfn() < 0 ? "-" : "0x" + Long.toHexString(f.pfn())) + (f.reason() != null ? " reason=" + f.reason() : "")
                + (f.sym() != null ? "  # " + f.sym() : "");
    }

    private static String hex8(long v) {
        String h = Long.toHexString(v);
        return h.length() >= 8 ? h : "0".repeat(8 - h.length()) + h;
    }
}
