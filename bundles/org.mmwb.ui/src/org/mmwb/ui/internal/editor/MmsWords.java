package org.mmwb.ui.internal.editor;

import java.util.LinkedHashSet;
import java.util.Set;

import org.mmwb.scenario.ArgKind;
import org.mmwb.scenario.ArgSpec;
import org.mmwb.scenario.Choice;
import org.mmwb.scenario.FlagSpec;
import org.mmwb.scenario.OpSpec;
import org.mmwb.scenario.OperationTable;

/**
 * The words of the scenario language as the editor colours them, taken from an operation table: what a plugin's
 * operation declares is coloured like a built-in's.
 *
 * @param operations the operation words, and {@code repeat} (the loop keyword, not an operation of the table)
 * @param flags      flag names, the words of choice flags, and the words of word arguments (advice, access letters,
 *                   sysctl names, ...) except the kernel profiles
 * @param profiles   the kernel profiles the {@code kernel} line accepts
 */
public record MmsWords(Set<String> operations, Set<String> flags, Set<String> profiles) {

    /** The loop keyword of the language (docs/scenarios.md, "Loops"). */
    public static final String REPEAT = "repeat";

    /** The words of a table. */
    public static MmsWords of(OperationTable table) {
        Set<String> ops = new LinkedHashSet<>(table.names());
        ops.add(REPEAT);
        Set<String> flags = new LinkedHashSet<>();
        Set<String> profiles = new LinkedHashSet<>();
        for (OpSpec s : table.specs()) {
            for (FlagSpec f : s.flags()) {
                flags.add(f.name());
                f.choices().forEach(c -> flags.add(c.word()));
            }
            for (ArgSpec a : s.args()) {
                if (a.kind() == ArgKind.WORD) {
                    Set<String> into = s.name().equals(OperationTable.KERNEL) ? profiles : flags;
                    a.choices().stream().map(Choice::word).forEach(into::add);
                }
            }
        }
        return new MmsWords(Set.copyOf(ops), Set.copyOf(flags), Set.copyOf(profiles));
    }
}
