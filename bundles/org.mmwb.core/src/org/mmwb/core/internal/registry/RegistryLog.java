package org.mmwb.core.internal.registry;

import java.util.ArrayList;
import java.util.List;

import org.mmwb.core.catalog.Problem;

/**
 * Where contribution problems go: kept in memory (for {@code ./mmwb providers} and the Special Mappings view) and
 * forwarded to a sink, normally the Eclipse platform log ({@link PlatformLog}). Thread-safe: handlers report from
 * the fault-handler threads.
 */
public final class RegistryLog {
    /** Receives each problem as it is reported. */
    @FunctionalInterface
    public interface Sink {
        void log(Problem p);
    }

    /** Problems kept at most (a handler failing on every fault must not grow memory without bound). */
    static final int MAX_KEPT = 1000;

    private final Sink sink;
    private final List<Problem> kept = new ArrayList<>();

    public RegistryLog(Sink sink) {
        this.sink = sink == null ? p -> { } : sink;
    }

    /** A log that only keeps problems in memory (for tests). */
    public static RegistryLog inMemory() {
        return new RegistryLog(null);
    }

    public void error(String bundle, String message, Throwable cause) {
        report(new Problem(bundle, true, message, cause));
    }

    /** An error that left out the provider of mapping (see {@link Problem#mapping()}). */
    public void mappingError(String bundle, String mapping, String message, Throwable cause) {
        report(new Problem(bundle, true, message, cause, mapping));
    }

    public void warn(String bundle, String message) {
        report(new Problem(bundle, false, message, null));
    }

    private void report(Problem p) {
        synchronized (kept) {
            if (kept.size() < MAX_KEPT) {
                kept.add(p);
            }
        }
        try {
            sink.log(p);
        } catch (RuntimeException e) {
            // a failing log must not turn a skipped contribution into a failed run
        }
    }

    /** The problems so far, oldest first. */
    public List<Problem> problems() {
        synchronized (kept) {
            return List.copyOf(kept);
        }
    }
}
