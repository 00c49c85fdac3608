package org.mmwb.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.mmwb.core.internal.vma.SpreadVmas;
import org.mmwb.core.internal.vma.VmaTree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * find_vma on the mm's VMA index with 100k VMAs (1..64 pages each, 0..16 page gaps), at uniformly random
 * addresses and at addresses walking the VMAs in order. Each invocation does {@value #BATCH} lookups from a
 * precomputed address table much larger than the caches.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FindVmaBench {
    /** VMAs in the tree. */
    public static final int VMAS = 100_000;
    static final int BATCH = 1024;
    private static final int ADDRS = 1 << 20;

    private VmaTree<Object> tree;
    private long[] random;
    private long[] sequential;
    private int pos;

    @Setup(Level.Trial)
    public void build() {
        Random rnd = new Random(42);
        SpreadVmas layout = SpreadVmas.build(VMAS, rnd);
        tree = layout.tree();
        long[] starts = layout.starts();
        long span = layout.span();
        random = new long[ADDRS];
        sequential = new long[ADDRS];
        for (int i = 0; i < ADDRS; i++) {
            random[i] = starts[0] + (long) (rnd.nextDouble() * span);
            sequential[i] = starts[i % VMAS] + rnd.nextInt(4096);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int findVmaRandom() {
        return run(random);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int findVmaSequential() {
        return run(sequential);
    }

    private int run(long[] addrs) {
        int p = pos;
        int hits = 0;
        for (int i = 0; i < BATCH; i++) {
            hits += tree.find(addrs[(p + i) & (ADDRS - 1)]) != null ? 1 : 0;
        }
        pos = p + BATCH;
        if (hits != BATCH) {
            throw new IllegalStateException("find_vma missed a VMA below the last one");
        }
        return hits;
    }
}
