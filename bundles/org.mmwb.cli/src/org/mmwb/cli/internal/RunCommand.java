package org.mmwb.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code run FILE [--json]}: runs a scenario on the simulator. */
final class RunCommand implements Command {

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String synopsis() {
        return "FILE [--json]  run a .mms scenario on the simulator and print results and dumps";
    }

    @Override
    public int run(String[] args, CliIO io) {
        String file = null;
        for (String a : args) {
            if (a.equals("--json")) {
                continue;
            }
            if (a.startsWith("-")) {
                return io.fail(Cli.USAGE, "run: unknown option '" + a + "'");
            }
            if (file != null) {
                return io.fail(Cli.USAGE, "run: one scenario file at a time (got '" + file + "' and '" + a + "')");
            }
            file = a;
        }
        if (file == null) {
            return io.fail(Cli.USAGE, "run: missing scenario file (usage: mmwb run FILE [--json])");
        }
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            return io.fail(Cli.FAILURE, "run: cannot read '" + file + "'");
        }
        return io.fail(Cli.FAILURE, "run: the simulation engine is not built into this version yet");
    }
}
