package org.mmwb.scenario;

/**
 * A target failed for a reason that is not the scenario's: the live-kernel helper died, the engine broke an
 * invariant. It ends the run with this message (the CLI prints it, the workbench shows it) instead of pretending
 * the failure were part of the report.
 */
public class TargetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
