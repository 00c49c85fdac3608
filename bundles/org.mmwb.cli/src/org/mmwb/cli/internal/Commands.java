package org.mmwb.cli.internal;

import java.util.List;

/** The registry of sub-commands, in the order --help lists them. */
final class Commands {

    private Commands() {
    }

    static List<Command> all() {
        return List.of(new RunCommand(), new DiffCommand(), new ImportCommand(), new ProvidersCommand(),
            new OperationsCommand(), new RecordCommand(), new ReplayCommand(),
            new FuzzCommand());
    }
}
