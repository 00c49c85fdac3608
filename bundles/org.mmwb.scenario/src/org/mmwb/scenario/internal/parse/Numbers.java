package org.mmwb.scenario.internal.parse;

/**
 * Reads the language's numbers: decimal or 0x-hex, optionally followed by K, M or G (x1024, case-insensitive),
 * as unsigned 64-bit values.
 */
public final class Numbers {

    private Numbers() {
    }

    /** A parsed number, or the reason it is not one. */
    public record Parsed(long value, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    /** What the parser says a number should look like. */
    public static final String EXPECTED = "a number (decimal or 0x-hex, optionally K, M or G)";

    public static Parsed parse(String t) {
        if (t.isEmpty()) {
            return new Parsed(0, "expected " + EXPECTED);
        }
        boolean hex = t.length() > 1 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X');
        int i = hex ? 2 : 0;
        int digitsStart = i;
        long v = 0;
        boolean overflow = false;
        while (i < t.length()) {
            char c = t.charAt(i);
            int d = Character.digit(c, hex ? 16 : 10);
            if (d < 0) {
                break;
            }
            if (hex) {
                if ((v >>> 60) != 0) {
                    overflow = true;
                }
                v = (v << 4) | d;
            } else {
                if (Long.compareUnsigned(v, Long.divideUnsigned(-1L - d, 10)) > 0) {
                    overflow = true;
                }
                v = v * 10 + d;
            }
            i++;
        }
        if (i == digitsStart) {
            return new Parsed(0, "expected " + EXPECTED + " but found '" + t + "'");
        }
        if (overflow) {
            return new Parsed(0, "number " + t + " does not fit in 64 bits (largest is 0xffffffffffffffff)");
        }
        if (i == t.length()) {
            return new Parsed(v, null);
        }
        int shift = switch (t.substring(i)) {
            case "K", "k" -> 10;
            case "M", "m" -> 20;
            case "G", "g" -> 30;
            default -> -1;
        };
        if (shift < 0) {
            return new Parsed(0, "expected " + EXPECTED + " but found '" + t + "'");
        }
        if ((v >>> (64 - shift)) != 0) {
            return new Parsed(0, "size " + t + " overflows 64 bits (largest is 0xffffffffffffffff)");
        }
        return new Parsed(v << shift, null);
    }
}
