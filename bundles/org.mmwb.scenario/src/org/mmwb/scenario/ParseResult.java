package org.mmwb.scenario;

import java.util.List;

/**
 * What the parser returns: a scenario, or every diagnostic found in the file. Never both: a file with any error
 * yields no scenario, so nothing runs.
 *
 * @param scenario    the parsed scenario, or null when there are errors
 * @param diagnostics every error in line/column order; empty on success
 */
public record ParseResult(Scenario scenario, List<Diagnostic> diagnostics) {

    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
        return scenario != null && diagnostics.isEmpty();
    }

    /** The diagnostics as lines {@code FILE:LINE:COL: message}, joined by newlines. */
    public String errorText() {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            sb.append(d).append('\n');
        }
        return sb.toString();
    }
}
