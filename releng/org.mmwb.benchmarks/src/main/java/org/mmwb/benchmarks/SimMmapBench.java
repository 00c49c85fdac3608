package org.mmwb.benchmarks;

import java.util.concurrent.TimeUnit;

import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.MapFlags;
import org.mmwb.core.mm.Prot;
import org.mmwb.core.mm.Task;
import org.mmwb.x86.X86Profiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * mmap + mprotect + munmap triples on the simulator, the shape of the host's {@code bench mmap}: map one anonymous
 * private read-write page anywhere, make it read-only, unmap it. The neighbours variant maps the page into a
 * one-page hole between two read-write anonymous areas, so each triple merges three VMAs into one (vma_merge on
 * both sides), splits it into three again (mprotect) and cuts the middle out (munmap).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SimMmapBench {
    private static final long PAGE = 4096;
    private static final int RW = Prot.READ | Prot.WRITE;
    private static final int ANON = MapFlags.PRIVATE | MapFlags.ANONYMOUS;

    private Kernel kernel;
    private Task task;
    private long hole;

    @Setup(Level.Trial)
    public void boot() {
        kernel = new Kernel(X86Profiles.x86_64_6_18());
        task = kernel.spawn();
        // [left 16 pages][hole][right 16 pages], both sides read-write anonymous without anon_vma, so a
        // read-write page in the hole merges with both (vma_merge_new_range)
        long area = kernel.mmap(task, 0, 33 * PAGE, RW, ANON, null, 0);
        if (area < 0) {
            throw new IllegalStateException("mmap failed: " + area);
        }
        hole = area + 16 * PAGE;
        if (kernel.munmap(task, hole, PAGE) != 0) {
            throw new IllegalStateException("munmap failed");
        }
        int before = kernel.snapshot(task).size();
        mmapMprotectMunmapNeighbours();
        long a = kernel.mmap(task, hole, PAGE, RW, ANON | MapFlags.FIXED, null, 0);
        int merged = kernel.snapshot(task).size();
        kernel.munmap(task, a, PAGE);
        if (merged != before - 1 || kernel.snapshot(task).size() != before) {
            System.err.println("note: the neighbours variant does not merge as expected (" + before + " VMAs, "
                    + merged + " after mapping the hole)");
        }
    }

    /** mmap(NULL, 4096, RW, PRIVATE|ANONYMOUS) + mprotect(PROT_READ) + munmap. */
    @Benchmark
    public long mmapMprotectMunmap() {
        long a = kernel.mmap(task, 0, PAGE, RW, ANON, null, 0);
        long r = kernel.mprotect(task, a, PAGE, Prot.READ);
        return check(a, r | kernel.munmap(task, a, PAGE));
    }

    /** The same triple at a fixed hole between two mergeable neighbours (merge, split into three, unmap). */
    @Benchmark
    public long mmapMprotectMunmapNeighbours() {
        long a = kernel.mmap(task, hole, PAGE, RW, ANON | MapFlags.FIXED, null, 0);
        long r = kernel.mprotect(task, a, PAGE, Prot.READ);
        return check(a, r | kernel.munmap(task, a, PAGE));
    }

    private static long check(long addr, long r) {
        if (addr < 0 || r != 0) {
            throw new IllegalStateException("triple failed: mmap " + addr + ", mprotect|munmap " + r);
        }
        return addr;
    }
}
