package org.mmwb.core.internal.mm;

import java.util.Map;

import org.mmwb.core.internal.log.FaultLog;

/**
 * What the fault in progress did, as the fault log records it: the path taken (the kernel function that resolved
 * it), the PFN mapped, the handler and pgoff, and why it failed. The fault-path classes set these fields while they
 * handle one fault and the caller ({@link Faults}, {@link Gup}) logs them: plain fields, so a fault allocates no
 * Java object. One per kernel; faults do not nest.
 */
final class FaultTrace {
    /** Path names that several files of the fault path log: a fault ended in SIGBUS, a fault found nothing to do. */
    static final String SIGBUS = "sigbus";
    static final String SPURIOUS = "spurious";

    private final FaultLog log;
    private final Map<Long, String> reasons;

    /** The PFN the fault mapped, -1 if none. */
    long pfn;
    /** Interned name of the path taken, e.g. "do_anonymous_page". */
    int path;
    /** Interned name of the handler: "anonymous", "shmem_fault" or the special mapping's "[name] (owner)". */
    int handler;
    /** The faulting page's offset in its VMA (in the special mapping's pages for special mappings). */
    long pgoff;
    /** Why the fault failed (a broken handler, the OOM killer), or null. */
    String reason;

    FaultTrace(FaultLog log, Map<Long, String> reasons) {
        this.log = log;
        this.reasons = reasons;
    }

    /** Appends the fault just handled to the log, with its reason if it failed; returns its seq. */
    long append(int pid, long addr, int access, long vmaStart, int result) {
        long seq = log.append(pid, addr, access, vmaStart, handler, pgoff, result, pfn, path);
        if (reason != null) {
            reasons.put(seq, reason);
        }
        return seq;
    }
}
