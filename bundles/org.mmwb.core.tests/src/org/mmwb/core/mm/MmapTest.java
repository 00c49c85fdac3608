package org.mmwb.core.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * do_mmap / __get_unmapped_area / __mmap_region (mm/mmap.c, mm/vma.c). Expected values were checked on the
 * Linux 6.18 host with small C programs (root, overcommit 0).
 */
class MmapTest {
    private final Sim s = new Sim();

    private String mmapErr(long addr, long len, int prot, int flags) {
        return Sim.err(s.k.mmap(s.t, addr, len, prot, flags, null, 0));
    }

    @Test
    void doMmapRejectsWhatTheHostRejects() {
        assertEquals("EINVAL", mmapErr(0, 0, Prot.READ, Sim.ANON), "len 0");
        assertEquals("EINVAL", mmapErr(0, 4096, Prot.READ, MapFlags.ANONYMOUS), "no MAP_PRIVATE/SHARED");
        assertEquals("EINVAL", mmapErr(0x300000001L, 4096, Prot.READ, Sim.FIXED), "MAP_FIXED unaligned");
        assertEquals("EINVAL", mmapErr(0x300000001L, 4096, Prot.READ, Sim.ANON | MapFlags.FIXED_NOREPLACE),
            "MAP_FIXED_NOREPLACE unaligned");
        assertEquals("ENOMEM", mmapErr(0x7ffffffff000L, 8192, Prot.READ, Sim.FIXED), "fixed beyond TASK_SIZE");
        assertEquals("ENOMEM", mmapErr(0, 1L << 47, Prot.READ, Sim.ANON | MapFlags.NORESERVE), "len > free space");
        assertEquals("EINVAL", mmapErr(0, 4096, Prot.READ, MapFlags.SHARED | MapFlags.ANONYMOUS
            | MapFlags.GROWSDOWN), "shared growsdown");
        assertEquals("EINVAL", mmapErr(0, 4096, Prot.READ, MapFlags.SHARED_VALIDATE | MapFlags.ANONYMOUS),
            "anonymous MAP_SHARED_VALIDATE");
        assertEquals("EBADF", Sim.err(s.k.mmap(s.t, 0, 4096, Prot.READ, MapFlags.PRIVATE, null, 0)), "no file");
        s.invariants();
    }

    @Test
    void fixedNoreplaceRefusesAnOccupiedRange() {
        long a = s.fixed(Sim.BASE, 3, Sim.RW);
        assertEquals("EEXIST", mmapErr(a + 4096, 4096, Prot.READ, Sim.ANON | MapFlags.FIXED_NOREPLACE));
        assertEquals(a + 3 * 4096, s.k.mmap(s.t, a + 3 * 4096, 4096, Prot.READ,
            Sim.ANON | MapFlags.FIXED_NOREPLACE, null, 0));
    }

    @Test
    void hintIsHonouredWhenFreeAndRoundedDown() {
        assertEquals(0x300000000L, s.mmap(0x300000000L, 1, Prot.READ, Sim.ANON));
        assertEquals(0x300002000L, s.mmap(0x300002001L, 1, Prot.READ, Sim.ANON));
        // round_hint_to_min: a hint below mmap_min_addr becomes mmap_min_addr (0x10000)
        assertEquals(0x10000L, s.mmap(0x1000, 1, Prot.READ, Sim.ANON));
        // an occupied hint falls back to top-down below mmap_base
        long r = s.mmap(0x300000000L, 1, Prot.READ, Sim.ANON);
        assertTrue(r > 0x7f0000000000L && r < s.t.mm().mmapBase(), Long.toHexString(r));
    }

    @Test
    void topDownPlacementStacksMappingsBelowMmapBaseAndMergesThem() {
        long base = s.t.mm().mmapBase();
        long a = s.mmap(0, 1, Sim.RW, Sim.ANON);
        assertEquals(base - 4096, a);
        long b = s.mmap(0, 1, Sim.RW, Sim.ANON);
        assertEquals(a - 4096, b);
        // vma_merge_new_range: identical anonymous neighbours become one VMA
        assertEquals(1, s.vmas(b, a + 4096).size());
    }

    @Test
    void pmdMultipleAnonymousLengthsAreThpAligned() {
        long a = s.mmap(0, 512, Sim.RW, Sim.ANON);
        assertEquals(0, a & ((1 << 21) - 1), Long.toHexString(a));
    }

    @Test
    void vmFlagsMatchTheHostSmaps() {
        assertEquals("rd wr mr mw me ac", s.flags(s.mmap(0, 1, Sim.RW, Sim.ANON)));
        assertEquals("rd wr ex mr mw me nr", s.flags(s.mmap(0, 1, Sim.RW | Prot.EXEC,
            Sim.ANON | MapFlags.NORESERVE)));
        assertEquals("mr mw me", s.flags(s.mmap(0, 1, Prot.NONE, Sim.ANON)));
        assertEquals("rd wr sh mr mw me ms nr", s.flags(s.mmap(0, 1, Sim.RW,
            MapFlags.SHARED | MapFlags.ANONYMOUS | MapFlags.NORESERVE)));
        assertEquals("rd sh mr mw me ms", s.flags(s.mmap(0, 1, Prot.READ, MapFlags.SHARED | MapFlags.ANONYMOUS)));
        assertEquals("rd wr mr mw me lo ac", s.flags(s.mmap(0, 1, Sim.RW, Sim.ANON | MapFlags.LOCKED)));
        assertEquals("rd wr mr mw me ac nh", s.flags(s.mmap(0, 1, Sim.RW, Sim.ANON | MapFlags.STACK)));
        assertEquals("rd wr mr mw me gd ac", s.flags(s.mmap(0, 4, Sim.RW, Sim.ANON | MapFlags.GROWSDOWN)));
    }

    @Test
    void fiveLevelPagingAllowsHintsAboveTheDefaultWindow() {
        Kernel k5 = new Kernel(new KernelProfile("test", 5, 0x555555559000L, 33, java.util.List.of(), false));
        Task t5 = k5.spawn();
        long hint = 1L << 50;
        assertEquals(hint, k5.mmap(t5, hint, 4096, Sim.RW, Sim.ANON, null, 0));
        assertEquals(Signals.OK, k5.write(t5, hint, (byte) 1));
        assertEquals(5, k5.vtop(t5, hint).entries().length);
        long low = k5.mmap(t5, 0, 4096, Sim.RW, Sim.ANON, null, 0);
        assertTrue(low < (1L << 47), "without a high hint mmap stays below 47 bits");
        assertEquals("SIGSEGV(KERNEL)", Signals.describe(k5.access(t5, 1L << 57, Kernel.ACCESS_READ)));
    }

    @Test
    void sharedAnonymousIsADevZeroShmemFile() {
        long a = s.mmap(0, 1, Sim.RW, MapFlags.SHARED | MapFlags.ANONYMOUS);
        VmaSnapshot v = s.vma(a);
        assertEquals("rw-s", v.perms());
        assertEquals("/dev/zero (deleted)", v.name());
        assertEquals(0, v.pgoff());
    }

    @Test
    void accountedAndNoreserveNeighboursDoNotMerge() {
        s.fixed(Sim.BASE, 2, Sim.RW);
        assertEquals(Sim.BASE + 8192, s.check(s.k.mmap(s.t, Sim.BASE + 8192, 8192, Sim.RW,
            Sim.FIXED | MapFlags.NORESERVE, null, 0)));
        assertEquals(2, s.vmas(Sim.BASE, Sim.BASE + 4 * 4096).size(), "VM_ACCOUNT takes part in is_mergeable_vma");
    }

    @Test
    void mapFixedReplacesWhatWasThere() {
        s.fixed(Sim.BASE, 4, Sim.RW);
        s.w(Sim.BASE + 4096);
        s.fixed(Sim.BASE + 4096, 1, Prot.READ);
        assertEquals(3, s.vmas(Sim.BASE, Sim.BASE + 4 * 4096).size());
        assertEquals(".", s.pages(Sim.BASE + 4096));
    }

    @Test
    void mapPopulatePrefaultsPrivateWritableWithWriteFaults() {
        long a = s.mmap(0, 3, Sim.RW, Sim.ANON | MapFlags.POPULATE);
        assertEquals("AAA", s.pages(a));
        long r = s.mmap(0, 2, Prot.READ, Sim.ANON | MapFlags.POPULATE);
        assertEquals("ZZ", s.pages(r));
    }

    @Test
    void memfdMappingsReadTheFileAndSigbusPastEof() {
        MemFile f = s.k.memfd("f", 2 * 4096);
        long a = s.check(s.k.mmap(s.t, 0, 3 * 4096, Prot.READ, MapFlags.PRIVATE, f, 0));
        assertEquals('A', s.k.read(s.t, a));
        assertEquals('B', s.k.read(s.t, a + 4096));
        assertEquals("SIGBUS(ADRERR)", s.r(a + 8192), "shmem_fault past i_size");
        assertEquals("/memfd:f (deleted)", s.vma(a).name());
        long b = s.check(s.k.mmap(s.t, 0, 4096, Prot.READ, MapFlags.PRIVATE, f, 4096));
        assertEquals('B', s.k.read(s.t, b), "offset 1 page");
        assertEquals("F", s.pages(b));
    }
}
