package org.mmwb.cli.internal;

/** One sub-command of the headless application, e.g. {@code run} or {@code providers}. */
interface Command {

    /** The word that selects it on the command line. */
    String name();

    /** One line: arguments and what it does, for {@code --help}. */
    String synopsis();

    /**
     * Runs the command.
     *
     * @return the exit code: 0 ok, 1 failure (or a difference found), 2 usage error
     */
    int run(String[] args, CliIO io);
}
