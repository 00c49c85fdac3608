package org.mmwb.core.internal.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmwb.core.mm.MapFlags;
import org.mmwb.core.mm.Prot;
import org.mmwb.core.mm.PteWalk;
import org.mmwb.core.mm.VmFlags;
import org.mmwb.core.mm.VmaSnapshot;

/** Dumps: show_map_vma line format, show_smap_vma_flags order, pagemap letters and vtop walks. */
class DumpsTest {
    private static final long B = 0x200000000L;
    private final MmKernel k = new MmKernel(1 << 16);
    private final Mm mm = k.newMm(4, (1L << 47) - 4096);

    @Test
    void mapsLineAndFlagsAsProcShowsThem() {
        MmapOps.mmap(mm, 1, B, 3 * 4096, Prot.READ | Prot.WRITE,
            MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED, null, 0);
        List<VmaSnapshot> s = Dumps.snapshot(mm);
        assertEquals(1, s.size());
        assertEquals("200000000-200003000 rw-p 00000000 00:00 0 ", s.get(0).mapsLine());
        assertEquals("VmFlags: rd wr mr mw me ac ", s.get(0).vmFlagsLine());
        assertEquals(0x200000L, mm.findVma(B).pgoff, "vm_pgoff of private anon is addr >> 12");
        assertEquals(0, s.get(0).pgoff(), "maps shows 0 for anonymous memory");
        assertEquals(0, s.get(0).mapsOffset());
    }

    @Test
    void lettersFollowPagemap() {
        MmapOps.mmap(mm, 1, B, 4 * 4096, Prot.READ | Prot.WRITE,
            MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED, null, 0);
        k.faults().access(mm, 1, B, Faults.READ);
        k.faults().access(mm, 1, B + 4096, Faults.WRITE);
        MadviseOps.madvise(mm, 1, B + 3 * 4096, 4096, 102);
        assertEquals("ZA.G", Dumps.pages(mm, B, B + 4 * 4096));
        PteWalk w = Dumps.vtop(mm, B + 4096);
        assertEquals(4, w.entries().length);
        assertEquals('A', w.state());
        assertTrue(w.decoded()[3].contains("RW"), w.decoded()[3]);
        assertEquals("pte", w.levelNames()[3], "PageTable.levelName");
    }

    @Test
    void vmFlagMnemonicsAreInBitOrder() {
        long f = VmFlags.SEALED | VmFlags.READ | VmFlags.ACCOUNT | VmFlags.WIPEONFORK | VmFlags.MAYBE_GUARD;
        assertEquals("rd gu ac wf sl", String.join(" ", VmFlags.mnemonics(f)));
        assertEquals("r--p", VmFlags.perms(VmFlags.READ));
        assertEquals("rw-s", VmFlags.perms(VmFlags.READ | VmFlags.WRITE | VmFlags.MAYSHARE));
    }
}
