package org.mmwb.cli.internal;

import java.io.PrintStream;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/**
 * The headless application ({@code org.mmwb.cli.app}): hands its arguments to {@link Cli} and returns its exit
 * code, so that the same command line runs inside OSGi and in plain-classpath tests.
 */
public final class CliApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        PrintStream out = System.out;
        int code;
        try {
            code = new Cli(out, System.err).run(args == null ? new String[0] : args);
        } catch (LinkageError e) {
            // A broken installation (a bundle missing or stale), not the user's mistake: say so and how to mend it.
            System.err.println("mmwb: internal error: " + e + " (rebuild with ./mmwb build)");
            code = Cli.FAILURE;
        }
        out.flush();
        return Integer.valueOf(code);
    }

    @Override
    public void stop() {
        // Commands are short and synchronous; nothing to interrupt.
    }
}
