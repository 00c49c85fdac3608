package org.mmwb.scenario;

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

    private static List<String> errors(ParseResult r) {
        assertNull(r.scenario(), "a file with errors must not yield a scenario");
        return r.diagnostics().stream().map(Diagnostic::toString).toList();
    }
}
