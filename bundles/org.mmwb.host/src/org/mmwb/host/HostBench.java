package org.mmwb.host;

import java.util.Arrays;

import org.mmwb.host.internal.Replies;

/**
 * Benchmarks of the live kernel, timed inside the C helper with clock_gettime (no JVM in the loop), for
 * {@code ./mmwb bench} to compare the simulator with. Each figure is the median of {@link #runs()} runs.
 */
public final class HostBench {
    private final HostKernel kernel;
    private final int runs;

    /** @param kernel a started host kernel; 7 runs per figure */
    public HostBench(HostKernel kernel) {
        this(kernel, 7);
    }

    /**
     * @param kernel a started host kernel
     * @param runs   runs per figure (1..100)
     */
    public HostBench(HostKernel kernel, int runs) {
        this.kernel = kernel;
        this.runs = Math.max(1, Math.min(100, runs));
    }

    /** @return the runs per figure */
    public int runs() {
        return runs;
    }

    /**
     * Anonymous write faults per second: map {@code pages} private anonymous pages (MADV_NOHUGEPAGE, so every
     * fault is a 4 KiB do_anonymous_page), store one byte into each, unmap.
     *
     * @param pages pages per run
     * @return the median rate
     */
    public double anonWriteFaultsPerSecond(long pages) {
        return median(Replies.rates(kernel.requestLong("bench anon " + Math.max(1, pages) + " " + runs, 600_000)
                .get(0)));
    }

    /**
     * mmap(4 KiB anonymous) + mprotect(PROT_READ) + munmap triples per second.
     *
     * @param iterations triples per run
     * @return the median rate
     */
    public double mmapMprotectMunmapPerSecond(int iterations) {
        return median(Replies.rates(kernel.requestLong("bench mmap " + Math.max(1, iterations) + " " + runs, 600_000)
                .get(0)));
    }

    /**
     * @param values some numbers
     * @return their median (the mean of the middle two for an even count)
     */
    public static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
