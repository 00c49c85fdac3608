package org.mmwb.core.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The fault path: arch/x86/mm/fault.c (do_user_addr_fault, access_error, bad_area) and mm/memory.c
 * (do_anonymous_page, do_fault, do_wp_page, huge PMD faults, pte markers). Signals as observed on the host.
 */
class FaultPathTest {
    private final Sim s = new Sim();
    private static final long B = Sim.BASE;
    private static final long P = Sim.PAGE;

    private FaultRecord last() {
        return s.k.fault(s.k.faultCount() - 1);
    }

    @Test
    void doAnonymousPageMapsTheZeroPageOnReadAndANewPageOnWrite() {
        s.fixed(B, 2, Sim.RW);
        assertEquals("ok", s.r(B));
        assertEquals("do_anonymous_page(zero page)", last().path());
        assertEquals("Z.", s.pages(B));
        assertEquals("ok", s.w(B + P));
        assertEquals("do_anonymous_page", last().path());
        assertEquals("ZA", s.pages(B));
        assertEquals("ok", s.w(B));
        assertEquals("do_wp_page(wp_page_copy)", last().path(), "writing over the zero page copies");
        assertEquals("AA", s.pages(B));
        assertEquals('Z', s.k.read(s.t, B));
    }

    @Test
    void aKernelThatForbidsTheZeroPageMapsFreshPagesOnReadFaults() {
        s.k.setZeroPageForbidden(true); // mm_forbids_zeropage(), as on a host booted with pvm_no_zero_page=1
        s.fixed(B, 2, Prot.READ);
        assertEquals("ok", s.r(B));
        assertEquals("do_anonymous_page", last().path());
        assertEquals("A.", s.pages(B));
        assertEquals("SIGSEGV(ACCERR)", s.w(B), "the fresh page is not writable in a read-only VMA");
        long a = s.mmap(0, 1024, Sim.RW, Sim.ANON);
        long h = (a + (1 << 21) - 1) & -(1L << 21);
        assertEquals(0, s.k.madvise(s.t, h, 1 << 21, Madvise.HUGEPAGE));
        assertEquals("ok", s.r(h));
        assertEquals("do_huge_pmd_anonymous_page", last().path(), "no huge zero page either");
        assertTrue(s.k.vtop(s.t, h + P).huge());
        assertEquals('A', s.k.pageState(s.t, h + 5 * P));
    }

    @Test
    void accessErrorsGiveAccerrAndHolesMaperr() {
        s.fixed(B, 1, Prot.NONE);
        s.fixed(B + 2 * P, 1, Prot.READ);
        assertEquals("SIGSEGV(ACCERR)", s.r(B), "PROT_NONE: !vma_is_accessible");
        assertEquals("SIGSEGV(MAPERR)", s.r(B + P), "no VMA");
        assertEquals("SIGSEGV(ACCERR)", s.w(B + 2 * P), "write to read-only, unfaulted");
        assertEquals("ok", s.r(B + 2 * P));
        assertEquals("SIGSEGV(ACCERR)", s.w(B + 2 * P), "write to read-only, faulted");
        assertEquals("SIGSEGV(MAPERR)", s.r(0x1000), "below mmap_min_addr");
    }

    @Test
    void execOfANonExecutablePageFaultsInThePageThenFailsOnNx() {
        s.fixed(B, 1, Sim.RW);
        long before = s.k.faultCount();
        assertEquals("SIGSEGV(ACCERR)", s.touch(B, Kernel.ACCESS_EXEC));
        assertEquals(2, s.k.faultCount() - before, "a not-present fault, then the NX protection fault");
        assertEquals("Z", s.pages(B), "as on the host: the zero page is mapped");
        s.fixed(B + P, 1, Prot.READ | Prot.EXEC);
        assertEquals("ok", s.touch(B + P, Kernel.ACCESS_EXEC));
    }

    @Test
    void nonCanonicalAndKernelAddresses() {
        assertEquals("SIGSEGV(KERNEL)", s.r(0x0000900000000000L), "general protection: SI_KERNEL");
        assertEquals("SIGSEGV(MAPERR)", s.r(0xffff888000000000L));
    }

    @Test
    void growsdownExpandsBelowItsStartWhileTheGuardGapIsRespected() {
        s.fixed(B, 2, Sim.RW);
        long g = B + 0x10000000L;
        s.check(s.k.mmap(s.t, g, 2 * P, Sim.RW, Sim.FIXED | MapFlags.GROWSDOWN, null, 0));
        assertEquals("ok", s.w(g - P));
        assertEquals(g - P, s.vma(g).start());
        assertEquals("ok", s.w(g - 300 * P), "growth is not limited to one page");
        assertEquals(g - 300 * P, s.vma(g).start());
        // stack_guard_gap: 256 pages above an accessible prev VMA
        long low = B + 2 * P + 255 * P;
        assertEquals("SIGSEGV(MAPERR)", s.w(low), "inside the gap");
    }

    @Test
    void stackVmaHasTheKernelFlagsAndGrows() {
        VmaSnapshot st = s.vma(s.t.mm().startStack());
        assertEquals("[stack]", st.name());
        assertEquals("rd wr mr mw me gd ac", String.join(" ", st.flags()));
        assertEquals(0x7ffffffde000L, st.start());
        assertEquals(0x7ffffffff000L, st.end());
        assertEquals("ok", s.w(st.start() - 8 * P));
        assertEquals(st.start() - 8 * P, s.vma(s.t.mm().startStack()).start());
    }

    @Test
    void guardMarkersGiveMaperrAndSurviveDontneed() {
        s.fixed(B, 3, Sim.RW);
        s.w(B + P);
        assertEquals(0, s.k.madvise(s.t, B + P, P, Madvise.GUARD_INSTALL));
        assertEquals("SIGSEGV(MAPERR)", s.r(B + P));
        assertEquals("handle_pte_marker(guard)", last().path());
        assertEquals(0, s.k.madvise(s.t, B, 3 * P, Madvise.DONTNEED));
        assertEquals(".G.", s.pages(B));
        assertEquals(0, s.k.madvise(s.t, B, 3 * P, Madvise.GUARD_REMOVE));
        assertEquals("ok", s.r(B + P));
    }

    /**
     * do_read_fault maps the cached pages around a read (do_fault_around / filemap_map_pages) read-only in a
     * private mapping; do_wp_page copies them on write, do_cow_fault copies a page never mapped.
     */
    @Test
    void privateFileMappingCopiesOnWriteSharedWritesThrough() {
        MemFile f = s.k.memfd("f", 3 * P);
        long pr = s.check(s.k.mmap(s.t, 0, 3 * P, Sim.RW, MapFlags.PRIVATE, f, 0));
        long sh = s.check(s.k.mmap(s.t, 0, 2 * P, Sim.RW, MapFlags.SHARED, f, 0));
        assertEquals('A', s.k.read(s.t, pr));
        assertEquals("do_read_fault(fault-around)", last().path());
        assertEquals("FFF", s.pages(pr), "fault-around maps every cached page of the 64K window");
        assertEquals("ok", s.w(pr));
        assertEquals("do_wp_page(wp_page_copy)", last().path());
        assertEquals("AFF", s.pages(pr));
        assertEquals('A', s.k.read(s.t, sh), "the file is unchanged");
        assertEquals("ok", s.w(sh + P));
        assertEquals('Z', s.k.read(s.t, pr + P), "private mapping sees the shared write of an uncopied page");
        assertEquals("ok", s.w(pr + P));
        assertEquals("do_wp_page(wp_page_copy)", last().path(), "mapped read-only by fault-around");
        assertEquals(0, s.k.madvise(s.t, pr + 2 * P, P, Madvise.DONTNEED));
        assertEquals("ok", s.w(pr + 2 * P));
        assertEquals("do_cow_fault", last().path(), "not mapped: copied at fault time (no fault-around on write)");
        assertEquals("AAA", s.pages(pr));
    }

    /** do_cow_fault calls vmf_anon_prepare before ->fault (found by the host replay, fork seed 109). */
    @Test
    void aCowFaultPastEofStillAttachesAnAnonVma() {
        MemFile f = s.k.memfd("f", P);
        long a = s.check(s.k.mmap(s.t, 0, 2 * P, Sim.RW, MapFlags.PRIVATE, f, 4 * P));
        assertEquals("SIGBUS(ADRERR)", s.r(a));
        assertTrue(!s.t.mm().vmaLookup(a).hasAnonVma(), "a read fault prepares nothing");
        assertEquals("SIGBUS(ADRERR)", s.w(a));
        assertTrue(s.t.mm().vmaLookup(a).hasAnonVma());
    }

    /** do_read_fault maps the cached neighbours first (do_fault_around, 64 KiB), even when ->fault fails. */
    @Test
    void readFaultsMapCachedNeighboursAround() {
        MemFile f = s.k.memfd("f", 3 * P);
        for (int i = 0; i < 3; i++) {
            s.k.pwrite(f, i * P, (byte) ('A' + i));
        }
        long a = s.check(s.k.mmap(s.t, 0, 4 * P, Prot.READ, MapFlags.SHARED, f, 0));
        assertEquals("SIGBUS(ADRERR)", s.r(a + 3 * P), "past EOF");
        assertEquals("FFF.", s.pages(a), "the cached pages were mapped by fault-around anyway");
        long faults = s.k.faultCount();
        assertEquals("ok", s.r(a + P));
        assertEquals(faults, s.k.faultCount(), "already mapped: no fault");
    }

    @Test
    void sharedAnonymousPagesAreShmemPages() {
        long a = s.mmap(0, 2, Sim.RW, MapFlags.SHARED | MapFlags.ANONYMOUS);
        s.w(a);
        assertEquals("F.", s.pages(a));
    }

    @Test
    void thpMadviseRegionsGetAHugeZeroPageOnReadAndAHugePageOnWrite() {
        long a = s.mmap(0, 1024, Sim.RW, Sim.ANON);
        long h = (a + (1 << 21) - 1) & -(1L << 21);
        assertEquals(0, s.k.madvise(s.t, h, 1 << 21, Madvise.HUGEPAGE));
        assertEquals("ok", s.r(h));
        assertEquals("do_huge_pmd_anonymous_page(huge zero page)", last().path());
        assertTrue(s.k.vtop(s.t, h + P).huge());
        assertEquals('Z', s.k.pageState(s.t, h + 5 * P));
        assertEquals("ok", s.w(h + P));
        assertEquals("do_huge_pmd_wp_page", last().path());
        assertEquals('A', s.k.pageState(s.t, h + 100 * P));
        // outside the madvised range: 4 KiB pages
        assertEquals("ok", s.w(h + (1 << 21)));
        assertEquals("do_anonymous_page", last().path());
        // splitting the VMA inside the huge page splits the PMD
        assertEquals(0, s.k.mprotect(s.t, h, P, Prot.READ));
        assertTrue(!s.k.vtop(s.t, h + P).huge());
        assertEquals('A', s.k.pageState(s.t, h + 2 * P));
    }

    @Test
    void everyFaultIsLoggedWithHandlerPathAndRelativePgoff() {
        s.fixed(B, 4, Sim.RW);
        long n = s.k.faultCount();
        s.w(B + 3 * P);
        FaultRecord f = s.k.fault(n);
        assertEquals(s.t.pid(), f.pid());
        assertEquals(B + 3 * P, f.address());
        assertEquals("w", f.access());
        assertEquals(B, f.vmaStart());
        assertEquals("anonymous", f.handler());
        assertEquals(3, f.pgoff());
        assertEquals(0, f.result());
        assertNotEquals(-1, f.pfn());
    }
}
