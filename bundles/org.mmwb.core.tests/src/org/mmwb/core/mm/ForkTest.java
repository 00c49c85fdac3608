package org.mmwb.core.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** dup_mmap / copy_page_range / do_wp_page after fork (kernel/fork.c, mm/memory.c). */
class ForkTest {
    private final Sim s = new Sim();
    private static final long B = Sim.BASE;
    private static final long P = Sim.PAGE;

    @Test
    void anonymousPagesAreSharedCopyOnWriteThenReused() {
        s.fixed(B, 2, Sim.RW);
        s.w(B);
        s.w(B + P);
        Task parent = s.t;
        Task child = s.k.fork(parent);
        assertEquals("aa", s.pages(B), "mapped twice: not exclusive");
        s.t = child;
        assertEquals("ok", s.w(B));
        assertEquals("do_wp_page(wp_page_copy)", s.k.fault(s.k.faultCount() - 1).path());
        assertEquals("Aa", s.pages(B));
        s.t = parent;
        assertEquals("Aa", s.pages(B));
        assertEquals("ok", s.w(B));
        assertEquals("do_wp_page(reuse)", s.k.fault(s.k.faultCount() - 1).path(), "refcount 1: reuse");
        assertEquals('Z', s.k.read(parent, B));
        s.invariants();
    }

    @Test
    void dontforkVmasAreNotCopiedAndWipeonforkOnesStartEmpty() {
        s.fixed(B, 1, Sim.RW);
        s.fixed(B + 2 * P, 1, Sim.RW);
        s.w(B);
        s.w(B + 2 * P);
        assertEquals(0, s.k.madvise(s.t, B, P, Madvise.DONTFORK));
        assertEquals(0, s.k.madvise(s.t, B + 2 * P, P, Madvise.WIPEONFORK));
        Task child = s.k.fork(s.t);
        s.t = child;
        assertNull(s.vma(B));
        assertEquals(".", s.pages(B + 2 * P));
        assertEquals("rd wr mr mw me ac wf", s.flags(B + 2 * P), "bit order: ac before wf");
        assertEquals("ok", s.r(B + 2 * P));
        assertEquals(0, s.k.read(child, B + 2 * P));
    }

    /** Checked on the host: a THP COW in the child splits the PMD and copies one 4 KiB page. */
    @Test
    void hugePageCowAfterForkSplitsAndCopiesOnePage() {
        long a = s.mmap(0, 1024, Sim.RW, Sim.ANON);
        long h = (a + (1 << 21) - 1) & -(1L << 21);
        s.k.madvise(s.t, h, 1 << 21, Madvise.HUGEPAGE);
        s.w(h);
        assertEquals('A', s.k.pageState(s.t, h + 100 * P));
        Task parent = s.t;
        s.t = s.k.fork(parent);
        assertEquals('a', s.k.pageState(s.t, h + 100 * P));
        s.w(h + P);
        assertEquals("aAa", s.range(h, 3));
        s.k.exit(s.t);
        s.t = parent;
        assertEquals("AAA", s.range(h, 3));
        s.invariants();
    }

    @Test
    void lockedFlagsAreNotInherited() {
        s.mmap(B, 1, Sim.RW, Sim.FIXED | MapFlags.LOCKED);
        s.t = s.k.fork(s.t);
        assertEquals("rd wr mr mw me ac", s.flags(B));
    }

    @Test
    void exitFreesEverythingAndTheParentIsIntact() {
        s.fixed(B, 4, Sim.RW);
        for (int i = 0; i < 4; i++) {
            s.w(B + i * P);
        }
        Task child = s.k.fork(s.t);
        assertEquals(0, s.k.exit(child));
        assertEquals(-Errno.ESRCH, s.k.exit(child));
        assertEquals("AAAA", s.pages(B), "back to one mapping each");
        s.invariants();
    }

    @Test
    void execReplacesTheAddressSpace() {
        s.fixed(B, 1, Sim.RW);
        assertEquals(0, s.k.exec(s.t));
        assertNull(s.vma(B));
        assertEquals("[stack]", s.vma(s.t.mm().startStack()).name());
    }
}
