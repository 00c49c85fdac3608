package org.mmwb.scenario.internal.ops;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.mmwb.core.catalog.Problem;

/**
 * The problems of operation contributions: kept for {@code ./mmwb operations} and the parser's explanations, and
 * written to the Eclipse log with the contributing bundle as plug-in id (standard error where no platform runs:
 * org.eclipse.core.runtime is an optional requirement).
 */
public final class OperationLog {
    private final List<Problem> problems = new ArrayList<>();
    private final boolean toPlatform;

    private OperationLog(boolean toPlatform) {
        this.toPlatform = toPlatform;
    }

    /** A log that also writes to the Eclipse log. */
    static OperationLog platform() {
        return new OperationLog(true);
    }

    /** A log that only keeps problems in memory (for tests). */
    public static OperationLog inMemory() {
        return new OperationLog(false);
    }

    synchronized void error(String bundle, String message, Throwable cause) {
        report(new Problem(bundle, true, message, cause));
    }

    synchronized void warn(String bundle, String message) {
        report(new Problem(bundle, false, message, null));
    }

    /** The problems so far, oldest first. */
    public synchronized List<Problem> problems() {
        return List.copyOf(problems);
    }

    private void report(Problem p) {
        problems.add(p);
        if (!toPlatform) {
            return;
        }
        String plugin = p.bundle().isEmpty() ? OperationCatalog.DECLARING_BUNDLE : p.bundle();
        try {
            ILog.of(OperationLog.class).log(new Status(p.error() ? IStatus.ERROR : IStatus.WARNING, plugin,
                    "scenario operation: " + p.message(), p.cause()));
        } catch (RuntimeException | LinkageError e) { // no platform (plain classpath): standard error
            System.err.println("mmwb: " + (p.error() ? "error" : "warning") + ": " + plugin + ": scenario operation: "
                    + p.message() + (p.cause() == null ? "" : " (" + p.cause() + ")"));
        }
    }
}
