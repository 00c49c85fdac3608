package org.mmwb.scenario;

import java.util.List;

/**
 * Declaration of a positional argument.
 *
 * @param name     the placeholder shown in usage and help, e.g. {@code ADDR}, {@code LEN}
 * @param kind     what it accepts
 * @param optional whether it may be left out (only trailing arguments)
 * @param choices  the allowed words for {@link ArgKind#WORD}; empty otherwise
 * @param help     one line for completion and help
 */
public record ArgSpec(String name, ArgKind kind, boolean optional, List<Choice> choices, String help) {

    public ArgSpec {
        choices = List.copyOf(choices);
    }

    public static ArgSpec of(String name, ArgKind kind, String help) {
        return new ArgSpec(name, kind, false, List.of(), help);
    }

    public static ArgSpec optional(String name, ArgKind kind, String help) {
        return new ArgSpec(name, kind, true, List.of(), help);
    }

    public static ArgSpec words(String name, List<Choice> choices, String help) {
        return new ArgSpec(name, ArgKind.WORD, false, choices, help);
    }

    /** The choice for a word, or null. */
    public Choice choice(String word) {
        for (Choice c : choices) {
            if (c.word().equals(word)) {
                return c;
            }
        }
        return null;
    }
}
