package org.mmwb.host.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mmwb.host.HostVma;

/** Parses /proc/PID/smaps (show_map_vma + show_smap in fs/proc/task_mmu.c) into VMAs without page letters. */
public final class SmapsReader {
    private static final Pattern HEADER = Pattern.compile(
            "^([0-9a-f]+)-([0-9a-f]+) (\\S{4}) ([0-9a-f]+) \\S+ \\d+ ?(.*)$");

    private SmapsReader() {
    }

    /**
     * @param lines the lines of an smaps file
     * @return its VMAs in file order, with VmFlags and Rss and empty page letters
     */
    public static List<HostVma> parse(List<String> lines) {
        List<HostVma> out = new ArrayList<>();
        Matcher m = null;
        long rss = 0;
        List<String> flags = List.of();
        for (String l : lines) {
            Matcher h = HEADER.matcher(l);
            if (h.matches()) {
                if (m != null) {
                    out.add(vma(m, flags, rss));
                }
                m = h;
                rss = 0;
                flags = List.of();
            } else if (l.startsWith("Rss:")) {
                rss = Long.parseLong(l.substring(4).replace("kB", "").trim());
            } else if (l.startsWith("VmFlags:")) {
                String f = l.substring(8).trim();
                flags = f.isEmpty() ? List.of() : Arrays.asList(f.split("\\s+"));
            }
        }
        if (m != null) {
            out.add(vma(m, flags, rss));
        }
        return out;
    }

    private static HostVma vma(Matcher m, List<String> flags, long rss) {
        return new HostVma(Long.parseUnsignedLong(m.group(1), 16), Long.parseUnsignedLong(m.group(2), 16), m.group(3),
                Long.parseUnsignedLong(m.group(4), 16), m.group(5).strip(), flags, rss, "");
    }
}
