package org.mmwb.scenario;

/**
 * One problem found in a scenario file. {@link #toString()} gives the contract form {@code FILE:LINE:COL: message}.
 *
 * @param file    the file name as given to the parser
 * @param line    1-based line
 * @param column  1-based column, counted in Unicode code points (a tab counts as one)
 * @param message what was found and what was expected
 */
public record Diagnostic(String file, int line, int column, String message) implements Comparable<Diagnostic> {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }

    @Override
    public int compareTo(Diagnostic o) {
        return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
    }
}
