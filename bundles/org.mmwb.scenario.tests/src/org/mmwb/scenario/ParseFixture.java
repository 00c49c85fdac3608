package org.mmwb.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** Parses test text as {@code t.mms}: the scenario of a good file, or the diagnostics of a bad one. */
abstract class ParseFixture {

    protected final ScenarioParser parser = new ScenarioParser();

    protected Scenario ok(String text) {
        ParseResult r = parser.parse("t.mms", text);
        assertTrue(r.ok(), r::errorText);
        return r.scenario();
    }

    protected List<String> errors(String text) {
        return errors(parser.parse("t.mms", text));
    }

    protected List<String> errors(byte[] bytes) {
        return errors(parser.parse("t.mms", bytes));
    }

    /** The text has exactly this one error ({@code FILE:LINE:COL: message}). */
    protected void assertError(String expected, String text) {
        assertEquals(List.of(expected), errors(text));
    }

    /** As {@link #assertError(String, String)}, with a message saying what the case shows. */
    protected void assertError(String expected, String text, String why) {
        assertEquals(List.of(expected), errors(text), why);
    }

    /** The bytes have exactly this one error. */
    protected void assertError(String expected, byte[] bytes) {
        assertEquals(List.of(expected), errors(bytes));
    }

    /** The first error of the text is this one (a case whose later errors follow from the first). */
    protected void assertFirstError(String expected, String text) {
        assertEquals(expected, errors(text).get(0));
    }

    private static List<String> errors(ParseResult r) {
        assertNull(r.scenario(), "a file with errors must not yield a scenario");
        return r.diagnostics().stream().map(Diagnostic::toString).toList();
    }
}
