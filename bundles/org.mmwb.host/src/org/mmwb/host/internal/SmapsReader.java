package org.mmwb.host.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mmwb.host.HostVma;

/**
 * Parses /proc/PID/smaps (show_map_vma + show_smap in fs/proc/task_mmu.c) into VMAs without page letters, line by
 * line: a process of a million VMAs has ~25 million smaps lines, which are never held at once. Every line must be
 * a VMA header or a {@code Key: value} line; anything else (a file cut short, not smaps at all) is an error naming
 * the line. VmFlags lists and names are shared between VMAs that have the same ones.
 */
public final class SmapsReader {
    private static final Pattern HEADER = Pattern.compile(
            "^([0-9a-f]+)-([0-9a-f]+) ([r-][w-][x-][ps]) ([0-9a-f]+) \\S+ \\d+ ?(.*)$");
    private static final Pattern FIELD = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*:.*");
    private static final Pattern KB = Pattern.compile("^Rss:\\s+(\\d{1,15}) kB$");

    private final String source;
    private final Map<String, List<String>> flagLists = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private int line;

    private SmapsReader(String source) {
        this.source = source;
    }

    /** A line of smaps that is not what the kernel writes. */
    public static final class FormatException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean overlap;

        FormatException(String message, boolean overlap) {
            super(message);
            this.overlap = overlap;
        }

        /**
         * @return whether the line is a well-formed VMA that starts below the end of the one before: what a live
         *         process shows when it changes its mappings between two of the reads that make up one smaps read
         *         (show_smap drops mmap_lock between seq_file buffers and resumes at the last end shown)
         */
        public boolean overlap() {
            return overlap;
        }
    }

    /**
     * @param in     smaps text
     * @param source the file's name for messages
     * @return its VMAs in file order, with VmFlags and Rss and empty page letters
     * @throws FormatException "SOURCE:LINE: what is wrong"
     */
    public static List<HostVma> parse(BufferedReader in, String source) throws IOException, FormatException {
        return new SmapsReader(source).read(in);
    }

    private List<HostVma> read(BufferedReader in) throws IOException, FormatException {
        List<HostVma> out = new ArrayList<>();
        Matcher m = null;
        long rss = 0;
        List<String> flags = List.of();
        long previousEnd = 0;
        String l;
        while ((l = in.readLine()) != null) {
            line++;
            Matcher h = startsHex(l) ? HEADER.matcher(l) : null;
            if (h != null && h.matches()) {
                if (m != null) {
                    out.add(vma(m, flags, rss));
                }
                long start = hex(h.group(1));
                long end = hex(h.group(2));
                boolean wellFormed = ((start | end) & 0xfff) == 0 && Long.compareUnsigned(end, start) > 0;
                if (!wellFormed || Long.compareUnsigned(start, previousEnd) < 0) {
                    throw new FormatException(source + ":" + line + ": not a VMA the kernel can have (unaligned, "
                            + "empty or out of order): '" + l + "'", wellFormed);
                }
                previousEnd = end;
                m = h;
                rss = 0;
                flags = List.of();
            } else if (m == null || !FIELD.matcher(l).matches()) {
                throw error("not an smaps line: '" + shorten(l) + "'");
            } else if (l.startsWith("Rss:")) {
                Matcher k = KB.matcher(l);
                if (!k.matches()) {
                    throw error("not an Rss line: '" + shorten(l) + "'");
                }
                rss = Long.parseLong(k.group(1));
            } else if (l.startsWith("VmFlags:")) {
                flags = flagLists.computeIfAbsent(l.substring(8).trim(),
                        f -> f.isEmpty() ? List.of() : List.copyOf(Arrays.asList(f.split("\\s+"))));
            }
        }
        if (m != null) {
            out.add(vma(m, flags, rss));
        }
        return out;
    }

    /** Header lines start with the VMA's start address; the others with a field name (a capital letter). */
    private static boolean startsHex(String l) {
        char c = l.isEmpty() ? ' ' : l.charAt(0);
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
    }

    private HostVma vma(Matcher m, List<String> flags, long rss) throws FormatException {
        String name = m.group(5).strip();
        return new HostVma(hex(m.group(1)), hex(m.group(2)), m.group(3), hex(m.group(4)),
                names.computeIfAbsent(name, n -> n), flags, rss, "");
    }

    private long hex(String s) throws FormatException {
        try {
            return Long.parseUnsignedLong(s, 16);
        } catch (NumberFormatException e) {
            throw error("'" + shorten(s) + "' is not a 64-bit hexadecimal number");
        }
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    private FormatException error(String what) {
        return new FormatException(source + ":" + line + ": " + what, false);
    }
}
