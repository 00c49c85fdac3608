package org.mmwb.scenario;

/** A stored report that is not valid JSON of the docs/scenarios.md shape; the message names the place. */
public final class ReportFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public ReportFormatException(String message) {
        super(message);
    }
}
