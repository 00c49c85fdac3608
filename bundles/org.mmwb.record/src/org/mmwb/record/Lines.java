package org.mmwb.record;

import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a text, each at most a given length: BufferedReader.readLine would gather a line without end (a
 * file of NUL bytes, a binary file without line breaks) until the heap is exhausted. Line ends are "\n" and "\r\n".
 */
final class Lines {
    /** Returned for a line longer than the limit (compare with ==). */
    static final String TOO_LONG = new String("(too long)");

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private final StringBuilder sb = new StringBuilder();

    Lines(Reader in) {
        this.in = in;
    }

    /** The next line without its line end, null at the end of the text, or {@link #TOO_LONG}. */
    String next(int maxChars) throws IOException {
        sb.setLength(0);
        boolean any = false;
        while (true) {
            if (pos == len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return any ? line() : null;
                }
            }
            any = true;
            int start = pos;
            while (pos < len && buf[pos] != '\n') {
                pos++;
            }
            sb.append(buf, start, pos - start);
            if (sb.length() > maxChars) {
                return TOO_LONG;
            }
            if (pos < len) {
                pos++; // the '\n'
                return line();
            }
        }
    }

    private String line() {
        int n = sb.length();
        return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
    }
}
