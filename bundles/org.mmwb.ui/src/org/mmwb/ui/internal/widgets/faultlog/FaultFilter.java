package org.mmwb.ui.internal.widgets.faultlog;

import org.mmwb.core.mm.ReadOnlyFaultLog;

/**
 * Which faults the table shows: each criterion is either "any" or one value; a fault matches when it passes all.
 * Immutable; build one with {@link #ALL} and the {@code with...} methods.
 *
 * @param pid        the task, or {@link #ANY_PID}
 * @param vmaStart   vm_start of the VMA ({@link ReadOnlyFaultLog#NO_VMA} = faults outside every VMA), or {@link #ANY_VMA}
 * @param resultMask VM_FAULT_* bits to test; 0 = any result
 * @param resultBits the value {@code result & resultMask} must have
 * @param handler    interned handler id, or {@link #ANY_HANDLER}
 * @param vmaStarts  sorted vm_starts of several VMAs (a name or perms typed in the filter), or null for none
 */
public record FaultFilter(int pid, long vmaStart, int resultMask, int resultBits, int handler, long[] vmaStarts) {

    /** A filter without a VMA set. */
    public FaultFilter(int pid, long vmaStart, int resultMask, int resultBits, int handler) {
        this(pid, vmaStart, resultMask, resultBits, handler, null);
    }

    /** pid value meaning "any task". */
    public static final int ANY_PID = Integer.MIN_VALUE;
    /** vmaStart value meaning "any VMA, or none". */
    public static final long ANY_VMA = Long.MIN_VALUE;
    /** handler value meaning "any handler". */
    public static final int ANY_HANDLER = Integer.MIN_VALUE;

    /** The filter that lets every fault through. */
    public static final FaultFilter ALL = new FaultFilter(ANY_PID, ANY_VMA, 0, 0, ANY_HANDLER);

    /** True when this filter lets every fault through (the table then needs no index). */
    public boolean isAll() {
        return pid == ANY_PID && vmaStart == ANY_VMA && resultMask == 0 && handler == ANY_HANDLER
                && vmaStarts == null;
    }

    /** Same filter, restricted to task {@code p} ({@link #ANY_PID} to lift). */
    public FaultFilter withPid(int p) {
        return new FaultFilter(p, vmaStart, resultMask, resultBits, handler, vmaStarts);
    }

    /** Same filter, restricted to the VMA starting at {@code start} ({@link #ANY_VMA} to lift). */
    public FaultFilter withVmaStart(long start) {
        return new FaultFilter(pid, start, resultMask, resultBits, handler, null);
    }

    /** Same filter, restricted to the VMAs starting at one of {@code starts} (any order; null to lift). */
    public FaultFilter withVmaStarts(long[] starts) {
        long[] sorted = starts == null ? null : starts.clone();
        if (sorted != null) {
            java.util.Arrays.sort(sorted);
        }
        return new FaultFilter(pid, ANY_VMA, resultMask, resultBits, handler, sorted);
    }

    /** Same filter, restricted to results with {@code (result & mask) == bits} (mask 0 to lift). */
    public FaultFilter withResult(int mask, int bits) {
        return new FaultFilter(pid, vmaStart, mask, bits & mask, handler, vmaStarts);
    }

    /** Same filter, restricted to one interned handler id ({@link #ANY_HANDLER} to lift). */
    public FaultFilter withHandler(int h) {
        return new FaultFilter(pid, vmaStart, resultMask, resultBits, h, vmaStarts);
    }

    /** Whether fault {@code seq} of {@code log} passes. Cheapest tests first; reads only primitive columns. */
    public boolean matches(ReadOnlyFaultLog log, long seq) {
        if (pid != ANY_PID && log.pid(seq) != pid) {
            return false;
        }
        if (handler != ANY_HANDLER && log.handler(seq) != handler) {
            return false;
        }
        if (resultMask != 0 && (log.result(seq) & resultMask) != resultBits) {
            return false;
        }
        if (vmaStarts != null && java.util.Arrays.binarySearch(vmaStarts, log.vmaStart(seq)) < 0) {
            return false;
        }
        return vmaStart == ANY_VMA || log.vmaStart(seq) == vmaStart;
    }
}
