package org.mmwb.core.internal.registry;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.mmwb.core.mm.SpecialMapping;
import org.mmwb.core.mm.VmArea;
import org.mmwb.core.mm.VmFault;
import org.mmwb.core.mm.VmFaultResult;

/**
 * A contributed {@code .fault} handler run under a time budget (docs/plugin-guide.md, "What a failure looks like": a handler that "runs too long
 * must not take down the simulation or the workbench").
 * <p>
 * Java cannot stop a thread that spins, so a budget can only be enforced by not waiting for it: the handler runs
 * on a daemon thread while the faulting (engine) thread waits at most the budget. On time-out the handler's
 * {@link GuardedVmFault} is revoked (a late insert changes nothing), the thread is interrupted and abandoned, the
 * mapping is disabled (later faults end at once, so at most one thread per mapping is ever lost) and the engine
 * gets a {@link HandlerBudgetExceeded}, which it turns into VM_FAULT_SIGBUS with this message as the reason. The
 * engine thread blocks while the handler runs, so the engine is still used by one thread at a time. A budget of 0
 * calls the handler inline (no thread hand-off, no budget).
 * <p>
 * Failures are also written to the {@link RegistryLog} (the Eclipse log) with the contributing bundle: a throw, an
 * invalid vm_fault_t, the insert violations its view can see, a time-out. At most {@link #MAX_LOGGED} per
 * mapping, so a handler failing on every fault does not flood the log.
 */
final class GuardedFault implements SpecialMapping.Fault {
    static final int MAX_LOGGED = 10;

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService HANDLERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "mmwb-fault-handler-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private final SpecialMapping.Fault handler;
    private final String what;
    private final String bundle;
    private final long budgetNanos;
    private final RegistryLog log;
    private int logged;
    private volatile String disabled;
    /** Set when this wrapper logged (or had logged) the failure of the fault in progress. */
    private volatile boolean reportedThisFault;

    /**
     * @param what        "provider ID ([name])", for messages
     * @param budgetNanos the budget, 0 for none
     */
    GuardedFault(SpecialMapping.Fault handler, String what, String bundle, long budgetNanos, RegistryLog log) {
        this.handler = handler;
        this.what = what;
        this.bundle = bundle;
        this.budgetNanos = budgetNanos;
        this.log = log;
    }

    @Override
    public int fault(SpecialMapping sm, VmArea vma, VmFault vmf) {
        reportedThisFault = false;
        String off = disabled;
        if (off != null) {
            reportedThisFault = true; // reported when it was disabled
            throw new HandlerBudgetExceeded(off);
        }
        GuardedVmFault view = new GuardedVmFault(vmf);
        int r;
        if (budgetNanos <= 0) {
            try {
                r = handler.fault(sm, vma, view);
            } catch (RuntimeException | LinkageError | AssertionError e) {
                failed("its .fault handler threw " + e, e);
                throw e;
            }
        } else {
            r = timed(sm, vma, view);
        }
        if ((r & ~VmFaultResult.VALID_MASK) != 0) {
            failed("its .fault handler returned an invalid vm_fault_t 0x" + Integer.toHexString(r), null);
        } else if (view.violation() != null) {
            failed("its .fault handler " + view.violation(), null);
        }
        return r;
    }

    private int timed(SpecialMapping sm, VmArea vma, GuardedVmFault view) {
        Future<Integer> f = HANDLERS.submit(() -> handler.fault(sm, vma, view));
        try {
            return f.get(budgetNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            view.revoke();
            f.cancel(true);
            String why = String.format("ran past its time budget of %d ms (the handler thread was abandoned and"
                    + " the mapping disabled)", TimeUnit.NANOSECONDS.toMillis(budgetNanos));
            disabled = "disabled: its .fault handler ran past its time budget of "
                    + TimeUnit.NANOSECONDS.toMillis(budgetNanos) + " ms earlier";
            failed("its .fault handler " + why, null);
            throw new HandlerBudgetExceeded(what + " " + why);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            failed("its .fault handler threw " + c, c);
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } catch (InterruptedException e) {
            view.revoke();
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new HandlerBudgetExceeded(what + ": interrupted while its .fault handler ran");
        }
    }

    /**
     * The engine's {@link SpecialMapping.FailureListener}: a failure only the engine can see (NOPAGE without a
     * PTE, a PFN that is not an allocated page, a handler touching user memory, ...) goes to the log too; one
     * this wrapper already logged for the same fault is not logged twice.
     */
    void engineFailure(SpecialMapping sm, VmArea vma, long address, String reason) {
        if (!reportedThisFault) {
            // a device's readb/writeb fails an access, not the .fault handler: name what broke
            String what = reason != null && reason.startsWith("its device") ? "an access to its mapping"
                    : "its .fault handler";
            failed(String.format("%s failed at 0x%x (SIGBUS): %s", what, address, reason), null);
        }
    }

    private synchronized void failed(String why, Throwable cause) {
        reportedThisFault = true;
        if (logged < MAX_LOGGED) {
            logged++;
            log.error(bundle, what + ": " + why + (logged == MAX_LOGGED ? " (further failures not logged)" : ""),
                    cause);
        }
    }
}
