package org.mmwb.core.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** vm.max_map_count, RLIMIT_* and overcommit where Linux 6.18 applies them (the differential suite has them live). */
class LimitsTest {
    private static final long PAGE = 4096;
    private static final long A = 0x100000000000L;
    private static final int RW = Prot.READ | Prot.WRITE;
    private static final int FIXED = MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED;

    private final Kernel k = new Kernel(new KernelProfile("test", 4, 0x555555559000L, 33, List.of(), false));
    private final Task t = k.spawn();

    private long count() {
        return k.limitCounters(t)[0];
    }

    @Test
    void mmapMayReachTheLimitPlusOneAndSplitsStopAtIt() {
        k.mmap(t, A, 16 * PAGE, RW, FIXED, null, 0);
        k.setSysctl("max_map_count", count());
        assertEquals(A + 0x10000, k.mmap(t, A + 0x10000, PAGE, Prot.READ, FIXED, null, 0)); // count was not above
        assertEquals(-Errno.ENOMEM, k.mmap(t, A + 0x20000, PAGE, RW, FIXED, null, 0));
        assertEquals(-Errno.ENOMEM, k.mprotect(t, A + PAGE, PAGE, Prot.READ));
        assertEquals(-Errno.ENOMEM, k.munmap(t, A + PAGE, PAGE));
        assertEquals(-Errno.EAGAIN, k.madvise(t, A + PAGE, PAGE, Madvise.DONTFORK));
        assertEquals(0, k.munmap(t, A + 15 * PAGE, PAGE)); // an end needs no new VMA
        assertEquals(List.of(), k.checkInvariants());
    }

    @Test
    void rlimitAsCountsTotalVmAndReplacedPagesAreFree() {
        long total = k.limitCounters(t)[1];
        assertEquals(0, k.setrlimit(t, 9, (total + 8) * PAGE, -1));
        assertEquals(A, k.mmap(t, A, 8 * PAGE, RW, FIXED, null, 0));
        assertEquals(-Errno.ENOMEM, k.mmap(t, A + 0x10000, PAGE, RW, FIXED, null, 0));
        assertEquals(A, k.mmap(t, A, 4 * PAGE, Prot.READ, FIXED, null, 0));
        assertEquals(-Errno.ENOMEM, k.mremap(t, A + 4 * PAGE, 4 * PAGE, 5 * PAGE, MapFlags.MREMAP_MAYMOVE, 0));
        Task c = k.fork(t);
        assertEquals((total + 8) * PAGE, k.getrlimit(c, 9)); // inherited
        assertEquals(-Errno.EINVAL, k.setrlimit(t, 9, 2 * PAGE, PAGE));
    }

    @Test
    void rlimitDataSparesSharedAndReadOnlyMemoryButNotMprotectToWrite() {
        assertEquals(0, k.setrlimit(t, 2, 4 * PAGE, -1));
        assertEquals(A, k.mmap(t, A, 4 * PAGE, RW, FIXED, null, 0));
        assertEquals(-Errno.ENOMEM, k.mmap(t, A + 0x10000, PAGE, RW, FIXED, null, 0));
        long ro = A + 0x20000;
        assertEquals(ro, k.mmap(t, ro, PAGE, Prot.READ, FIXED, null, 0));
        assertEquals(-Errno.ENOMEM, k.mprotect(t, ro, PAGE, RW));
        long sh = A + 0x30000;
        assertEquals(sh, k.mmap(t, sh, 8 * PAGE, RW, MapFlags.SHARED | MapFlags.ANONYMOUS | MapFlags.FIXED, null, 0));
        long brk = k.brk(t, 0);
        assertEquals(brk, k.brk(t, brk + 8 * PAGE)); // check_data_rlimit: the break stays
    }

    @Test
    void rlimitStackStopsGrowsdownGrowth() {
        long g = A + 0x80000;
        assertEquals(g, k.mmap(t, g, 2 * PAGE, RW, FIXED | MapFlags.GROWSDOWN, null, 0));
        assertEquals(0, k.setrlimit(t, 3, 3 * PAGE, -1));
        assertEquals(Signals.OK, k.access(t, g - PAGE, Kernel.ACCESS_WRITE));
        assertTrue(k.access(t, g - 2 * PAGE, Kernel.ACCESS_WRITE) != Signals.OK);
    }

    @Test
    void overcommitModes() {
        long huge = 1L << 46;
        assertEquals(-Errno.ENOMEM, k.mmap(t, 0, huge, RW, MapFlags.PRIVATE | MapFlags.ANONYMOUS, null, 0));
        long a = k.mmap(t, 0, huge, RW, MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.NORESERVE, null, 0);
        assertTrue(a > 0);
        assertEquals(0, k.munmap(t, a, huge));
        assertEquals(0, k.setSysctl("overcommit_memory", 1));
        a = k.mmap(t, 0, huge, RW, MapFlags.PRIVATE | MapFlags.ANONYMOUS, null, 0);
        assertTrue(a > 0);
        assertEquals(0, k.munmap(t, a, huge));
        assertEquals(0, k.setSysctl("overcommit_memory", 2));
        assertEquals(-Errno.ENOMEM,
                k.mmap(t, 0, huge, RW, MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.NORESERVE, null, 0));
        // RAM 4 GiB, ratio 50: 2 GiB may be committed
        assertTrue(k.mmap(t, 0, 1L << 30, RW, MapFlags.PRIVATE | MapFlags.ANONYMOUS, null, 0) > 0);
        assertEquals(-Errno.ENOMEM, k.mmap(t, 0, 1L << 30, RW, MapFlags.PRIVATE | MapFlags.ANONYMOUS, null, 0));
        assertEquals(-Errno.EINVAL, k.setSysctl("overcommit_memory", 3));
        assertEquals(-Errno.ENOENT, k.setSysctl("swappiness", 1));
    }
}
