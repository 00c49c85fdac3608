package org.mmwb.benchmarks;


import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.MapFlags;
import org.mmwb.core.mm.Prot;
import org.mmwb.core.mm.ReadOnlyFaultLog;
import org.mmwb.core.mm.Signals;
import org.mmwb.core.mm.Task;
import org.mmwb.x86.X86Profiles;

/**
 * Sizes, not timings: the simulator's bytes per resident page and the fault log's bytes per fault, both after
 * faulting pages in through the kernel's fault path.
 */
final class Footprint {
    private static final int RW = Prot.READ | Prot.WRITE;
    private static final int ANON = MapFlags.PRIVATE | MapFlags.ANONYMOUS;

    private Footprint() {
    }

    /**
     * (PageTable + PhysMem) bytesUsed / resident pages after {@code pages} write faults into one anonymous mapping
     * of a fresh task.
     */
    static double bytesPerResidentPage(int pages) {
        // RAM for the pages plus their page tables: the default 4 GiB machine would OOM-kill at 1M pages.
        Kernel kernel = new Kernel(X86Profiles.x86_64_6_18().withRamPages(2L * pages + (1 << 16)));
        Task t = kernel.spawn();
        long len = (long) pages << 12;
        long a = kernel.mmap(t, 0, len, RW, ANON, null, 0);
        if (a < 0) {
            throw new IllegalStateException("mmap failed: " + a);
        }
        touchAll(kernel, t, a, pages);
        long resident = kernel.allocatedFrames();
        if (resident < pages) {
            throw new IllegalStateException(resident + " frames allocated after " + pages + " faults");
        }
        return (t.mm().pageTable().bytesUsed() + kernel.physBytesUsed()) / (double) pages;
    }

    /**
     * FaultLog bytesUsed / faults after {@code faults} anonymous write faults (in rounds of {@code perRound}
     * pages: map, touch every page, unmap), with a log that keeps them all.
     */
    static double faultLogBytesPerFault(long faults, int perRound) {
        Kernel kernel = new Kernel(X86Profiles.x86_64_6_18().withRamPages(2L * perRound + (1 << 16)), faults + 1024);
        Task t = kernel.spawn();
        long first = kernel.faultCount();
        long len = (long) perRound << 12;
        for (long done = 0; done < faults; done += perRound) {
            int n = (int) Math.min(perRound, faults - done);
            long a = kernel.mmap(t, 0, len, RW, ANON, null, 0);
            touchAll(kernel, t, a, n);
            kernel.munmap(t, a, len);
        }
        ReadOnlyFaultLog log = kernel.faultLog();
        long logged = kernel.faultCount() - first;
        if (logged != faults || log.size() < faults) {
            throw new IllegalStateException(logged + " faults logged, " + log.size() + " kept, for " + faults);
        }
        return log.bytesUsed() / (double) log.size();
    }

    private static void touchAll(Kernel kernel, Task t, long a, int pages) {
        for (int i = 0; i < pages; i++) {
            int r = kernel.access(t, a + ((long) i << 12), Kernel.ACCESS_WRITE);
            if (r != Signals.OK) {
                throw new IllegalStateException("touch failed: " + Signals.describe(r));
            }
        }
    }
}
