package org.mmwb.core.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * mlockall/munlockall as mm/mlock.c of Linux 6.18 does them (SYSCALL mlockall, apply_mlockall_flags, mlock_fixup),
 * mm->def_flags' VM_LOCKED in mmap, brk, stack growth and mremap, and RLIMIT_MEMLOCK without CAP_IPC_LOCK
 * (can_do_mlock, mlock_future_ok, do_mlock's count_mm_mlocked_page_nr). Live counterparts:
 * differential/scenarios/mlockall-*.mms.
 */
class MlockallTest {
    private static final long PAGE = Sim.PAGE;
    private static final long A = Sim.BASE;
    private static final int CUR = MapFlags.MCL_CURRENT;
    private static final int FUT = MapFlags.MCL_FUTURE;
    private static final int ONF = MapFlags.MCL_ONFAULT;

    private final Sim s = new Sim();
    private final Kernel k = s.k;

    private long lockedVm(Task t) {
        return k.limitCounters(t)[3];
    }

    private long totalVm(Task t) {
        return k.limitCounters(t)[1];
    }

    private boolean locked(long addr) {
        return s.vma(addr).flags().contains("lo");
    }

    @Test
    void flagsZeroUnknownOrOnfaultAloneAreEinval() {
        for (int bad : new int[] {0, ONF, 8, CUR | 8, 0x80000000}) {
            assertEquals(-Errno.EINVAL, k.mlockall(s.t, bad), "flags " + bad);
        }
        for (int good : new int[] {CUR, FUT, CUR | FUT, CUR | ONF, FUT | ONF, CUR | FUT | ONF}) {
            assertEquals(0, k.mlockall(s.t, good), "flags " + good);
        }
        assertEquals(0, k.munlockall(s.t));
        assertEquals(0, lockedVm(s.t));
    }

    @Test
    void currentLocksEveryVmaAndPopulatesAllButProtNone() {
        s.fixed(A, 4, Sim.RW);
        s.fixed(A + 0x10000, 2, Prot.READ);
        s.fixed(A + 0x20000, 1, Prot.NONE);
        assertEquals(0, s.check(k.mlockall(s.t, CUR)));
        assertTrue(locked(A) && locked(A + 0x10000) && locked(A + 0x20000));
        assertEquals("AAAA", s.pages(A)); // write faults: private writable memory is COWed now
        assertEquals("ZZ", s.pages(A + 0x10000));
        assertEquals(".", s.pages(A + 0x20000)); // populate's -EFAULT on PROT_NONE is ignored
        assertEquals(totalVm(s.t), lockedVm(s.t));
        // MCL_CURRENT alone leaves def_flags clear: a new mapping is not locked
        s.fixed(A + 0x30000, 1, Sim.RW);
        assertFalse(locked(A + 0x30000));
        assertEquals(0, k.munlockall(s.t));
        assertFalse(locked(A) || locked(A + 0x10000) || locked(A + 0x20000));
        assertEquals(0, lockedVm(s.t));
        assertEquals("AAAA", s.pages(A)); // unlocking keeps the pages
    }

    @Test
    void onfaultLocksWithoutPopulating() {
        s.fixed(A, 4, Sim.RW);
        assertEquals(0, k.mlockall(s.t, CUR | ONF));
        assertTrue(locked(A));
        assertEquals("....", s.pages(A));
        assertEquals(4 + 0L, lockedVm(s.t) - (totalVm(s.t) - 4));
    }

    @Test
    void futureLocksAndPopulatesNewMappingsAndTheBreakButNotExistingOnes() {
        s.fixed(A, 2, Sim.RW);
        assertEquals(0, k.mlockall(s.t, FUT));
        assertFalse(locked(A)); // "goto out": MCL_FUTURE alone leaves the VMAs
        assertEquals(0, lockedVm(s.t));
        s.fixed(A + 0x10000, 4, Sim.RW);
        assertTrue(locked(A + 0x10000));
        assertEquals("AAAA", s.pages(A + 0x10000)); // do_mmap: VM_LOCKED from def_flags populates
        assertEquals(4, lockedVm(s.t));
        long brk = k.brk(s.t, 0);
        assertEquals(brk + 2 * PAGE, s.check(k.brk(s.t, brk + 2 * PAGE)));
        assertTrue(locked(brk));
        assertEquals("AA", s.pages(brk)); // sys_brk populates when def_flags has VM_LOCKED
        assertEquals(6, lockedVm(s.t));
        assertEquals(brk, k.brk(s.t, brk)); // shrinking unmaps and unlocks
        assertEquals(4, lockedVm(s.t));
        // a forked child does not inherit def_flags' lock (mm_init: VM_INIT_DEF_MASK) nor its VMAs' locks
        Task c = k.fork(s.t);
        assertEquals(0, lockedVm(c));
        assertEquals(A + 0x40000, k.mmap(c, A + 0x40000, PAGE, Sim.RW, Sim.FIXED, null, 0));
        assertFalse(k.snapshot(c).stream().anyMatch(v -> v.flags().contains("lo")));
        // with MCL_ONFAULT new mappings are locked but not populated
        assertEquals(0, k.mlockall(s.t, FUT | ONF));
        s.fixed(A + 0x50000, 2, Sim.RW);
        assertTrue(locked(A + 0x50000));
        assertEquals("..", s.pages(A + 0x50000));
        assertEquals(0, k.munlockall(s.t));
        s.fixed(A + 0x60000, 1, Sim.RW);
        assertFalse(locked(A + 0x60000));
    }

    @Test
    void currentMergesAndMunlockallMergesWhatMlockSplit() {
        s.fixed(A, 4, Sim.RW);
        assertEquals(0, k.mlock(s.t, A + PAGE, 2 * PAGE));
        assertEquals(3, s.vmas(A, A + 4 * PAGE).size());
        assertEquals(0, s.check(k.munlockall(s.t)));
        assertEquals(1, s.vmas(A, A + 4 * PAGE).size());
        assertEquals(0, k.mlock(s.t, A + PAGE, 2 * PAGE));
        assertEquals(0, s.check(k.mlockall(s.t, CUR)));
        assertEquals(1, s.vmas(A, A + 4 * PAGE).size());
        assertTrue(locked(A));
        assertEquals(totalVm(s.t), lockedVm(s.t)); // the pages locked twice are counted once
    }

    @Test
    void withoutCapIpcLockTheMemlockLimitApplies() {
        s.fixed(A, 4, Sim.RW);
        assertEquals(0, k.setCapIpcLock(s.t, false));
        long total = totalVm(s.t);
        assertEquals(0, k.setrlimit(s.t, Rlimit.MEMLOCK, 0, 8L << 20));
        assertEquals(-Errno.EPERM, k.mlockall(s.t, CUR)); // can_do_mlock
        assertEquals(-Errno.EPERM, k.mlockall(s.t, FUT));
        assertEquals(-Errno.EPERM, k.mlock(s.t, A, PAGE));
        assertEquals(-Errno.EPERM, k.mmap(s.t, A + 0x10000, PAGE, Sim.RW, Sim.FIXED | MapFlags.LOCKED, null, 0));
        assertEquals(-Errno.EINVAL, k.mlockall(s.t, 0)); // the flags are checked first
        assertEquals(0, k.munlockall(s.t));
        // MCL_CURRENT compares total_vm (not locked_vm) with the limit
        assertEquals(0, k.setrlimit(s.t, Rlimit.MEMLOCK, (total - 1) * PAGE, 8L << 20));
        assertEquals(-Errno.ENOMEM, k.mlockall(s.t, CUR));
        assertEquals(0, lockedVm(s.t));
        assertEquals(0, k.mlockall(s.t, FUT)); // no total_vm check without MCL_CURRENT
        assertEquals(0, k.setrlimit(s.t, Rlimit.MEMLOCK, total * PAGE, 8L << 20));
        assertEquals(0, k.mlockall(s.t, CUR | FUT));
        assertEquals(total, lockedVm(s.t));
        // now every new page must fit: mmap EAGAIN (mlock_future_ok), the break stays, mremap growth EAGAIN
        assertEquals(-Errno.EAGAIN, k.mmap(s.t, A + 0x10000, PAGE, Sim.RW, Sim.FIXED, null, 0));
        long brk = k.brk(s.t, 0);
        assertEquals(brk, k.brk(s.t, brk + PAGE));
        assertEquals(-Errno.EAGAIN, k.mremap(s.t, A, 4 * PAGE, 5 * PAGE, MapFlags.MREMAP_MAYMOVE, 0));
        // mlock of pages already locked passes the limit (count_mm_mlocked_page_nr), of new ones not
        assertEquals(0, k.mlock(s.t, A, 4 * PAGE));
        assertEquals(0, k.munlock(s.t, A + 3 * PAGE, PAGE));
        assertEquals(0, k.mlock(s.t, A + 3 * PAGE, PAGE));
        assertEquals(0, k.munlock(s.t, A + 2 * PAGE, 2 * PAGE));
        assertEquals(0, k.setrlimit(s.t, Rlimit.MEMLOCK, (total - 1) * PAGE, 8L << 20));
        assertEquals(-Errno.ENOMEM, k.mlock(s.t, A + 2 * PAGE, 2 * PAGE));
        assertEquals(0, k.mlock(s.t, A + 2 * PAGE, PAGE));
        // a forked child keeps the dropped capability
        Task c = k.fork(s.t);
        assertEquals(0, k.setrlimit(c, Rlimit.MEMLOCK, 0, 8L << 20));
        assertEquals(-Errno.EPERM, k.mlockall(c, CUR));
        s.invariants();
    }

    @Test
    void rootIgnoresTheLimit() {
        s.fixed(A, 4, Sim.RW);
        assertEquals(0, k.setrlimit(s.t, Rlimit.MEMLOCK, 0, 8L << 20));
        assertEquals(0, k.mlockall(s.t, CUR | FUT));
        assertEquals(A + 0x10000, k.mmap(s.t, A + 0x10000, PAGE, Sim.RW, Sim.FIXED, null, 0));
        assertEquals(totalVm(s.t), lockedVm(s.t));
    }

    @Test
    void lockedGrowsdownGrowthCountsAndMeetsTheLimit() {
        long g = A + 0x80000;
        assertEquals(0, k.mlockall(s.t, FUT));
        assertEquals(g, k.mmap(s.t, g, 2 * PAGE, Sim.RW, Sim.FIXED | MapFlags.GROWSDOWN, null, 0));
        assertEquals(2, lockedVm(s.t));
        assertEquals(Signals.OK, k.access(s.t, g - PAGE, Kernel.ACCESS_WRITE));
        assertEquals(3, lockedVm(s.t)); // expand_downwards: locked_vm += grow
        assertEquals(0, k.setCapIpcLock(s.t, false));
        assertEquals(0, k.setrlimit(s.t, Rlimit.MEMLOCK, 3 * PAGE, 8L << 20));
        assertNotEquals(Signals.OK, k.access(s.t, g - 2 * PAGE, Kernel.ACCESS_WRITE)); // acct_stack_growth
        assertEquals(3, lockedVm(s.t));
        s.invariants();
    }

    @Test
    void mremapOfALockedMappingAccountsLikeTheKernel() {
        s.fixed(A, 4, Sim.RW);
        assertEquals(0, k.mlock(s.t, A, 4 * PAGE));
        long base = lockedVm(s.t);
        int move = MapFlags.MREMAP_MAYMOVE | MapFlags.MREMAP_FIXED;
        assertEquals(A + 0x100000, k.mremap(s.t, A, 4 * PAGE, 4 * PAGE, move, A + 0x100000));
        assertEquals(base, lockedVm(s.t)); // new_len added, the unmapped source's old_len taken off
        assertEquals(A + 0x200000, k.mremap(s.t, A + 0x100000, 4 * PAGE, 4 * PAGE,
                move | MapFlags.MREMAP_DONTUNMAP, A + 0x200000));
        // dontunmap_complete clears the source's VM_LOCKED without touching locked_vm (VmLck 16 kB -> 32 kB live)
        assertEquals(base + 4, lockedVm(s.t));
        assertFalse(locked(A + 0x100000));
        assertTrue(locked(A + 0x200000));
        assertEquals(A + 0x200000, k.mremap(s.t, A + 0x200000, 4 * PAGE, 6 * PAGE, 0, 0));
        assertEquals(base + 6, lockedVm(s.t));
        assertEquals("AAAAAA", s.pages(A + 0x200000)); // the locked growth is populated
        s.invariants();
    }
}
