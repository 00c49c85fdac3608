package org.mmwb.cli.internal;

import java.io.PrintStream;

/** Where a command writes: results to {@code out}, messages for the user to {@code err}. */
record CliIO(PrintStream out, PrintStream err) {

    /** Prints {@code mmwb: message} on the error stream and returns the exit code given. */
    int fail(int code, String message) {
        err.println("mmwb: " + message);
        return code;
    }
}
