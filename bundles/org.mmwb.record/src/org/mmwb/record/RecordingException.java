package org.mmwb.record;

/** A recording that cannot be read: the message names FILE:LINE and what is wrong. */
public final class RecordingException extends Exception {
    private static final long serialVersionUID = 1L;

    public RecordingException(String message) {
        super(message);
    }
}
