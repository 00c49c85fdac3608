package org.mmwb.ui.internal.widgets.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mmwb.core.mm.ReadOnlyFaultLog;
import org.mmwb.core.mm.VmFaultResult;

/**
 * The fault timeline's data: one lane per (process, VMA) in order of first fault, and per lane how many faults
 * fall into each of N buckets of a sequence-number range (with the failed ones counted apart). Counting reads two
 * primitive columns of the {@link ReadOnlyFaultLog} per fault of the range, so a repaint of a million faults costs a few
 * milliseconds; lanes are learnt incrementally as the log grows.
 */
public final class TimelineModel {

    /** A lane: the faults of one process in one VMA ({@link ReadOnlyFaultLog#NO_VMA}: outside every VMA). */
    public record Lane(int pid, long vmaStart) {
    }

    private final ReadOnlyFaultLog log;
    private final List<Lane> lanes = new ArrayList<>();
    private final Map<Lane, Integer> index = new HashMap<>();
    private long scannedTo;

    public TimelineModel(ReadOnlyFaultLog log) {
        this.log = log;
        this.scannedTo = log == null ? 0 : log.firstSeq();
    }

    public ReadOnlyFaultLog log() {
        return log;
    }

    /** Learns the lanes of faults logged since the last call. */
    public void update() {
        if (log == null) {
            return;
        }
        long from = Math.max(scannedTo, log.firstSeq());
        for (long s = from; s < log.nextSeq(); s++) {
            laneOf(s);
        }
        scannedTo = log.nextSeq();
    }

    private int lastPid = Integer.MIN_VALUE;
    private long lastVma;
    private int lastLane;

    /** The lane index of fault {@code seq} (learning it if new). Runs of one lane hit a one-entry cache. */
    public int laneOf(long seq) {
        int pid = log.pid(seq);
        long vma = log.vmaStart(seq);
        if (pid == lastPid && vma == lastVma) {
            return lastLane;
        }
        Lane l = new Lane(pid, vma);
        Integer i = index.get(l);
        if (i == null) {
            i = lanes.size();
            lanes.add(l);
            index.put(l, i);
        }
        lastPid = pid;
        lastVma = vma;
        lastLane = i;
        return i;
    }

    public List<Lane> lanes() {
        return lanes;
    }

    /** The oldest fault kept. */
    public long first() {
        return log == null ? 0 : log.firstSeq();
    }

    /** One past the newest fault. */
    public long end() {
        return log == null ? 0 : log.nextSeq();
    }

    /**
     * Counts of the faults of [from, to) in {@code buckets} equal buckets: {@code counts[lane][bucket]}, and
     * {@code failed[lane][bucket]} for faults whose result has VM_FAULT_ERROR bits.
     */
    public void histogram(long from, long to, int buckets, int[][] counts, int[][] failed) {
        long lo = Math.max(from, first());
        long hi = Math.min(to, end());
        double per = (double) (to - from) / buckets;
        for (long s = lo; s < hi; s++) {
            int lane = laneOf(s);
            if (lane >= counts.length) {
                continue;
            }
            int b = (int) Math.min(buckets - 1, (s - from) / per);
            counts[lane][b]++;
            if ((log.result(s) & VmFaultResult.ERROR) != 0) {
                failed[lane][b]++;
            }
        }
    }

    /** The fault of {@code lane} nearest to {@code seq} within [from, to), or -1. */
    public long nearest(int lane, long seq, long from, long to) {
        long lo = Math.max(from, first());
        long hi = Math.min(to, end());
        long best = -1;
        long bestDist = Long.MAX_VALUE;
        for (long s = lo; s < hi; s++) {
            if (laneOf(s) == lane && Math.abs(s - seq) < bestDist) {
                best = s;
                bestDist = Math.abs(s - seq);
            }
        }
        return best;
    }
}
