package org.mmwb.ui.internal.session;

import java.util.HashSet;
import java.util.Set;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.mmwb.core.mm.FaultRecord;
import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.ReadOnlyFaultLog;
import org.mmwb.core.mm.SpecialMappingProvider;
import org.mmwb.core.mm.VmFaultResult;

/**
 * Reports the failures of contributed special-mapping providers to the platform log, so that the Eclipse Error
 * Log shows them: a provider whose mapping could not be created, and faults that a handler ended with a recorded
 * reason (it threw, returned garbage, inserted a PFN outside its VMA, ran too long). Each distinct failure is
 * logged once per session, at most {@link #MAX_PER_SESSION} times.
 */
final class PluginFailures {

    static final int MAX_PER_SESSION = 50;
    private static final String PLUGIN = "org.mmwb.ui";

    private final Set<String> logged = new HashSet<>();

    /** Forgets what was logged (a new session). */
    void reset() {
        logged.clear();
    }

    /** Logs the failures of this kernel not logged yet. Called on the UI thread with an idle kernel. */
    void check(Kernel kernel) {
        for (SpecialMappingProvider p : kernel.providers()) {
            if (p.placement().kind() != Placement.Kind.GATE && kernel.specialMapping(p.name()) == null) {
                log(IStatus.ERROR, "Special-mapping provider " + p.name() + " of " + p.contributor()
                        + " failed to create its mapping; it is absent from new processes");
            }
        }
        ReadOnlyFaultLog l = kernel.faultLog();
        for (long seq = l.firstSeq(); seq < l.nextSeq() && logged.size() < MAX_PER_SESSION; seq++) {
            if ((l.result(seq) & VmFaultResult.SIGBUS) == 0) {
                continue;
            }
            FaultRecord f = kernel.fault(seq);
            if (f.reason() != null) {
                log(IStatus.WARNING, String.format("Fault handler %s failed at 0x%x (pid %d, pgoff %d): %s; "
                        + "the fault ended with VM_FAULT_SIGBUS", f.handler(), f.address(), f.pid(), f.pgoff(),
                        f.reason()));
            }
        }
    }

    private void log(int severity, String message) {
        if (logged.size() >= MAX_PER_SESSION || !logged.add(message)) {
            return;
        }
        try {
            ILog.of(PluginFailures.class).log(new Status(severity, PLUGIN, message));
        } catch (RuntimeException | LinkageError e) {
            System.err.println(message); // outside OSGi (plain unit tests)
        }
    }

    /** Messages logged so far (for tests). */
    Set<String> logged() {
        return Set.copyOf(logged);
    }
}
