package org.mmwb.core.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * fs/proc/task_mmu.c smaps_account through {@link Kernel#smaps}, and the struct page plus rmap walk of
 * {@link Kernel#pageInfo}: private and COW-shared pages after fork, the zero page, a fresh anonymous page.
 */
class SmapsAndPageInfoTest {
    private final Sim s = new Sim();
    private static final long P = Sim.PAGE;

    private Smaps smapsOf(Task t, long start) {
        return s.k.smaps(t).stream().filter(m -> m.start() == start).findFirst().orElseThrow();
    }

    @Test
    void privateDirtyAnonymousPagesAndTheUncountedZeroPage() {
        long a = s.fixed(Sim.BASE, 4, Sim.RW);
        assertEquals("ok", s.w(a));
        assertEquals("ok", s.w(a + P));
        assertEquals("ok", s.r(a + 2 * P)); // the zero page: not in Rss
        Smaps m = smapsOf(s.t, a);
        assertEquals(2 * P, m.rss());
        assertEquals(2.0 * P, m.pss());
        assertEquals(2 * P, m.privateDirty());
        assertEquals(0, m.sharedClean() + m.sharedDirty() + m.privateClean());
        assertEquals(2 * P, m.anonymous());
        assertEquals(2 * P, m.referenced());
        assertEquals(0, m.locked());
        assertFalse(m.thpEligible(), "THP madvise: no VM_HUGEPAGE");
    }

    /** After fork both processes map the page: Shared_Dirty, Pss halved, mapcount 2, both PTEs read-only. */
    @Test
    void forkSharesThePageCopyOnWrite() {
        long a = s.fixed(Sim.BASE, 1, Sim.RW);
        assertEquals("ok", s.w(a));
        Task child = s.k.fork(s.t);
        Smaps parent = smapsOf(s.t, a);
        assertEquals(P, parent.sharedDirty());
        assertEquals(P / 2.0, parent.pss());
        long pfn = s.k.vtop(s.t, a).pfn();
        PageInfo p = s.k.pageInfo(pfn);
        assertEquals("anon", p.kind());
        assertEquals(2, p.mapcount());
        assertEquals("anon_vma", p.mapping());
        assertEquals(List.of(1, child.pid()), p.mappings().stream().map(PageInfo.Mapping::pid).toList());
        assertTrue(p.mappings().stream().allMatch(m -> (m.pte() & 2) == 0), "both PTEs write-protected");
        assertFalse(p.flags().contains("PG_anon_exclusive"));

        assertEquals(0, s.k.write(child, a, (byte) 1)); // the child's write copies the page
        PageInfo after = s.k.pageInfo(pfn);
        assertEquals(1, after.mapcount());
        assertEquals(List.of(1), after.mappings().stream().map(PageInfo.Mapping::pid).toList());
        assertEquals(P, smapsOf(child, a).privateDirty());
    }

    @Test
    void theZeroPageAndAFileBackedPage() {
        long a = s.fixed(Sim.BASE, 1, Sim.RW);
        assertEquals("ok", s.r(a));
        PageInfo z = s.k.pageInfo(s.k.vtop(s.t, a).pfn());
        assertEquals("zero page", z.kind());
        assertTrue(z.flags().contains("PG_reserved"));

        MemFile f = s.k.memfd("f", 2 * P);
        long m = s.check(s.k.mmap(s.t, Sim.BASE + 16 * P, 2 * P, Prot.READ, MapFlags.SHARED | MapFlags.FIXED, f, 0));
        assertEquals('B', s.k.read(s.t, m + P));
        PageInfo fp = s.k.pageInfo(s.k.vtop(s.t, m + P).pfn());
        assertEquals("file", fp.kind());
        assertEquals(1, fp.index());
        Smaps sm = smapsOf(s.t, m);
        assertEquals(2 * P, sm.rss(), "fault-around mapped both cached pages");
        assertEquals(0, sm.anonymous());
    }

    /** VM_LOCKED counts the Pss as Locked; MADV_HUGEPAGE on a 4 MiB VMA makes it THP-eligible. */
    @Test
    void lockedAndThpEligible() {
        long a = s.fixed(Sim.BASE, 1024, Sim.RW);
        assertEquals(0, s.k.mlock(s.t, a, 2 * P));
        Smaps locked = smapsOf(s.t, a);
        assertEquals(2.0 * P, locked.locked());
        long b = s.fixed(Sim.BASE + (64L << 20), 1024, Sim.RW);
        assertEquals(0, s.k.madvise(s.t, b, 1024 * P, Madvise.HUGEPAGE));
        assertTrue(smapsOf(s.t, b).thpEligible());
    }
}
