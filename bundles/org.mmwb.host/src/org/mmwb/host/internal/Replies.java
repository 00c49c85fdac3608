package org.mmwb.host.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mmwb.host.HostException;
import org.mmwb.host.HostResult;
import org.mmwb.host.HostVma;

/** Turns the helper's answer lines into results and VMAs (the grammar is in native/mmwb-hostd.c). */
public final class Replies {
    private Replies() {
    }

    /**
     * @param line one result line: ok, val, err, sig or fail
     * @return the result it says
     */
    public static HostResult result(String line) {
        String[] f = line.split(" ");
        try {
            switch (f[0]) {
                case "ok":
                    return HostResult.ok();
                case "val":
                    return HostResult.value(Long.parseUnsignedLong(hex(f[1]), 16),
                            f.length > 2 ? Long.parseUnsignedLong(hex(f[2]), 16) : 0);
                case "err":
                    return HostResult.errno(Integer.parseInt(f[1]), f[2]);
                case "sig":
                    return HostResult.signal(Integer.parseInt(f[1]), f[2], f[3], Long.parseUnsignedLong(hex(f[4]), 16));
                case "fail":
                    return HostResult.failure(line.substring(4).trim());
                default:
                    break;
            }
        } catch (RuntimeException e) {
            // fall through to the protocol error below
        }
        throw new HostException("the live-kernel helper answered something unexpected: " + line);
    }

    /**
     * @param line a {@code val} line with any number of values
     * @return the values, or null when the line is not a {@code val} line
     */
    public static long[] values(String line) {
        String[] f = line.split(" ");
        if (!f[0].equals("val")) {
            return null;
        }
        long[] out = new long[f.length - 1];
        try {
            for (int i = 1; i < f.length; i++) {
                out[i - 1] = Long.parseUnsignedLong(hex(f[i]), 16);
            }
        } catch (NumberFormatException e) {
            throw new HostException("the live-kernel helper answered something unexpected: " + line);
        }
        return out;
    }

    private static String hex(String s) {
        return s.startsWith("0x") ? s.substring(2) : s;
    }

    /**
     * @param block a {@code list N} block, or a single result line (a failure before the list)
     * @return one result per page
     */
    public static List<HostResult> results(List<String> block) {
        if (!block.get(0).startsWith("list ")) {
            return List.of(result(block.get(0)));
        }
        List<HostResult> out = new ArrayList<>(block.size() - 1);
        for (String l : block.subList(1, block.size())) {
            out.add(result(l));
        }
        return out;
    }

    /**
     * @param line a dump line: START END PERMS OFFSET VMFLAGS RSS_KB PAGES NAME, separated by TAB
     * @return the VMA it describes
     */
    public static HostVma vma(String line) {
        String[] f = line.split("\t", 8);
        if (f.length < 7) {
            throw new HostException("the live-kernel helper sent a malformed dump line: " + line);
        }
        List<String> flags = f[4].isEmpty() ? List.of() : Arrays.asList(f[4].split(","));
        return new HostVma(Long.parseUnsignedLong(f[0], 16), Long.parseUnsignedLong(f[1], 16), f[2],
                Long.parseUnsignedLong(f[3], 16), f.length > 7 ? f[7] : "", flags, Long.parseLong(f[5]), f[6]);
    }

    /**
     * @param line {@code rates R1 R2 ...}
     * @return the rates
     */
    public static double[] rates(String line) {
        if (!line.startsWith("rates ")) {
            throw new HostException("benchmark failed: " + line);
        }
        return Arrays.stream(line.substring(6).trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }
}
