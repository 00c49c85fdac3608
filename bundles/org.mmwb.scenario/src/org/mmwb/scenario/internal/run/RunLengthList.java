package org.mmwb.scenario.internal.run;

import java.util.Arrays;
import java.util.Objects;

/**
 * An append-only list stored as runs of equal elements: the per-page results of a {@code touch} over a million pages
 * are one run of {@code ok} (a few words), not a million references. Reads are a binary search over the runs.
 */
public final class RunLengthList<E> extends LazyList<E> {

    private Object[] values = new Object[4];
    /** ends[i]: the index one past the last element of run i. */
    private int[] ends = new int[4];
    private int runs;

    /** Appends {@code e} (extending the last run when equal to it). */
    public void append(E e) {
        if (runs > 0 && Objects.equals(values[runs - 1], e)) {
            ends[runs - 1]++;
            return;
        }
        if (runs == values.length) {
            values = Arrays.copyOf(values, runs * 2);
            ends = Arrays.copyOf(ends, runs * 2);
        }
        values[runs] = e;
        ends[runs] = size() + 1;
        runs++;
    }

    /** The number of runs of equal elements. */
    public int runs() {
        return runs;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        Objects.checkIndex(index, size());
        int lo = 0;
        int hi = runs - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= index) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return (E) values[lo];
    }

    @Override
    public int size() {
        return runs == 0 ? 0 : ends[runs - 1];
    }
}
