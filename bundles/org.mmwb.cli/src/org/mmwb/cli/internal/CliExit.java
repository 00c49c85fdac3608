package org.mmwb.cli.internal;

/**
 * Ends a command early with an exit code after its message was printed; {@link Cli#run} turns it into the code.
 * Used for the user's mistakes (unreadable file, malformed scenario), never for our bugs.
 */
final class CliExit extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;

    CliExit(int code) {
        super(null, null, false, false);
        this.code = code;
    }

    int code() {
        return code;
    }
}
