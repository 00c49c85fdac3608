package org.mmwb.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.mmwb.scenario.internal.parse.LineParser;
import org.mmwb.scenario.internal.parse.SourceLines;

/**
 * Parses and checks a {@code .mms} file as a whole before anything runs. Errors are returned as a value
 * ({@link ParseResult#diagnostics()}), never thrown: every error of the file, in line/column order, each as
 * {@code FILE:LINE:COL: message saying what was expected}.
 */
public final class ScenarioParser {

    /** Most diagnostics reported for one file; a binary file would otherwise yield one per line. */
    public static final int MAX_DIAGNOSTICS = 100;

    /** Largest file read: scenarios are small; anything bigger is not one. */
    public static final long MAX_FILE_BYTES = 16L << 20;

    private final OperationTable table;

    /** A parser for the built-in operations. */
    public ScenarioParser() {
        this(OperationTable.builtin());
    }

    /** A parser for a table with extension operations. */
    public ScenarioParser(OperationTable table) {
        this.table = table;
    }

    public OperationTable table() {
        return table;
    }

    /** Parses text (already decoded). */
    public ParseResult parse(String fileName, String text) {
        return parse(fileName, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses raw bytes, which must be UTF-8 text. */
    public ParseResult parse(String fileName, byte[] content) {
        List<Diagnostic> diags = new ArrayList<>();
        LineParser lp = new LineParser(fileName, table, diags);
        if (content.length > MAX_FILE_BYTES) {
            diags.add(new Diagnostic(fileName, 1, 1, "file is " + content.length + " bytes; expected a scenario of at"
                    + " most " + MAX_FILE_BYTES + " bytes"));
            return new ParseResult(null, diags);
        }
        int lastLine = 0;
        for (SourceLines.Line line : SourceLines.split(fileName, content, diags)) {
            if (diags.size() > MAX_DIAGNOSTICS) {
                break;
            }
            lastLine = line.number();
            if (line.text() != null) {
                lp.parse(line.number(), line.text());
            }
        }
        lp.finish(lastLine);
        if (!diags.isEmpty()) {
            Collections.sort(diags);
            if (diags.size() > MAX_DIAGNOSTICS) {
                Diagnostic last = diags.get(MAX_DIAGNOSTICS - 1);
                List<Diagnostic> capped = new ArrayList<>(diags.subList(0, MAX_DIAGNOSTICS));
                capped.add(new Diagnostic(fileName, last.line(), last.column(),
                        "too many errors; stopped after " + MAX_DIAGNOSTICS + " (is this a scenario file?)"));
                diags = capped;
            }
            return new ParseResult(null, diags);
        }
        return new ParseResult(new Scenario(fileName, lp.profile(), lp.levels(), lp.ops(), lp.ram()), List.of());
    }

    /** Reads and parses a file; an unreadable file is a diagnostic, not an exception. */
    public ParseResult parse(Path path) {
        String name = path.toString();
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                return new ParseResult(null, List.of(new Diagnostic(name, 1, 1, "file is " + Files.size(path)
                        + " bytes; expected a scenario of at most " + MAX_FILE_BYTES + " bytes")));
            }
            return parse(name, Files.readAllBytes(path));
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new ParseResult(null, List.of(new Diagnostic(name, 1, 1, "cannot read the file (" + why
                    + "); expected a readable .mms file")));
        }
    }
}
