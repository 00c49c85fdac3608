package org.mmwb.core.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * VMA split and merge decisions of mm/vma.c (vma_merge_new_range, vma_merge_existing_range,
 * is_mergeable_anon_vma of 6.16+), in the spirit of tools/testing/vma/vma.c; counts checked on the 6.18 host.
 */
class MergeTest {
    private final Sim s = new Sim();
    private static final long B = Sim.BASE;
    private static final long P = Sim.PAGE;

    private int count(long pages) {
        return s.vmas(B, B + pages * P).size();
    }

    @Test
    void mprotectSplitsAndRemergesIntoOneVma() {
        s.fixed(B, 3, Sim.RW);
        assertEquals(0, s.k.mprotect(s.t, B + P, P, Prot.READ));
        s.w(B);
        assertEquals(3, count(3), "split in three");
        assertEquals(0, s.check(s.k.mprotect(s.t, B + P, P, Sim.RW)));
        assertEquals(1, count(3), "faulted left + unfaulted middle + unfaulted right merge back");
        assertEquals("rd wr mr mw me ac", s.flags(B));
    }

    @Test
    void unfaultedNeighbourMergesWithFaultedOnMprotect() {
        s.fixed(B, 1, Prot.READ);
        s.fixed(B + P, 1, Sim.RW);
        s.w(B + P);
        assertEquals(0, s.check(s.k.mprotect(s.t, B, P, Sim.RW)));
        assertEquals(1, count(2), "is_mergeable_anon_vma: tgt has anon_vma, src none");
    }

    @Test
    void mprotectToReadOnlyDropsVmAccountOnlyWhileUnfaulted() {
        s.fixed(B, 1, Sim.RW);
        s.fixed(B + 2 * P, 1, Sim.RW);
        s.w(B + 2 * P);
        s.k.mprotect(s.t, B, P, Prot.READ);
        s.k.mprotect(s.t, B + 2 * P, P, Prot.READ);
        assertEquals("rd mr mw me", s.flags(B));
        assertEquals("rd mr mw me ac", s.flags(B + 2 * P));
        s.fixed(B + 4 * P, 1, Prot.READ);
        s.k.mprotect(s.t, B + 4 * P, P, Sim.RW);
        assertEquals("rd wr mr mw me ac", s.flags(B + 4 * P), "becoming writable charges VM_ACCOUNT");
    }

    @Test
    void forkChildRefusesANewNeighbourTheParentAccepts() {
        s.fixed(B, 2, Sim.RW);
        s.w(B);
        Task parent = s.t;
        Task child = s.k.fork(parent);
        s.t = child;
        s.fixed(B + 2 * P, 2, Sim.RW);
        assertEquals(2, count(4), "child: vma_had_uncowed_parents");
        s.t = parent;
        s.fixed(B + 2 * P, 2, Sim.RW);
        assertEquals(1, count(4), "parent merges");
    }

    @Test
    void guardInstallMarksTheWholeVmaWithoutSplittingAndStillMerges() {
        s.fixed(B, 3, Sim.RW);
        assertEquals(0, s.k.madvise(s.t, B + P, P, Madvise.GUARD_INSTALL));
        assertEquals(1, count(3));
        s.fixed(B + 3 * P, 1, Sim.RW);
        assertEquals(1, count(4), "VM_MAYBE_GUARD is ignored by merge and kept");
        assertEquals("rd wr mr mw me gu ac", s.flags(B));
        assertEquals(".G..", s.pages(B));
    }

    @Test
    void mremapKeepsTheFaultedPgoffSoItDoesNotMergeWithAnUnfaultedNeighbour() {
        s.fixed(B, 1, Sim.RW);
        s.fixed(B + 10 * P, 1, Sim.RW);
        s.w(B + 10 * P);
        assertEquals(B + P, s.check(s.k.mremap(s.t, B + 10 * P, P, P,
            MapFlags.MREMAP_MAYMOVE | MapFlags.MREMAP_FIXED, B + P)));
        assertEquals(2, count(2));
        assertEquals("A", s.pages(B + P));
    }

    @Test
    void mremapOfAnUnfaultedVmaResetsPgoffAndMerges() {
        s.fixed(B, 1, Sim.RW);
        s.fixed(B + 10 * P, 1, Sim.RW);
        assertEquals(B + P, s.check(s.k.mremap(s.t, B + 10 * P, P, P,
            MapFlags.MREMAP_MAYMOVE | MapFlags.MREMAP_FIXED, B + P)));
        assertEquals(1, count(2), "copy_vma: unfaulted anon pgoff follows the new address");
    }

    @Test
    void differentFlagsNeverMerge() {
        s.fixed(B, 1, Sim.RW);
        s.fixed(B + P, 1, Prot.READ);
        assertEquals(2, count(2));
    }

    @Test
    void mergeBothSidesRemovesTheNext() {
        s.fixed(B, 1, Sim.RW);
        s.fixed(B + 2 * P, 1, Sim.RW);
        assertEquals(2, count(3));
        s.fixed(B + P, 1, Sim.RW);
        assertEquals(1, count(3));
    }

    @Test
    void differentAnonVmasOnBothSidesStopAThreeWayMerge() {
        s.fixed(B, 1, Sim.RW);
        s.w(B);
        s.fixed(B + 2 * P, 1, Prot.READ);
        s.fixed(B + 4 * P, 1, Sim.RW);
        s.w(B + 4 * P);
        // B+2P is unfaulted and not adjacent-compatible at fault time: the neighbours got distinct anon_vmas
        s.fixed(B + P, 1, Sim.RW);
        s.fixed(B + 3 * P, 1, Sim.RW);
        s.k.mprotect(s.t, B + 2 * P, P, Sim.RW);
        assertEquals(2, count(5), "prev and next anon_vmas differ: merge with one side only");
    }
}
