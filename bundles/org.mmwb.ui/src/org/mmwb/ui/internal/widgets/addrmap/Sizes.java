package org.mmwb.ui.internal.widgets.addrmap;

/** Human-readable sizes and addresses for the widgets (binary units, like the kernel's /proc output). */
public final class Sizes {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Sizes() {
    }

    /** "4 KiB", "132 KiB", "2.5 MiB", "127.9 TiB"; the value is unsigned. */
    public static String human(long bytes) {
        if (bytes >= 0 && bytes < 1024) {
            return bytes + " B";
        }
        double v = bytes >= 0 ? bytes : bytes + 0x1p64; // unsigned
        int u = 0;
        while (v >= 1024 && u < UNITS.length - 1) {
            v /= 1024;
            u++;
        }
        if (v == Math.rint(v)) {
            return (long) v + " " + UNITS[u];
        }
        return String.format(java.util.Locale.ROOT, v < 10 ? "%.2f %s" : v < 100 ? "%.1f %s" : "%.0f %s", v,
                UNITS[u]);
    }

    /** "0x7ffd3b1f0000" (unsigned hex). */
    public static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
