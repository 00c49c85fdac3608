package org.mmwb.host;

/**
 * The live-kernel helper failed in a way that is not a result of the scenario: it died, stopped answering,
 * or broke the protocol. The message is meant for the user as it is (no stack trace needed).
 */
public class HostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, in words a user understands */
    public HostException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause   the underlying failure
     */
    public HostException(String message, Throwable cause) {
        super(message, cause);
    }
}
