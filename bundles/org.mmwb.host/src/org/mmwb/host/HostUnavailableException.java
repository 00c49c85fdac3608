package org.mmwb.host;

/**
 * The live-kernel side cannot run on this machine: not Linux x86-64, no C compiler, or the helper failed to
 * build or start. {@link #getMessage()} says which, in a sentence the CLI can print as it is.
 */
public class HostUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message why the host side is unavailable */
    public HostUnavailableException(String message) {
        super(message);
    }

    /**
     * @param message why the host side is unavailable
     * @param cause   the underlying failure
     */
    public HostUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
