package org.mmwb.scenario;

import java.util.List;

/**
 * Declaration of a flag an operation accepts.
 *
 * @param name      as written, e.g. {@code shared}, {@code fixed}
 * @param value     what may follow '='
 * @param choices   allowed words for {@link Value#CHOICE}
 * @param bits      the kernel flag bits it stands for (MAP_*, MREMAP_*), 0 if none
 * @param conflicts names of flags that cannot be given together with this one
 * @param help      one line for completion and help
 */
public record FlagSpec(String name, Value value, List<Choice> choices, long bits, List<String> conflicts,
        String help) {

    /** What a flag takes after '='. */
    public enum Value {
        /** Nothing: the flag is a bare word. */
        NONE(""),
        /** {@code =ADDR}. */
        ADDRESS("=ADDR"),
        /** {@code =NAME[:OFFSET]}, a file declared by a {@code file} line. */
        FILE_REF("=NAME[:OFFSET]"),
        /** {@code =WORD} from {@link FlagSpec#choices()}. */
        CHOICE("="),
        /** {@code =SIZE}, a number with an optional K, M, G suffix. */
        SIZE("=SIZE");

        private final String usage;

        Value(String usage) {
            this.usage = usage;
        }

        public String usage() {
            return usage;
        }
    }

    public FlagSpec {
        choices = List.copyOf(choices);
        conflicts = List.copyOf(conflicts);
    }

    public static FlagSpec bare(String name, long bits, String help, String... conflicts) {
        return new FlagSpec(name, Value.NONE, List.of(), bits, List.of(conflicts), help);
    }

    /** How the flag is written in usage, e.g. {@code file=NAME[:OFFSET]}, {@code levels=4|5}. */
    public String usage() {
        if (value == Value.CHOICE) {
            StringBuilder sb = new StringBuilder(name).append('=');
            for (int i = 0; i < choices.size(); i++) {
                sb.append(i == 0 ? "" : "|").append(choices.get(i).word());
            }
            return sb.toString();
        }
        return name + value.usage();
    }
}
