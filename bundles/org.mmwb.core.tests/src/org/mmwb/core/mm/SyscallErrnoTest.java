package org.mmwb.core.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Errnos of munmap (do_vmi_munmap), mprotect (do_mprotect_pkey), madvise (do_madvise), mlock (do_mlock),
 * mseal (do_mseal), mremap (do_mremap) and brk, as the 6.18 host returned them.
 */
class SyscallErrnoTest {
    private final Sim s = new Sim();
    private static final long B = Sim.BASE;
    private static final long P = Sim.PAGE;
    private static final long HOLE = 0x300000000L;

    @Test
    void munmap() {
        s.fixed(B, 3, Sim.RW);
        assertEquals("EINVAL", Sim.err(s.k.munmap(s.t, B, 0)), "len 0");
        assertEquals("EINVAL", Sim.err(s.k.munmap(s.t, B + 1, P)), "unaligned");
        assertEquals("ok", Sim.err(s.k.munmap(s.t, HOLE, P)), "nothing mapped is fine");
        assertEquals("ok", Sim.err(s.k.munmap(s.t, B + P, 1)), "length rounded up");
        assertEquals(2, s.vmas(B, B + 3 * P).size());
        s.invariants();
    }

    @Test
    void mprotect() {
        s.fixed(B, 3, Sim.RW);
        assertEquals("EINVAL", Sim.err(s.k.mprotect(s.t, B + 1, P, Prot.READ)));
        assertEquals("ok", Sim.err(s.k.mprotect(s.t, B, 0, Prot.READ)), "len 0");
        assertEquals("EINVAL", Sim.err(s.k.mprotect(s.t, B + 2 * P, P, 0x10)), "unknown PROT bit");
        assertEquals("EINVAL", Sim.err(s.k.mprotect(s.t, B + 2 * P, P, Prot.READ | Prot.GROWSDOWN)),
            "PROT_GROWSDOWN on a non-growsdown VMA");
        assertEquals("ENOMEM", Sim.err(s.k.mprotect(s.t, HOLE, P, Prot.READ)));
        assertEquals("ENOMEM", Sim.err(s.k.mprotect(s.t, B + 2 * P, 2 * P, Prot.READ)), "runs into a hole");
        assertEquals("r--p", s.vma(B + 2 * P).perms(), "the mapped part was changed before the hole");
        MemFile f = s.k.memfd("f", P);
        long ro = s.check(s.k.mmap(s.t, 0, P, Prot.READ, MapFlags.SHARED, f, 0));
        assertEquals("ok", Sim.err(s.k.mprotect(s.t, ro, P, Sim.RW)), "memfd is opened read-write");
    }

    @Test
    void madvise() {
        s.fixed(B, 2, Sim.RW);
        assertEquals("EINVAL", Sim.err(s.k.madvise(s.t, B, P, 77)));
        assertEquals("EINVAL", Sim.err(s.k.madvise(s.t, B + 1, P, Madvise.DONTNEED)));
        assertEquals("ENOMEM", Sim.err(s.k.madvise(s.t, HOLE, P, Madvise.DONTNEED)));
        s.w(B + P);
        assertEquals("ENOMEM", Sim.err(s.k.madvise(s.t, B + P, 2 * P, Madvise.DONTNEED)),
            "a hole gives ENOMEM but the mapped part is advised");
        assertEquals("..", s.pages(B));
        s.mmap(B + 4 * P, 1, Sim.RW, Sim.FIXED | MapFlags.LOCKED);
        assertEquals("EINVAL", Sim.err(s.k.madvise(s.t, B + 4 * P, P, Madvise.DONTNEED)), "VM_LOCKED");
        assertEquals("ok", Sim.err(s.k.madvise(s.t, B + 4 * P, P, Madvise.DONTNEED_LOCKED)));
        long sh = s.mmap(0, 1, Sim.RW, MapFlags.SHARED | MapFlags.ANONYMOUS);
        assertEquals("EINVAL", Sim.err(s.k.madvise(s.t, sh, P, Madvise.WIPEONFORK)), "shared");
        assertEquals("EINVAL", Sim.err(s.k.madvise(s.t, sh, P, Madvise.FREE)), "MADV_FREE is anon-only");
        long ro = s.fixed(B + 8 * P, 1, Prot.READ);
        assertEquals("EINVAL", Sim.err(s.k.madvise(s.t, ro, P, Madvise.POPULATE_WRITE)), "not writable");
        assertEquals("ok", Sim.err(s.k.madvise(s.t, ro, P, Madvise.POPULATE_READ)));
        assertEquals("Z", s.pages(ro));
        assertEquals("ENOMEM", Sim.err(s.k.madvise(s.t, HOLE, P, Madvise.POPULATE_READ)));
    }

    @Test
    void mlock() {
        s.fixed(B, 3, Sim.RW);
        assertEquals("ENOMEM", Sim.err(s.k.mlock(s.t, HOLE, P)));
        assertEquals("ok", Sim.err(s.k.mlock(s.t, B + P + 5, 10)), "start rounded down, no alignment needed");
        assertEquals("rd wr mr mw me lo ac", s.flags(B + P));
        assertEquals(".A.", s.range(B, 3), "populated with write faults");
        assertEquals("ok", Sim.err(s.k.mlock2(s.t, B + 2 * P, P, MapFlags.MLOCK_ONFAULT)));
        assertEquals("rd wr mr mw me lo lf ac", s.flags(B + 2 * P));
        assertEquals(".A.", s.range(B, 3), "lock-on-fault populates nothing");
        assertEquals("ok", Sim.err(s.k.munlock(s.t, B, 3 * P)));
        assertEquals(1, s.vmas(B, B + 3 * P).size(), "munlock merges back");
        assertEquals("EINVAL", Sim.err(s.k.mlock2(s.t, B, P, 4)));
    }

    @Test
    void mseal() {
        s.fixed(B, 3, Sim.RW);
        assertEquals("EINVAL", Sim.err(s.k.mseal(s.t, B + 1, P)));
        assertEquals("ENOMEM", Sim.err(s.k.mseal(s.t, HOLE, P)));
        assertEquals("ENOMEM", Sim.err(s.k.mseal(s.t, B + 2 * P, 2 * P)), "range with a hole: nothing sealed");
        assertEquals("rd wr mr mw me ac", s.flags(B + 2 * P));
        assertEquals("ok", Sim.err(s.k.mseal(s.t, B, P)));
        assertEquals("rd wr mr mw me ac sl", s.flags(B));
        assertEquals("EPERM", Sim.err(s.k.mprotect(s.t, B, P, Prot.READ)));
        assertEquals("EPERM", Sim.err(s.k.munmap(s.t, B, 3 * P)));
        assertEquals("EPERM", Sim.err(s.k.mremap(s.t, B, P, 2 * P, MapFlags.MREMAP_MAYMOVE, 0)));
        assertEquals("ok", Sim.err(s.k.madvise(s.t, B, P, Madvise.DONTNEED)), "writable anon: discard allowed");
        assertEquals(3, s.vmas(B, B + 3 * P).size() + 1, "munmap refused before splitting anything");
        long ro = s.fixed(B + 8 * P, 1, Prot.READ);
        s.k.mseal(s.t, ro, P);
        assertEquals("EPERM", Sim.err(s.k.madvise(s.t, ro, P, Madvise.DONTNEED)), "read-only sealed anon");
    }

    @Test
    void mremap() {
        s.fixed(B, 2, Sim.RW);
        assertEquals("EINVAL", Sim.err(s.k.mremap(s.t, B, P, 2 * P, 8, 0)), "unknown flag");
        assertEquals("EINVAL", Sim.err(s.k.mremap(s.t, B + 1, P, P, 0, 0)));
        assertEquals("EINVAL", Sim.err(s.k.mremap(s.t, B, P, P, MapFlags.MREMAP_FIXED, HOLE)), "FIXED without MAYMOVE");
        assertEquals("EINVAL", Sim.err(s.k.mremap(s.t, B, P, 2 * P,
            MapFlags.MREMAP_MAYMOVE | MapFlags.MREMAP_DONTUNMAP, 0)), "DONTUNMAP resizing");
        assertEquals("EINVAL", Sim.err(s.k.mremap(s.t, B, 0, P, MapFlags.MREMAP_MAYMOVE, 0)), "old_len 0, private");
        assertEquals("EFAULT", Sim.err(s.k.mremap(s.t, HOLE, P, P, 0, 0)));
        assertEquals("ok", Sim.err(s.k.mremap(s.t, B, 3 * P, 3 * P, 0, 0)), "same size: nothing checked (6.18)");
        assertEquals("EFAULT", Sim.err(s.k.mremap(s.t, B, 3 * P, 4 * P, 0, 0)), "growing across the VMA end");
        assertEquals("EFAULT", Sim.err(s.k.mremap(s.t, B - P, 2 * P, 2 * P,
            MapFlags.MREMAP_MAYMOVE | MapFlags.MREMAP_FIXED, HOLE)), "remap_move: no gap at the start");
        s.fixed(B + 2 * P, 1, Prot.READ);
        assertEquals("ENOMEM", Sim.err(s.k.mremap(s.t, B, 2 * P, 3 * P, 0, 0)), "cannot grow in place");
        assertEquals(B, s.k.mremap(s.t, B, 2 * P, P, 0, 0), "shrink");
        assertEquals(1, s.vma(B).end() - B >>> 12);
        long moved = s.check(s.k.mremap(s.t, B, P, 4 * P, MapFlags.MREMAP_MAYMOVE, 0));
        assertEquals(4 * P, s.vma(moved).end() - moved);
        s.w(moved);
        long dst = s.check(s.k.mremap(s.t, moved, 4 * P, 4 * P,
            MapFlags.MREMAP_MAYMOVE | MapFlags.MREMAP_DONTUNMAP, 0));
        assertEquals("A...", s.pages(dst));
        assertEquals("....", s.pages(moved), "DONTUNMAP leaves the old range mapped and empty");
    }

    @Test
    void mremapGrowsInPlaceWhenTheRoomIsFree() {
        s.fixed(B, 1, Sim.RW);
        s.w(B);
        assertEquals(B, s.k.mremap(s.t, B, P, 3 * P, 0, 0));
        assertEquals("A..", s.pages(B));
        assertEquals(1, s.vmas(B, B + 3 * P).size());
    }

    @Test
    void brk() {
        long start = s.k.brk(s.t, 0);
        assertEquals(s.t.mm().startBrk(), start);
        assertEquals(start + 3 * P, s.k.brk(s.t, start + 3 * P));
        VmaSnapshot heap = s.vma(start);
        assertEquals("[heap]", heap.name());
        assertEquals("rd wr mr mw me ac", String.join(" ", heap.flags()));
        assertEquals(start + 5 * P, s.k.brk(s.t, start + 5 * P));
        assertEquals(1, s.vmas(start, start + 5 * P).size(), "do_brk_flags expands the brk VMA");
        assertEquals(start + P, s.k.brk(s.t, start + P));
        assertEquals(start + P, s.vma(start).end());
        assertEquals(start + P, s.k.brk(s.t, start - P), "below start_brk: unchanged");
        s.fixed(start + 4 * P, 1, Prot.READ);
        assertEquals(start + P, s.k.brk(s.t, start + 8 * P), "a mapping in the way: unchanged");
        s.invariants();
    }
}
