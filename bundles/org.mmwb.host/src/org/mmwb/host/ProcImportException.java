package org.mmwb.host;

/** A live process could not be imported; the message says why in words a user understands. */
public class ProcImportException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message why the import failed */
    public ProcImportException(String message) {
        super(message);
    }
}
