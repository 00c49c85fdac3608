package org.mmwb.core.internal.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmwb.core.internal.page.PhysMem;
import org.mmwb.core.internal.pgtable.Pte;
import org.mmwb.core.mm.MapFlags;
import org.mmwb.core.mm.Prot;

/** The invariant checker finds what it promises to find (each check is shown to fail on a corrupted state). */
class InvariantsTest {
    private static final long B = 0x200000000L;
    private final MmKernel k = new MmKernel(1 << 16);
    private final Mm mm = k.newMm(4, (1L << 47) - 4096);

    InvariantsTest() {
        mm.mmapBase = 0x7ffff7fff000L;
        assertEquals(B, MmapOps.mmap(mm, 1, B, 2 * 4096, Prot.READ | Prot.WRITE,
            MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED, null, 0));
        assertEquals(0, k.faults().access(mm, 1, B, Faults.WRITE));
    }

    private List<String> check() {
        return Invariants.check(k, List.of(mm));
    }

    @Test
    void consistentStateHasNoViolations() {
        assertEquals(List.of(), check());
    }

    @Test
    void pteOutsideAnyVma() {
        mm.pgd.set(B + 0x100000, Pte.mk(k.phys.zeroPfn(), Pte.PRESENT | Pte.USER));
        assertTrue(check().stream().anyMatch(e -> e.contains("PTE outside any VMA")), check()::toString);
    }

    @Test
    void mapcountNotMatchingThePtes() {
        long pfn = Pte.pfn(mm.pgd.get(B));
        k.phys.incMapcount(pfn);
        assertTrue(check().stream().anyMatch(e -> e.contains("mapcount 2 but 1 PTEs")), check()::toString);
    }

    @Test
    void refcountBelowMappings() {
        long pfn = Pte.pfn(mm.pgd.get(B));
        long other = k.phys.alloc(PhysMem.KIND_ANON);
        mm.pgd.set(B + 4096, Pte.mk(pfn, Pte.PRESENT | Pte.USER));
        k.phys.incMapcount(pfn);
        assertTrue(check().stream().anyMatch(e -> e.contains("refcount 1 below its 2")), check()::toString);
        k.phys.put(other);
    }

    @Test
    void overlappingVmasAreReported() {
        Vma v = new Vma(mm, B + 4096, B + 3 * 4096, 0, 0);
        // bypass the tree's own overlap guard by linking a VMA whose recorded range disagrees with the tree
        mm.link(new Vma(mm, B + 2 * 4096, B + 3 * 4096, 0, 0));
        mm.findVma(B + 2 * 4096).start = v.start;
        assertTrue(check().stream().anyMatch(e -> e.contains("overlapping VMA")), check()::toString);
    }
}
