package org.mmwb.ui.internal.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mmwb.scenario.ArgKind;
import org.mmwb.scenario.ArgSpec;
import org.mmwb.scenario.Choice;
import org.mmwb.scenario.FlagSpec;
import org.mmwb.scenario.OpSpec;
import org.mmwb.scenario.OperationTable;

/**
 * What completion offers at the caret, from the operation table alone (no SWT, so it is tested on its own): the
 * operations at the start of a line (after {@code $n =} or a one-line loop's {@code {}), then for the operation's
 * next argument its words (advice, access, profiles, ...) where it takes one, the {@code $bindings} of earlier lines and
 * the profile's {@code [special]} names where it takes an address, and its flags once its required arguments are
 * written.
 */
public final class MmsCompletions {

    /**
     * One proposal.
     *
     * @param text    what replaces the word being typed
     * @param display the line shown in the proposal list
     * @param info    the help shown beside it
     */
    public record Proposal(String text, String display, String info) {
    }

    private final OperationTable table;

    public MmsCompletions(OperationTable table) {
        this.table = table;
    }

    /**
     * @param linePrefix the line from its start up to the caret
     * @return the proposals for the word that ends at the caret (it may be empty), in table order
     */
    public List<Proposal> at(String linePrefix) {
        return at(linePrefix, "");
    }

    /**
     * As {@link #at(String)}, and where the next argument is an address or a pid, the {@code $bindings} made on the
     * lines before and (for addresses) the {@code [special]} names of the scenario's kernel profile.
     *
     * @param linePrefix the line from its start up to the caret
     * @param before     the scenario's text before that line
     */
    public List<Proposal> at(String linePrefix, String before) {
        if (linePrefix.indexOf('#') >= 0) {
            return List.of(); // in a comment
        }
        String line = linePrefix.substring(linePrefix.lastIndexOf('{') + 1); // a one-line loop's body
        String typed = typedWord(line);
        List<String> words = new ArrayList<>(Arrays.asList(line.substring(0, line.length() - typed.length())
                .trim().split("\\s+")));
        words.removeIf(String::isEmpty);
        dropBinding(words);
        if (words.isEmpty()) {
            return operations(typed);
        }
        OpSpec op = table.get(words.get(0));
        if (op == null) {
            return List.of();
        }
        List<String> given = words.subList(1, words.size());
        int argIndex = (int) given.stream().filter(w -> op.flag(flagName(w)) == null).count();
        List<Proposal> out = new ArrayList<>();
        if (argIndex < op.args().size() && op.args().get(argIndex).kind() == ArgKind.WORD) {
            ArgSpec a = op.args().get(argIndex);
            for (Choice c : a.choices()) {
                add(out, typed, c.word(), c.word() + "  " + a.name(), c.help());
            }
        } else if (argIndex < op.args().size()) {
            ArgSpec a = op.args().get(argIndex);
            ArgKind k = a.kind();
            if (k == ArgKind.ADDRESS || k == ArgKind.ADDRESS_OR_RELATIVE || k == ArgKind.PID) {
                for (String b : MmsContext.bindings(before)) {
                    add(out, typed, b, b + "  " + a.name(), "bound on an earlier line");
                }
            }
            if (k == ArgKind.ADDRESS || k == ArgKind.ADDRESS_OR_RELATIVE) {
                for (String m : MmsContext.mappingNames(before)) {
                    add(out, typed, m, m + "  " + a.name(), "a mapping of the kernel profile: its start address");
                }
            }
        }
        if (argIndex >= required(op)) {
            for (FlagSpec f : op.flags()) {
                if (given.stream().noneMatch(w -> flagName(w).equals(f.name()))) {
                    flag(out, typed, f);
                }
            }
        }
        return out;
    }

    private List<Proposal> operations(String typed) {
        List<Proposal> out = new ArrayList<>();
        for (OpSpec s : table.specs()) {
            add(out, typed, s.name(), s.usage(), s.help());
        }
        add(out, typed, MmsWords.REPEAT, "repeat $VAR FROM TO [STEP] { ... }",
                "Runs the lines up to the matching '}' with $VAR = FROM, FROM+STEP, ... below TO.");
        return out;
    }

    /** A flag: the bare word, {@code name=} for a valued one, or {@code name=WORD} for each choice. */
    private static void flag(List<Proposal> out, String typed, FlagSpec f) {
        if (f.value() == FlagSpec.Value.CHOICE) {
            for (Choice c : f.choices()) {
                add(out, typed, f.name() + "=" + c.word(), f.name() + "=" + c.word(), f.help() + ": " + c.help());
            }
        } else {
            String text = f.value() == FlagSpec.Value.NONE ? f.name() : f.name() + "=";
            add(out, typed, text, f.usage(), f.help());
        }
    }

    private static void add(List<Proposal> out, String typed, String text, String display, String info) {
        if (text.startsWith(typed)) {
            out.add(new Proposal(text, display, info));
        }
    }

    private static int required(OpSpec op) {
        return (int) op.args().stream().filter(a -> !a.optional()).count();
    }

    private static String flagName(String word) {
        int eq = word.indexOf('=');
        return eq < 0 ? word : word.substring(0, eq);
    }

    /** The word that ends at the caret ("" after a blank). */
    static String typedWord(String line) {
        int i = line.length();
        while (i > 0 && !Character.isWhitespace(line.charAt(i - 1))) {
            i--;
        }
        return line.substring(i);
    }

    /** Removes a leading {@code $n =} (or {@code $n=}) so that the operation is the first word. */
    private static void dropBinding(List<String> words) {
        if (words.isEmpty() || !words.get(0).startsWith("$")) {
            return;
        }
        String first = words.remove(0);
        int eq = first.indexOf('=');
        if (eq >= 0) {
            if (eq + 1 < first.length()) {
                words.add(0, first.substring(eq + 1));
            }
        } else if (!words.isEmpty() && words.get(0).startsWith("=")) {
            String rest = words.remove(0).substring(1);
            if (!rest.isEmpty()) {
                words.add(0, rest);
            }
        }
    }
}
