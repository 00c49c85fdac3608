package org.mmwb.core.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * mm/memory.c do_read_fault -> do_fault_around -> mm/filemap.c filemap_map_pages: a read fault of a page-cache
 * backed VMA maps the cached pages of its 64 KiB window (PTE-index aligned, clamped to the VMA, the page table
 * and EOF) before the faulting page's own ->fault, as the 6.18 host shows (differential scenarios
 * file-fault-around-*).
 */
class FaultAroundTest {
    private final Sim s = new Sim();
    private static final long B = Sim.BASE;
    private static final long P = Sim.PAGE;

    /** A memfd made by the `file` op has every page in its cache from the start (the helper wrote them). */
    @Test
    void doFaultAroundMapsTheAlignedWindowOfAFreshMemfd() {
        MemFile f = s.k.memfd("f", 32 * P);
        long a = s.check(s.k.mmap(s.t, B, 32 * P, Prot.READ, MapFlags.SHARED | MapFlags.FIXED, f, 0));
        assertEquals('A' + 20, s.k.read(s.t, a + 20 * P));
        assertEquals(".".repeat(16) + "F".repeat(16), s.pages(a), "pte index 20 -> window 16..31");
        assertEquals(1, s.k.faultCount(), "one fault, the extra PTEs are not faults");
    }

    @Test
    void doFaultAroundIsClampedToTheVma() {
        MemFile f = s.k.memfd("f", 4 * P);
        long lo = s.check(s.k.mmap(s.t, B, 2 * P, Prot.READ, MapFlags.SHARED | MapFlags.FIXED, f, 0));
        long hi = s.check(s.k.mmap(s.t, B + 2 * P, 2 * P, Sim.RW, MapFlags.SHARED | MapFlags.FIXED, f, 2 * P));
        assertEquals('C', s.k.read(s.t, hi));
        assertEquals("FF", s.pages(hi));
        assertEquals("..", s.pages(lo), "the other VMA of the same file is not touched");
    }

    /** filemap_map_pages stops at i_size; __do_fault then raises SIGBUS, the earlier pages stay mapped. */
    @Test
    void doFaultAroundRunsBeforeTheSigbusOfAPagePastEof() {
        MemFile f = s.k.memfd("f", 2 * P);
        long a = s.check(s.k.mmap(s.t, B, 4 * P, Prot.READ, MapFlags.PRIVATE | MapFlags.FIXED, f, 0));
        assertEquals("SIGBUS(ADRERR)", s.r(a + 3 * P));
        assertEquals("FF..", s.pages(a));
    }

    /** shmem of a shared anonymous mapping: only pages in the cache are mapped (filemap_map_pages skips holes). */
    @Test
    void doFaultAroundMapsOnlyCachedShmemPages() {
        long a = s.mmap(0, 4, Sim.RW, MapFlags.SHARED | MapFlags.ANONYMOUS);
        assertEquals("ok", s.w(a + 3 * P));
        assertEquals(0, s.k.madvise(s.t, a, 4 * P, Madvise.DONTNEED));
        assertEquals("....", s.pages(a));
        assertEquals("ok", s.r(a));
        assertEquals("F..F", s.pages(a), "page 3 is in the cache, pages 1-2 never existed");
    }

    /** A private writable mapping gets read-only PTEs; the later write copies only its page (do_wp_page). */
    @Test
    void doFaultAroundMapsPrivateWritablePagesReadOnly() {
        MemFile f = s.k.memfd("f", 4 * P);
        long a = s.check(s.k.mmap(s.t, B, 4 * P, Sim.RW, MapFlags.PRIVATE | MapFlags.FIXED, f, 0));
        assertEquals('C', s.k.read(s.t, a + 2 * P));
        assertEquals("FFFF", s.pages(a));
        assertEquals("ok", s.w(a + P));
        assertEquals("FAFF", s.pages(a));
        assertEquals('A', s.k.read(s.t, a));
    }

    @Test
    void writeFaultsDoNotFaultAround() {
        MemFile f = s.k.memfd("f", 4 * P);
        long a = s.check(s.k.mmap(s.t, B, 4 * P, Sim.RW, MapFlags.SHARED | MapFlags.FIXED, f, 0));
        assertEquals("ok", s.w(a + P));
        assertEquals(".F..", s.pages(a));
    }

    /**
     * mm/memory.c set_pte_range: a prefaulted PTE is made old only where arch_wants_old_prefaulted_pte() (arm64);
     * on x86 it keeps vm_page_prot's _PAGE_ACCESSED, so the neighbours are as young as the faulting page.
     */
    @Test
    void faultAroundPtesAreYoungOnX86() {
        MemFile f = s.k.memfd("f", 4 * P);
        long a = s.check(s.k.mmap(s.t, B, 4 * P, Prot.READ, MapFlags.SHARED | MapFlags.FIXED, f, 0));
        assertEquals('B', s.k.read(s.t, a + P));
        PageTableView pt = s.t.mm().pageTable();
        for (int i = 0; i < 4; i++) {
            long pte = pt.get(a + i * P);
            assertNotEquals(0L, pte & 1, "page " + i + " present");
            assertEquals(0x20L, pte & 0x20L, "page " + i + " has _PAGE_ACCESSED: " + Long.toHexString(pte));
            assertEquals(0L, pte & 0x40L, "page " + i + " is clean (a read)");
        }
    }
}
