package org.mmwb.scenario;

import java.util.List;

/**
 * One operation line of a scenario.
 *
 * @param line          1-based line number
 * @param column        column of the operation name
 * @param spec          the operation's declaration
 * @param binding       the binding name without '$' when the line is {@code $n = ...}, else null
 * @param bindingColumn column of the '$', or 0
 * @param args          positional arguments in declaration order (optional ones absent when not written)
 * @param flags         flags in the order written
 */
public record Op(int line, int column, OpSpec spec, String binding, int bindingColumn, List<Arg> args,
        List<Flag> flags) {

    public Op {
        args = List.copyOf(args);
        flags = List.copyOf(flags);
    }

    /** The operation name, e.g. {@code mmap}. */
    public String name() {
        return spec.name();
    }

    /** The argument declared under that name, or null when absent. */
    public Expr arg(String argName) {
        for (Arg a : args) {
            if (a.spec().name().equals(argName)) {
                return a.value();
            }
        }
        return null;
    }

    /** The flag of that name, or null. */
    public Flag flag(String flagName) {
        for (Flag f : flags) {
            if (f.name().equals(flagName)) {
                return f;
            }
        }
        return null;
    }

    public boolean hasFlag(String flagName) {
        return flag(flagName) != null;
    }
}
