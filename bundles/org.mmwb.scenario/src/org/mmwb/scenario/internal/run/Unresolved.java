package org.mmwb.scenario.internal.run;

/** Thrown inside the runner when an argument cannot be resolved; becomes an {@code unresolved(...)} result. */
final class Unresolved extends Exception {
    private static final long serialVersionUID = 1L;

    Unresolved(String reason) {
        super(reason, null, false, false);
    }
}
