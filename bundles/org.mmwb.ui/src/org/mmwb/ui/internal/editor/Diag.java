package org.mmwb.ui.internal.editor;

/**
 * A parser diagnostic to show in the .mms editor: 1-based line and column, as the scenario parser reports
 * {@code file:line:col: message}.
 *
 * @param line    1-based line
 * @param col     1-based column
 * @param message what was expected
 */
public record Diag(int line, int col, String message) {
}
