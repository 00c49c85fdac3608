package org.mmwb.core.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * RAM running out, as Linux 6.18 handles it: do_anonymous_page / pte_alloc failing with VM_FAULT_OOM, the page
 * allocator's out_of_memory killing the task with the highest oom_badness (SIGKILL), mm_fault_error on a user
 * fault, and the populate paths (__mm_populate, madvise_populate, do_mlock) with their errnos.
 */
class OutOfMemoryTest {
    private static final long PAGE = 4096;
    private static final int RW = Prot.READ | Prot.WRITE;
    private static final int ANON = MapFlags.PRIVATE | MapFlags.ANONYMOUS;
    private static final long KILLED = Signals.encode(Signals.SIGKILL, 0);

    /**
     * A plain machine of {@code ramPages} pages, with vm.overcommit_memory 1: these tests map more than RAM to
     * reach the OOM killer, which the default heuristic would refuse at mmap time.
     */
    private static Kernel machine(long ramPages, int levels) {
        Kernel k = new Kernel(new KernelProfile("test", levels, 0x555555559000L, 33, List.of(), false)
            .withRamPages(ramPages));
        k.setSysctl("overcommit_memory", 1);
        return k;
    }

    /** mmap of pages private anonymous read-write pages (with extra flags) anywhere in t; asserts it worked. */
    private static long map(Kernel k, Task t, long pages, int flags) {
        long a = k.mmap(t, 0, pages * PAGE, RW, ANON | flags, null, 0);
        assertFalse(Errno.isError(a), Errno.name(-a));
        return a;
    }

    /** Makes RAM exactly as large as what is in use: the next allocation runs the OOM killer. */
    private static void fillRam(Kernel k) {
        k.setRamPages(k.allocatedFrames() + k.pgtablePages());
    }

    /**
     * A 3000-page machine with two tasks: big with 2000 pages populated, small with smallPages mapped at b and not
     * yet touched.
     */
    private record BigAndSmall(Kernel k, Task big, Task small, long b) {
        static BigAndSmall make(long smallPages) {
            Kernel k = machine(3000, 4);
            Task big = k.spawn();
            Task small = k.spawn();
            map(k, big, 2000, MapFlags.POPULATE);
            return new BigAndSmall(k, big, small, map(k, small, smallPages, 0));
        }
    }

    private static void assertConsistent(Kernel k) {
        assertEquals(List.of(), k.checkInvariants());
        assertTrue(k.allocatedFrames() + k.pgtablePages() <= k.ramPages(), "RAM overcommitted");
    }

    @Test
    void defaultRamIs4GiB() {
        Kernel k = new Kernel(new KernelProfile("test", 4, 0x555555559000L, 33, List.of(), false));
        assertEquals(1L << 20, k.ramPages());
        k.setRamPages(5000);
        assertEquals(5000, k.ramPages());
    }

    /** __mm_populate(ignore_errors=1) from vm_mmap_pgoff: the mapping stays and mmap returns its address. */
    @Test
    @Timeout(60)
    void mmapPopulateOfOneTebibyteReturnsTheAddressAndTheOomKillerKillsTheTask() {
        Kernel k = machine(1L << 16, 4); // 256 MiB
        Task t = k.spawn();
        long r = k.mmap(t, 0, 1L << 40, RW, ANON | MapFlags.NORESERVE | MapFlags.POPULATE, null, 0);
        assertFalse(Errno.isError(r), Errno.name(-r));
        // the populating task has the largest RSS: out_of_memory chose it, it died with SIGKILL
        assertFalse(t.alive());
        assertEquals(Signals.SIGKILL, t.exitSignal());
        assertEquals(1, k.oomKills().size());
        assertTrue(k.oomKills().get(0).startsWith("Out of memory: Killed process " + t.pid()), k.oomKills().get(0));
        assertEquals(-Errno.ESRCH, k.mmap(t, 0, PAGE, RW, ANON, null, 0));
        // its memory came back: a new task gets pages again
        Task u = k.spawn();
        long a = k.mmap(u, 0, 1000 * PAGE, RW, ANON | MapFlags.POPULATE, null, 0);
        assertFalse(Errno.isError(a));
        assertEquals('A', k.pageState(u, a + 999 * PAGE));
        assertConsistent(k);
    }

    /** The same with MAP_LOCKED: populate errors ignored; the fault log names out_of_memory. */
    @Test
    void mapLockedIgnoresThePopulateFailure() {
        Kernel k = machine(3000, 4);
        Task t = k.spawn();
        map(k, t, 8000, MapFlags.LOCKED);
        assertEquals(Signals.SIGKILL, t.exitSignal());
        FaultRecord last = k.fault(k.faultCount() - 1);
        assertEquals("out_of_memory", last.path());
        assertTrue((last.result() & VmFaultResult.OOM) != 0);
        assertConsistent(k);
    }

    /** madvise_populate: VM_FAULT_OOM on the range's first page -> -ENOMEM (vm_fault_to_errno). */
    @Test
    void madvisePopulateWriteFailingOnItsFirstPageIsEnomem() {
        BigAndSmall m = BigAndSmall.make(4000);
        fillRam(m.k());
        // small (RSS 0) asks: out_of_memory kills big (largest RSS), the allocation is retried and succeeds
        assertEquals(0, m.k().madvise(m.small(), m.b(), 500 * PAGE, Madvise.POPULATE_WRITE));
        assertEquals(Signals.SIGKILL, m.big().exitSignal());
        assertTrue(m.small().alive());
        // now small is the biggest and RAM is full: its next populate fails on the first page
        fillRam(m.k());
        assertEquals(-Errno.ENOMEM, m.k().madvise(m.small(), m.b() + 500 * PAGE, 100 * PAGE, Madvise.POPULATE_WRITE));
        assertEquals(Signals.SIGKILL, m.small().exitSignal());
        assertConsistent(m.k());
    }

    /** Past the first page, faultin_page_range returns a count and the retry meets the pending SIGKILL: -EINTR. */
    @Test
    void madvisePopulateWriteOverMoreThanRamIsEintrAfterProgress() {
        Kernel k = machine(3000, 4);
        Task t = k.spawn();
        long a = map(k, t, 8000, 0);
        assertEquals(-Errno.EINTR, k.madvise(t, a, 8000 * PAGE, Madvise.POPULATE_WRITE));
        assertEquals(Signals.SIGKILL, t.exitSignal());
        assertConsistent(k);
    }

    /** do_mlock -> __mm_populate: -ENOMEM becomes -EAGAIN (__mlock_posix_error_return), -EINTR stays. */
    @Test
    void mlockOutOfMemory() {
        Kernel k = machine(3000, 4);
        Task t = k.spawn();
        long a = map(k, t, 8000, 0);
        assertEquals(-Errno.EINTR, k.mlock(t, a, 8000 * PAGE));
        Task u = k.spawn();
        long b = map(k, u, 10, 0);
        fillRam(k);
        assertEquals(-Errno.EAGAIN, k.mlock(u, b, 10 * PAGE));
        assertFalse(u.alive());
        assertConsistent(k);
    }

    /** mlockall(MCL_CURRENT) -> mm_populate ignores errors: 0 even though the OOM killer chose the task. */
    @Test
    void mlockallOutOfMemoryReturnsZeroAndTheTaskDies() {
        Kernel k = machine(3000, 4);
        Task t = k.spawn();
        map(k, t, 8000, 0);
        assertEquals(0, k.mlockall(t, MapFlags.MCL_CURRENT));
        assertFalse(t.alive());
        assertEquals(-Errno.ESRCH, k.munlockall(t));
        assertConsistent(k);
    }

    /** do_anonymous_page -> VM_FAULT_OOM -> mm_fault_error: the task dies of SIGKILL; later calls are ESRCH. */
    @Test
    void touchingPastRamKillsTheTask() {
        Kernel k = machine(2000, 4);
        Task t = k.spawn();
        long a = k.mmap(t, 0, 4000 * PAGE, RW, ANON, null, 0);
        int[] res = k.touch(t, a, 4000 * PAGE, Kernel.ACCESS_WRITE);
        int firstKill = -1;
        for (int i = 0; i < res.length; i++) {
            if (res[i] != Signals.OK) {
                firstKill = i;
                break;
            }
        }
        assertTrue(firstKill > 1000 && firstKill < 2000, "killed at page " + firstKill);
        assertEquals(KILLED, res[firstKill]);
        assertEquals(KILLED, res[res.length - 1]);
        assertFalse(t.alive());
        assertEquals(Signals.SIGKILL, t.exitSignal());
        assertEquals(-Errno.ESRCH, k.munmap(t, a, PAGE));
        assertConsistent(k);
    }

    /** oom_badness: the task with the largest RSS dies, not the one whose fault ran out. */
    @Test
    void theLargestTaskIsTheVictim() {
        BigAndSmall m = BigAndSmall.make(2000);
        int[] res = m.k().touch(m.small(), m.b(), 1500 * PAGE, Kernel.ACCESS_WRITE);
        for (int r : res) {
            assertEquals(Signals.OK, r);
        }
        assertFalse(m.big().alive());
        assertEquals(Signals.SIGKILL, m.big().exitSignal());
        assertTrue(m.small().alive());
        assertEquals(0, m.small().exitSignal());
        assertConsistent(m.k());
    }

    /** Memory is given back on munmap and exit: a later step allocates again. */
    @Test
    void munmapAndExitGiveMemoryBack() {
        Kernel k = machine(3000, 4);
        Task t = k.spawn();
        long a = map(k, t, 2500, MapFlags.POPULATE);
        assertTrue(k.freePages() < 500);
        assertEquals(0, k.munmap(t, a, 2500 * PAGE));
        long b = map(k, t, 2500, MapFlags.POPULATE);
        assertEquals('A', k.pageState(t, b + 2499 * PAGE));
        assertEquals(0, k.exit(t));
        Task u = k.spawn();
        long c = map(k, u, 2500, MapFlags.POPULATE);
        assertEquals('A', k.pageState(u, c + 2499 * PAGE));
        assertTrue(u.alive());
        assertTrue(k.oomKills().isEmpty());
        assertConsistent(k);
    }

    /**
     * __handle_mm_fault's p4d_alloc / pud_alloc / pmd_alloc and pte_alloc: a 5-level touch pattern with one page
     * per PGD slot needs 4 tables per page (millions for the whole space); the page-table pages run out and the
     * fault ends with VM_FAULT_OOM, not a Java error.
     */
    @Test
    @Timeout(60)
    void sparseFiveLevelTouchStopsWithOom() {
        Kernel k = machine(1L << 20, 5);
        k.setMaxPgtablePages(4096);
        Task t = k.spawn();
        long top = 1L << 56;
        long stride = 1L << 48; // one PGD entry each on 5-level paging
        long a = k.mmap(t, stride, top - 2 * stride, Prot.READ, ANON | MapFlags.NORESERVE | MapFlags.FIXED, null, 0);
        assertEquals(stride, a);
        int result = Signals.OK;
        int touched = 0;
        for (long va = stride; va < top - stride && result == Signals.OK; va += stride / 512) {
            result = k.access(t, va, Kernel.ACCESS_READ);
            touched++;
        }
        assertEquals(KILLED, result);
        assertTrue(touched < 4096, "touched " + touched);
        assertEquals(Signals.SIGKILL, t.exitSignal());
        assertEquals(0, k.pgtablePages());
        assertConsistent(k);
    }

    /** The same through populate: MAP_POPULATE of a read-only TiB maps the zero page until page tables run out. */
    @Test
    @Timeout(60)
    void readOnlyPopulateStopsWhenPageTablesRunOut() {
        Kernel k = machine(1L << 20, 4);
        k.setMaxPgtablePages(2000);
        Task t = k.spawn();
        long r = k.mmap(t, 0, 1L << 40, Prot.READ, ANON | MapFlags.POPULATE, null, 0);
        assertFalse(Errno.isError(r));
        assertFalse(t.alive());
        assertEquals(0, k.pgtablePages());
        assertConsistent(k);
    }

    /** fork cannot copy page tables it cannot pay for: -ENOMEM (Kernel.fork answers null). */
    @Test
    void forkFailsWhenItsPageTablesCannotBeHad() {
        Kernel k = machine(1L << 20, 4);
        Task t = k.spawn();
        long a = k.mmap(t, 0, 64L << 30, RW, ANON | MapFlags.NORESERVE, null, 0);
        for (long off = 0; off < (64L << 30); off += 1L << 30) {
            assertEquals(Signals.OK, k.write(t, a + off, (byte) 1));
        }
        k.setMaxPgtablePages(k.pgtablePages() + 10);
        assertEquals(null, k.fork(t));
        k.setMaxPgtablePages(1L << 16);
        Task c = k.fork(t);
        assertTrue(c != null && c.alive());
        assertConsistent(k);
    }
}
