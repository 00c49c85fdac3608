package org.mmwb.ui.internal.widgets.faultlog;

import java.util.Arrays;

import org.mmwb.core.mm.ReadOnlyFaultLog;

/**
 * The rows of the fault log table: the faults of a {@link ReadOnlyFaultLog} that pass a {@link FaultFilter}, in sequence
 * order, as a primitive array (no object per row). With the all-pass filter no array exists at all: row
 * {@code r} is fault {@code firstSeq + r}.
 *
 * <p>Matching faults are stored as int offsets from a base sequence number (4 bytes per matching fault).
 * {@link #update()} scans only the faults appended since the last call and forgets the ones the log dropped,
 * so a table following a running simulation costs time proportional to the new faults. Plain Java (no SWT):
 * a view may run {@link #update()} in a background job, as long as the engine does not append meanwhile.
 */
public final class FaultIndex {

    private final ReadOnlyFaultLog log;
    private final FaultFilter filter;

    private long base;         // seq of offset 0
    private int[] offsets = new int[0];
    private int head;          // first live entry of offsets
    private int tail;          // one past the last entry
    private long scannedTo;    // next seq to test

    /** An index of the faults of {@code log} passing {@code filter}; call {@link #update()} to fill it. */
    public FaultIndex(ReadOnlyFaultLog log, FaultFilter filter) {
        this.log = log;
        this.filter = filter;
        this.base = log.firstSeq();
        this.scannedTo = base;
    }

    /** The log indexed. */
    public ReadOnlyFaultLog log() {
        return log;
    }

    /** The filter applied. */
    public FaultFilter filter() {
        return filter;
    }

    /**
     * Catch up with the log: test the faults appended since the last call, drop rows the log no longer keeps.
     *
     * @return true when the rows changed
     */
    public boolean update() {
        if (filter.isAll()) {
            boolean changed = scannedTo != log.nextSeq() || base != log.firstSeq();
            scannedTo = log.nextSeq();
            base = log.firstSeq();
            return changed;
        }
        long first = log.firstSeq();
        long next = log.nextSeq();
        boolean changed = false;
        if (next < scannedTo || next - base > Integer.MAX_VALUE) {
            rebuild(first);  // log restarted, or offsets would overflow
            changed = true;
        }
        while (head < tail && base + offsets[head] < first) {
            head++;
            changed = true;
        }
        for (long seq = Math.max(scannedTo, first); seq < next; seq++) {
            if (filter.matches(log, seq)) {
                add(seq);
                changed = true;
            }
        }
        scannedTo = next;
        return changed;
    }

    /** Number of rows. */
    public int size() {
        if (filter.isAll()) {
            return (int) Math.min(Integer.MAX_VALUE, log.size());
        }
        return tail - head;
    }

    /** Sequence number of row {@code row} (0 = oldest kept fault that matches). */
    public long seqAt(int row) {
        if (filter.isAll()) {
            return log.firstSeq() + row;
        }
        return base + offsets[head + row];
    }

    /** The row of fault {@code seq}, or -1 when it is not shown (filtered out or no longer kept). */
    public int rowOf(long seq) {
        if (filter.isAll()) {
            return seq >= log.firstSeq() && seq < log.nextSeq() ? (int) (seq - log.firstSeq()) : -1;
        }
        long off = seq - base;
        if (off < 0 || off > Integer.MAX_VALUE) {
            return -1;
        }
        int i = Arrays.binarySearch(offsets, head, tail, (int) off);
        return i >= 0 ? i - head : -1;
    }

    /**
     * The row nearest to fault {@code seq}: its own row, else the first row after it, else the last row; -1 when
     * there are no rows. Keeps the user's place when a filter changes.
     */
    public int nearestRow(long seq) {
        int n = size();
        if (n == 0) {
            return -1;
        }
        if (filter.isAll()) {
            return (int) Math.max(0, Math.min(n - 1, seq - log.firstSeq()));
        }
        long off = seq - base;
        if (off < 0) {
            return 0;
        }
        if (off > Integer.MAX_VALUE) {
            return n - 1;
        }
        int i = Arrays.binarySearch(offsets, head, tail, (int) off);
        int row = (i >= 0 ? i : -i - 1) - head;
        return Math.min(row, n - 1);
    }

    /** Approximate heap bytes of the index array. */
    public long bytesUsed() {
        return 16 + 4L * offsets.length;
    }

    private void rebuild(long first) {
        base = first;
        head = 0;
        tail = 0;
        scannedTo = first;
    }

    private void add(long seq) {
        if (tail == offsets.length) {
            int live = tail - head;
            if (head > 0 && live <= offsets.length / 2) {
                System.arraycopy(offsets, head, offsets, 0, live);  // reuse room freed by dropped rows
            } else {
                offsets = Arrays.copyOfRange(offsets, head, head + Math.max(1024, live * 2));
            }
            head = 0;
            tail = live;
        }
        offsets[tail++] = (int) (seq - base);
    }
}
