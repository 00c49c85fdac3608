package org.mmwb.core.internal.pgtable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PteTest {

    @Test
    void bitPositionsMatchPgtableTypes() {
        assertEquals(0x1L, Pte.PRESENT);
        assertEquals(0x2L, Pte.RW);
        assertEquals(0x4L, Pte.USER);
        assertEquals(0x10L, Pte.PCD);
        assertEquals(0x20L, Pte.ACCESSED);
        assertEquals(0x40L, Pte.DIRTY);
        assertEquals(0x80L, Pte.PSE);
        assertEquals(Pte.PSE, Pte.PAT);
        assertEquals(0x200L, Pte.SPECIAL);
        assertEquals(0x800L, Pte.SOFT_DIRTY);
        assertEquals(0x8000_0000_0000_0000L, Pte.NX);
    }

    @Test
    void mkAndPfnRoundTrip() {
        long pte = Pte.mk(0x1234, Pte.PRESENT | Pte.RW | Pte.NX);
        assertEquals(0x1234, Pte.pfn(pte));
        assertEquals(0x8000_0000_0123_4003L, pte);
        long max = (1L << 40) - 1;
        assertEquals(max, Pte.pfn(Pte.mk(max, Pte.PRESENT)));
        // flags must not leak into the pfn field and vice versa
        assertEquals(7, Pte.pfn(Pte.mk(7, Pte.PFN_MASK | Pte.PRESENT)));
    }

    @Test
    void presentIncludesProtNone() {
        assertTrue(Pte.present(Pte.mk(5, Pte.PRESENT)));
        assertTrue(Pte.present(Pte.mk(5, Pte.PROTNONE | Pte.ACCESSED)));
        assertFalse(Pte.present(0));
        assertFalse(Pte.present(Pte.guardMarker()));
    }

    @Test
    void guardMarkerIsNonPresentAndRecognised() {
        long g = Pte.guardMarker();
        assertTrue(g != 0);
        assertTrue(Pte.isGuardMarker(g));
        assertTrue(Pte.isMarker(g));
        assertFalse(Pte.isGuardMarker(Pte.mk(5, Pte.PRESENT | Pte.RW)));
        assertFalse(Pte.isMarker(0));
        assertEquals("marker(guard)", Pte.decode(g));
    }

    @Test
    void modifiersFlipTheirBitOnly() {
        long p = Pte.mk(9, Pte.PRESENT | Pte.USER);
        assertTrue(Pte.write(Pte.mkwrite(p)));
        assertFalse(Pte.write(Pte.wrprotect(Pte.mkwrite(p))));
        assertTrue(Pte.dirty(Pte.mkdirty(p)));
        assertTrue((Pte.mkdirty(p) & Pte.SOFT_DIRTY) != 0);
        assertFalse(Pte.dirty(Pte.mkclean(Pte.mkdirty(p))));
        assertTrue(Pte.young(Pte.mkyoung(p)));
        assertFalse(Pte.young(Pte.mkold(Pte.mkyoung(p))));
        assertTrue(Pte.special(Pte.mkspecial(p)));
        assertEquals(9, Pte.pfn(Pte.mkwrite(Pte.mkdirty(p))));
    }

    @Test
    void modifyKeepsPfnAndDirtyTakesProtection() {
        long p = Pte.mk(0x42, Pte.PRESENT | Pte.RW | Pte.USER | Pte.DIRTY | Pte.ACCESSED);
        long m = Pte.modify(p, Pte.PRESENT | Pte.USER | Pte.NX);
        assertEquals(0x42, Pte.pfn(m));
        assertFalse(Pte.write(m));
        assertTrue(Pte.dirty(m));
        assertFalse(Pte.exec(m));
        long none = Pte.modify(p, Pte.PROTNONE);
        assertTrue(Pte.present(none));
        assertEquals(0, none & Pte.PRESENT);
    }

    @Test
    void hugePmdPfnIgnoresPatLarge() {
        long pmd = Pte.mk(0x200, Pte.PRESENT | Pte.PSE) | Pte.PAT_LARGE;
        assertTrue(Pte.huge(pmd));
        assertEquals(0x200, Pte.pmdPfn(pmd));
        assertFalse(Pte.huge(Pte.mk(0x200, Pte.PRESENT)));
    }

    @Test
    void decodeNamesBits() {
        assertEquals("none", Pte.decode(0));
        assertEquals("P RW US A D NX pfn=0x1234",
                Pte.decode(Pte.mk(0x1234, Pte.PRESENT | Pte.RW | Pte.USER | Pte.ACCESSED | Pte.DIRTY | Pte.NX)));
        assertEquals("PROTNONE A pfn=0x1", Pte.decode(Pte.mk(1, Pte.PROTNONE | Pte.ACCESSED)));
        assertEquals("P US PCD SPECIAL pfn=0xfed00", Pte.decode(Pte.mk(0xfed00, Pte.PRESENT | Pte.USER | Pte.PCD
                | Pte.SPECIAL)));
    }
}
