package org.mmwb.core.catalog;

/**
 * A broken or questionable contribution, found while reading the registry or while running a handler.
 *
 * @param bundle  the contributing bundle's symbolic name ("" when unknown)
 * @param error   true when the contribution (or a call into it) was skipped, false for a repaired warning
 * @param message what is wrong and what was done about it, naming the provider id where known
 * @param cause   the exception behind it, or null
 * @param mapping the mapping name ("[ticker]") of a provider contribution that was skipped for it, "" otherwise:
 *                a scenario naming that mapping is told which plugin failed to load it
 */
public record Problem(String bundle, boolean error, String message, Throwable cause, String mapping) {

    public Problem {
        bundle = bundle == null ? "" : bundle;
        mapping = mapping == null ? "" : mapping;
    }

    public Problem(String bundle, boolean error, String message, Throwable cause) {
        this(bundle, error, message, cause, "");
    }

    /** One line: {@code bundle: message (cause)}. */
    @Override
    public String toString() {
        return (bundle.isEmpty() ? "" : bundle + ": ") + message + (cause == null ? "" : " (" + cause + ")");
    }
}
