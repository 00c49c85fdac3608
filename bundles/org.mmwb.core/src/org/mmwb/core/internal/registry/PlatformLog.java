package org.mmwb.core.internal.registry;

import java.lang.reflect.Method;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.mmwb.core.catalog.Problem;

/**
 * Writes problems to the Eclipse platform log (the Error Log view, {@code -consoleLog}) with the contributing
 * bundle as the status's plug-in id, so the log names the plugin at fault. Outside a running platform (plain
 * classpath, tests) it writes one line to standard error.
 * <p>
 * {@code ILog} lives in org.eclipse.core.runtime, which org.mmwb.core requires only optionally: it is looked up
 * reflectively so that the engine bundle resolves and runs without it.
 */
final class PlatformLog implements RegistryLog.Sink {
    private static final String PLUGIN = "org.mmwb.core";

    private final Object ilog;
    private final Method logMethod;

    PlatformLog() {
        Object l = null;
        Method m = null;
        try {
            Class<?> c = Class.forName("org.eclipse.core.runtime.ILog", false, PlatformLog.class.getClassLoader());
            l = c.getMethod("of", Class.class).invoke(null, PlatformLog.class);
            m = c.getMethod("log", IStatus.class);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            l = null; // no platform: standard error below
        }
        this.ilog = l;
        this.logMethod = m;
    }

    @Override
    public void log(Problem p) {
        String plugin = p.bundle().isEmpty() ? PLUGIN : p.bundle();
        String msg = "special mapping provider: " + p.message();
        if (ilog != null) {
            try {
                logMethod.invoke(ilog, new Status(p.error() ? IStatus.ERROR : IStatus.WARNING, plugin, msg,
                        p.cause()));
                return;
            } catch (ReflectiveOperationException | RuntimeException e) {
                // fall through to standard error
            }
        }
        System.err.println("mmwb: " + (p.error() ? "error" : "warning") + ": " + plugin + ": " + msg
                + (p.cause() == null ? "" : " (" + p.cause() + ")"));
    }
}
