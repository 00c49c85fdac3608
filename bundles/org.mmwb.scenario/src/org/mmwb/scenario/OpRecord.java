package org.mmwb.scenario;

import java.util.List;

import org.mmwb.scenario.internal.run.LazyList;

/**
 * The outcome of one scenario line: an entry of the report's {@code results}.
 *
 * @param line    the line of the operation
 * @param pid     the scenario pid that executed it
 * @param op      the operation name
 * @param results one result, or one per page for {@code touch}
 * @param perPage whether the JSON {@code result} is an array (touch) rather than a string
 * @param sym     symbolic form of an address result chosen by the kernel or derived from one ({@code $a},
 *                {@code @12}, {@code [vdso]+0x1000}); null when the result is compared literally
 */
public record OpRecord(int line, int pid, String op, List<OpResult> results, boolean perPage, String sym) {

    public OpRecord {
        results = LazyList.keepable(results) ? results : List.copyOf(results);
    }

    /**
     * Hashes the line, pid, operation and the number and first of the results, not every result: a touch of 4 GiB
     * has a million, and records are hash keys in the workbench's views. Equal records still hash equal.
     */
    @Override
    public int hashCode() {
        return java.util.Objects.hash(line, pid, op, results.size(), result(), perPage, sym);
    }

    /** The first (for non-touch operations the only) result. */
    public OpResult result() {
        return results.isEmpty() ? null : results.get(0);
    }
}
