package org.mmwb.scenario;

/**
 * A stored report that is not valid JSON of the docs/scenarios.md shape; the message names the place in the
 * report ({@code results[3].line}), {@link #line()} and {@link #column()} where in the text the reader stopped.
 */
public final class ReportFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public ReportFormatException(String message) {
        this(message, 0, 0);
    }

    /** A problem at line:column (1-based) of the JSON text. */
    public ReportFormatException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    /** The line of the JSON text where the reader stopped, or 0 when not known. */
    public int line() {
        return line;
    }

    /** The column of that line, or 0. */
    public int column() {
        return column;
    }

    /** One line for the user: {@code FILE:LINE:COL: message}, or {@code FILE: message} without a position. */
    public String at(String file) {
        return file + (line > 0 ? ":" + line + ":" + column : "") + ": " + getMessage();
    }
}
