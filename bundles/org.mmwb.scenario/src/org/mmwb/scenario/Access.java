package org.mmwb.scenario;

/** The kind of a memory access made by {@code touch}, {@code read}, {@code write} and {@code exec}. */
public enum Access {
    READ("r"), WRITE("w"), EXEC("x");

    private final String letter;

    Access(String letter) {
        this.letter = letter;
    }

    /** The letter used in scenarios and fault records: r, w or x. */
    public String letter() {
        return letter;
    }

    /** The access named by a letter, or null. */
    public static Access ofLetter(String s) {
        for (Access a : values()) {
            if (a.letter.equals(s)) {
                return a;
            }
        }
        return null;
    }
}
