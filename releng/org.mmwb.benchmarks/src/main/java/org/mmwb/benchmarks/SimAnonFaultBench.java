package org.mmwb.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.function.LongToIntFunction;

import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.MapFlags;
import org.mmwb.core.mm.Prot;
import org.mmwb.core.mm.Signals;
import org.mmwb.core.mm.Task;
import org.mmwb.x86.X86Profiles;
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
 * Simulated anonymous write faults, the simulator's side of the host's {@code bench anon}: one task of the x86-64
 * 6.18 profile with a big private anonymous mapping; each invocation stores into every page once, so every access
 * is a first-touch fault through the whole path (do_user_addr_fault, handle_mm_fault, do_anonymous_page, the fault
 * log). Between invocations (untimed) the mapping is unmapped and mapped again, as the host run maps a fresh area.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SimAnonFaultBench {
    /** Pages per invocation (256 MiB), the same count the host figure uses. */
    public static final int PAGES = 1 << 16;
    private static final long LEN = (long) PAGES << 12;

    private Kernel kernel;
    private Task task;
    private long base;

    @Setup(Level.Trial)
    public void boot() {
        kernel = new Kernel(X86Profiles.x86_64_6_18());
        task = kernel.spawn();
        base = map();
    }

    @Setup(Level.Invocation)
    public void remap() {
        if (kernel.munmap(task, base, LEN) != 0) {
            throw new IllegalStateException("munmap failed");
        }
        base = map();
    }

    private long map() {
        long a = kernel.mmap(task, 0, LEN, Prot.READ | Prot.WRITE, MapFlags.PRIVATE | MapFlags.ANONYMOUS, null, 0);
        if (a < 0) {
            throw new IllegalStateException("mmap failed: " + a);
        }
        return a;
    }

    /** One write access per page: the fault (what the host's store of one byte costs the kernel). */
    @Benchmark
    @OperationsPerInvocation(PAGES)
    public int anonWriteFault() {
        return everyPage(a -> kernel.access(task, a, Kernel.ACCESS_WRITE));
    }

    /** The scenario's store of one byte per page: the fault plus storing the byte into the frame. */
    @Benchmark
    @OperationsPerInvocation(PAGES)
    public int anonWriteFaultAndStore() {
        return everyPage(a -> kernel.write(task, a, (byte) 'Z'));
    }

    /** {@code touch} on each page of the mapping, checked (see {@link #check}). */
    private int everyPage(LongToIntFunction touch) {
        long f0 = kernel.faultCount();
        int bad = 0;
        long a = base;
        for (int i = 0; i < PAGES; i++, a += 4096) {
            bad |= touch.applyAsInt(a);
        }
        return check(bad, kernel.faultCount() - f0);
    }

    /** Every touch must succeed and be exactly one logged fault (else the figure measures something else). */
    private static int check(int bad, long faults) {
        if (bad != Signals.OK) {
            throw new IllegalStateException("a touch failed: " + Signals.describe(bad));
        }
        if (faults != PAGES) {
            throw new IllegalStateException(faults + " faults logged for " + PAGES + " first touches");
        }
        return bad;
    }
}
