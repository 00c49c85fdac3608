package org.mmwb.scenario;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the operation table: everything about an operation in one declaration, in the manner of Eclipse
 * MAT's annotated queries. The parser reads lines by it, the runner executes it, and the editor's completion and
 * help show it.
 *
 * @param name          the operation word, e.g. {@code mmap}
 * @param args          positional arguments; optional ones last
 * @param flags         accepted flags
 * @param bindable      whether {@code $n = op ...} may bind its result
 * @param reportsResult whether the operation adds an entry to the report's results ({@code dump} does not)
 * @param placement     how the runner names a returned address when comparing machines (see
 *                      {@link ReportComparison})
 * @param help          a paragraph for help and hover
 * @param executor      runs it; null for the header line {@code kernel}
 */
public record OpSpec(String name, List<ArgSpec> args, List<FlagSpec> flags, boolean bindable,
        boolean reportsResult, Placement placement, String help, OpExecutor executor) {

    /** How a returned address relates to the scenario, for symbolic comparison. */
    public enum Placement {
        /** The result is not an address (or is compared literally). */
        NONE,
        /** mmap rules: fixed/noreplace or an honoured hint keep ADDR's form; otherwise a new kernel-chosen base. */
        MMAP,
        /** mremap rules: fixed= keeps NEWADDR's form; in place keeps ADDR's; a move is a new kernel-chosen base. */
        MREMAP,
        /** brk rules: relative to the break before the first brk of the run. */
        BRK,
        /** Every successful address result is a new kernel-chosen base. */
        CHOSEN
    }

    public OpSpec {
        Objects.requireNonNull(name);
        args = List.copyOf(args);
        flags = List.copyOf(flags);
        placement = placement == null ? Placement.NONE : placement;
        help = help == null ? "" : help;
    }

    /** The flag declared under that name, or null. */
    public FlagSpec flag(String flagName) {
        for (FlagSpec f : flags) {
            if (f.name().equals(flagName)) {
                return f;
            }
        }
        return null;
    }

    /** One-line usage as in docs/scenarios.md, e.g. {@code [$n =] mmap ADDR LEN PROT [FLAG]*}. */
    public String usage() {
        StringBuilder sb = new StringBuilder();
        if (bindable) {
            sb.append("[$n =] ");
        }
        sb.append(name);
        for (ArgSpec a : args) {
            sb.append(' ').append(a.optional() ? "[" + a.name() + "]" : a.name());
        }
        if (!flags.isEmpty()) {
            sb.append(" [FLAG]*");
        }
        return sb.toString();
    }
}
