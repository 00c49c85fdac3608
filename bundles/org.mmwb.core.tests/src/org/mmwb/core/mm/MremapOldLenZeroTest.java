package org.mmwb.core.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * mm/mremap.c with old_len 0: check_prep_vma allows it only for VM_SHARED|VM_MAYSHARE; copy_vma_and_data makes
 * the new VMA new_len long over the same object and pgoff and moves/unmaps nothing (scenario
 * mremap-oldlen-zero-shared-duplicates).
 */
class MremapOldLenZeroTest {
    private final Sim s = new Sim();
    private static final long B = Sim.BASE;
    private static final long P = Sim.PAGE;
    private static final int MOVE_FIXED = MapFlags.MREMAP_MAYMOVE | MapFlags.MREMAP_FIXED;

    @Test
    void moveVmaWithOldLenZeroDuplicatesASharedMapping() {
        long a = s.mmap(0, 2, Sim.RW, MapFlags.SHARED | MapFlags.ANONYMOUS);
        assertEquals(0, s.k.write(s.t, a + P, (byte) 0x66));
        long to = B + 0x100000;
        assertEquals(to, s.check(s.k.mremap(s.t, a, 0, 2 * P, MOVE_FIXED, to)));
        assertEquals(0x66, s.k.read(s.t, to + P), "the same shmem pages");
        assertEquals(2 * P, s.vma(a).end() - s.vma(a).start(), "the original stays");
        VmaSnapshot n = s.vma(to);
        assertEquals(to + 2 * P, n.end());
        assertEquals("rw-s", n.perms());
        assertEquals(s.vma(a).name(), n.name());
        assertEquals(s.vma(a).pgoff(), n.pgoff());
    }

    @Test
    void oldLenZeroOfAPrivateMappingIsEinval() {
        long a = s.mmap(0, 2, Sim.RW, Sim.ANON);
        assertEquals("EINVAL", Sim.err(s.k.mremap(s.t, a, 0, 2 * P, MOVE_FIXED, B + 0x100000)));
        assertEquals("EINVAL", Sim.err(s.k.mremap(s.t, a, 0, 2 * P, MapFlags.MREMAP_MAYMOVE, 0)));
    }

    @Test
    void oldLenZeroWithoutFixedPicksAnAddressAndKeepsTheOriginal() {
        long a = s.mmap(0, 1, Sim.RW, MapFlags.SHARED | MapFlags.ANONYMOUS);
        long r = s.check(s.k.mremap(s.t, a, 0, P, MapFlags.MREMAP_MAYMOVE, 0));
        assertEquals(true, r > 0 && r != a, Long.toHexString(r));
        assertEquals(0, s.k.write(s.t, r, (byte) 7));
        assertEquals(7, s.k.read(s.t, a));
    }
}
