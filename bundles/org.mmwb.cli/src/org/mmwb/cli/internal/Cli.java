package org.mmwb.cli.internal;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.mmwb.scenario.TargetException;

/**
 * The command line of mmwb: picks the command named by the first argument. Exit codes follow Unix habits:
 * 0 ok, 1 failure, 2 usage error or bad input file, 3 a plugin failed (run: a contribution or a handler failed; the results are
 * incomplete). A user's mistake gets a message, never a stack trace.
 */
public final class Cli {

    /** Exit code: success. */
    public static final int OK = 0;
    /** Exit code: the command failed, or found a difference. */
    public static final int FAILURE = 1;
    /** Exit code: the command line itself is wrong. */
    public static final int USAGE = 2;
    /**
     * Exit code: an input the command line names cannot be used (not a readable regular file, malformed, too large,
     * a process that is gone); the same code as {@link #USAGE}, as the mistake is in what was given.
     */
    public static final int BAD_INPUT = 2;
    /** Exit code: the command ran, but a plugin's contribution or handler failed (see {@link PluginFailures}). */
    public static final int PLUGIN_FAILED = 3;

    private final CliIO io;
    private final Map<String, Command> commands = new LinkedHashMap<>();

    public Cli(PrintStream out, PrintStream err) {
        this.io = new CliIO(out, err);
        for (Command c : Commands.all()) {
            commands.put(c.name(), c);
        }
    }

    /** Runs the command line and returns its exit code. */
    public int run(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            printHelp(io.out());
            return OK;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            io.err().println("mmwb: unknown command '" + args[0] + "'");
            printHelp(io.err());
            return USAGE;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return command.run(rest, io);
        } catch (CliExit e) {
            return e.code();
        } catch (OutOfMemoryError e) {
            // The simulated machine has its own RAM and OOM killer; this is the JVM's heap (a scenario with millions
            // of VMAs or results): say so plainly, with what to change, instead of a stack trace.
            io.err().println("mmwb: " + command.name() + ": the simulation needs more Java heap than this JVM has ("
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB): make the scenario smaller (fewer loop"
                    + " iterations, a lower vm.max_map_count) or give the JVM more with MMWB_JAVA_OPTS=-Xmx8g");
            return FAILURE;
        } catch (TargetException e) {
            // the simulator or the live kernel's helper failed under the scenario: say what, without a stack trace
            io.err().println("mmwb: " + command.name() + ": " + e.getMessage());
            return FAILURE;
        } catch (RuntimeException e) {
            // A bug of ours, not the user's mistake: say what happened and where to report it.
            io.err().println("mmwb: internal error in '" + command.name() + "': " + e);
            for (StackTraceElement el : e.getStackTrace()) {
                io.err().println("\tat " + el);
            }
            return FAILURE;
        }
    }

    private void printHelp(PrintStream out) {
        out.println("usage: mmwb COMMAND [ARGS]   (headless commands of the kernel mm workbench)");
        out.println();
        for (Command c : commands.values()) {
            out.printf("  %-10s %s%n", c.name(), c.synopsis());
        }
    }
}
