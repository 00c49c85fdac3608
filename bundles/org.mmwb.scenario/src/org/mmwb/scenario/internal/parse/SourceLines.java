package org.mmwb.scenario.internal.parse;

import java.util.ArrayList;
import java.util.List;

import org.mmwb.scenario.Diagnostic;

/**
 * Splits raw file bytes into lines of text and rejects what is not text: invalid UTF-8, NUL and other control
 * characters, very long lines. One diagnostic per bad line, at the column of the first bad character; a bad line
 * is not parsed further, the other lines are.
 */
public final class SourceLines {

    /** Longest line accepted, in code points. Real scenario lines are short; a longer one is junk or a mistake. */
    public static final int MAX_LINE = 4096;

    /** A line of text; {@code text} is null when the line was rejected. */
    public record Line(int number, String text) {
    }

    private SourceLines() {
    }

    public static List<Line> split(String file, byte[] data, List<Diagnostic> out) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        if (data.length >= 3 && (data[0] & 0xff) == 0xef && (data[1] & 0xff) == 0xbb && (data[2] & 0xff) == 0xbf) {
            start = 3; // a UTF-8 byte order mark is harmless
        }
        int number = 1;
        while (start <= data.length) {
            int end = start;
            while (end < data.length && data[end] != '\n') {
                end++;
            }
            if (end == data.length && start == data.length && number > 1) {
                break; // no empty line after the final newline
            }
            int stop = end > start && data[end - 1] == '\r' ? end - 1 : end;
            lines.add(new Line(number, check(file, number, data, start, stop, out)));
            number++;
            start = end + 1;
        }
        return lines;
    }

    private static String check(String file, int number, byte[] d, int from, int to, List<Diagnostic> out) {
        StringBuilder sb = new StringBuilder(Math.min(to - from, MAX_LINE + 1));
        int column = 1;
        int i = from;
        while (i < to) {
            int b = d[i] & 0xff;
            int cp;
            int n;
            if (b < 0x80) {
                cp = b;
                n = 1;
            } else if (b >= 0xc2 && b <= 0xdf) {
                cp = b & 0x1f;
                n = 2;
            } else if (b >= 0xe0 && b <= 0xef) {
                cp = b & 0x0f;
                n = 3;
            } else if (b >= 0xf0 && b <= 0xf4) {
                cp = b & 0x07;
                n = 4;
            } else {
                out.add(bad(file, number, column, b));
                return null;
            }
            if (i + n > to) {
                out.add(new Diagnostic(file, number, column,
                        "truncated UTF-8 sequence (byte 0x" + hex(b) + "); a scenario is UTF-8 text"));
                return null;
            }
            for (int k = 1; k < n; k++) {
                int c = d[i + k] & 0xff;
                if ((c & 0xc0) != 0x80) {
                    out.add(bad(file, number, column, b));
                    return null;
                }
                cp = (cp << 6) | (c & 0x3f);
            }
            if ((n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff))) {
                out.add(bad(file, number, column, b));
                return null;
            }
            if (cp == 0) {
                out.add(new Diagnostic(file, number, column, "NUL byte (binary data?); a scenario is UTF-8 text"));
                return null;
            }
            if ((cp < 0x20 && cp != '\t') || cp == 0x7f) {
                out.add(new Diagnostic(file, number, column, String.format(
                        "control character U+%04X; expected printable text, spaces or tabs", cp)));
                return null;
            }
            if (column > MAX_LINE) {
                out.add(new Diagnostic(file, number, column,
                        "line is longer than " + MAX_LINE + " characters; expected one short operation per line"));
                return null;
            }
            sb.appendCodePoint(cp);
            column++;
            i += n;
        }
        return sb.toString();
    }

    private static Diagnostic bad(String file, int number, int column, int b) {
        return new Diagnostic(file, number, column, "invalid UTF-8 (byte 0x" + hex(b) + "); a scenario is UTF-8 text");
    }

    private static String hex(int b) {
        return String.format("%02x", b);
    }
}
