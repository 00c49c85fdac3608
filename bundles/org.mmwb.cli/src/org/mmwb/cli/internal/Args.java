package org.mmwb.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one command: positional words and options ({@code --json}, {@code --print maps,faults},
 * {@code --kernel=x86_64-3.19}). Unknown options are a usage error, reported by {@link #parse}.
 */
final class Args {

    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();

    private Args() {
    }

    /**
     * @param flags       options without a value, e.g. {@code --json}
     * @param valued      options with a value, e.g. {@code --print}
     * @return the parsed arguments
     * @throws CliExit with the usage code after printing what is wrong
     */
    static Args parse(String command, String[] args, Set<String> flags, Set<String> valued, CliIO io) {
        Args a = new Args();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.equals("--")) {
                a.positional.add(arg);
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (flags.contains(name) && value == null) {
                a.options.put(name, "");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new CliExit(io.fail(Cli.USAGE, command + ": option " + name + " needs a value"));
                    }
                    value = args[++i];
                }
                a.options.put(name, value);
            } else {
                throw new CliExit(io.fail(Cli.USAGE, command + ": unknown option '" + arg + "'"));
            }
        }
        return a;
    }

    List<String> positional() {
        return positional;
    }

    boolean has(String option) {
        return options.containsKey(option);
    }

    String get(String option) {
        return options.get(option);
    }
}
