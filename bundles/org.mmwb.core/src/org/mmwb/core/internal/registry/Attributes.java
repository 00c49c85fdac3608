package org.mmwb.core.internal.registry;

import java.util.LinkedHashSet;
import java.util.Set;

/** Parsing of the extension point's attribute values (plain Java, so it is tested without a registry). */
final class Attributes {
    private Attributes() {
    }

    /** A decimal or 0x-hex unsigned number, or null when the text is not one. */
    static Long number(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim().replace("_", "");
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return t.length() > 2 ? Long.parseUnsignedLong(t.substring(2), 16) : null;
            }
            return t.isEmpty() ? null : Long.parseUnsignedLong(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A mapping name: non-empty, in square brackets, without blanks. */
    static boolean isMappingName(String s) {
        return s != null && s.length() > 2 && s.startsWith("[") && s.endsWith("]")
                && s.substring(1, s.length() - 1).chars().noneMatch(c -> c == '[' || c == ']' || c <= ' ');
    }

    /** The profile ids of a comma-separated list; empty for "*" or an absent attribute (every profile). */
    static Set<String> profiles(String s) {
        Set<String> out = new LinkedHashSet<>();
        if (s == null || s.trim().equals("*")) {
            return out;
        }
        for (String p : s.split(",")) {
            if (!p.isBlank()) {
                out.add(p.trim());
            }
        }
        return out;
    }
}
