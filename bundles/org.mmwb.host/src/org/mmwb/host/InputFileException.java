package org.mmwb.host;

import java.nio.file.Path;

/** A file a user named cannot be read as input; the message is "FILE: why", one line for the user. */
public final class InputFileException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param file the file as the user named it
     * @param why  what is wrong with it
     */
    public InputFileException(Path file, String why) {
        super(file + ": " + why);
    }

    /** @param message the whole line for the user, starting with the file's name */
    public InputFileException(String message) {
        super(message);
    }
}
