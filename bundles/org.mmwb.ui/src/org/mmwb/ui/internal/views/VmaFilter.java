package org.mmwb.ui.internal.views;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.mmwb.ui.internal.session.VmaRow;

/**
 * The Address Space view's filter, read as pwndbg's {@code vmmap} reads its argument: an address shows the VMA
 * containing it, permissions ({@code r-x}, {@code rw-p}) show the VMAs with them, anything else is a
 * case-insensitive part of the name ({@code vdso}, {@code memfd}, {@code [stack]}).
 */
final class VmaFilter {

    private static final Pattern PERMS = Pattern.compile("[r-][w-][x-][psh]?");
    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F_]{1,16}");
    private static final Pattern DEC = Pattern.compile("[0-9]{1,20}");

    private VmaFilter() {
    }

    /** How the text is read, for the filter box's status ("address 0x...", "perms r-x", "name vdso"). */
    static String describe(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return "";
        }
        if (PERMS.matcher(t).matches()) {
            return "perms " + t;
        }
        Long a = address(t);
        return a != null ? String.format("address 0x%x", a) : "name containing \"" + t + "\"";
    }

    /** The predicate for the text; blank text lets everything through. */
    static Predicate<VmaRow> parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return v -> true;
        }
        if (PERMS.matcher(t).matches()) {
            return v -> v.perms().startsWith(t);
        }
        Long addr = address(t);
        if (addr != null) {
            long a = addr;
            return v -> v.contains(a);
        }
        String needle = t.toLowerCase(Locale.ROOT);
        return v -> v.displayName().toLowerCase(Locale.ROOT).contains(needle);
    }

    /** An address typed as 0x-hex or decimal, or null. */
    static Long address(String t) {
        try {
            if (HEX.matcher(t).matches()) {
                return Long.parseUnsignedLong(t.substring(2).replace("_", ""), 16);
            }
            if (DEC.matcher(t).matches()) {
                return Long.parseUnsignedLong(t);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }
}
