package org.mmwb.core.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Special mappings (mm/mmap.c: _install_special_mapping, special_mapping_fault, special_mapping_split,
 * special_mapping_mremap, special_mapping_close) and the seed patch's .fault with a relative pgoff.
 */
class SpecialMappingTest {
    private static final long P = Sim.PAGE;
    private static final long AT = 0x300000000L;
    private final Sim s = new Sim();
    private final List<String> events = new ArrayList<>();

    private long kernelPage(char c) {
        long pfn = s.k.allocKernelPage();
        s.k.writeKernelPage(pfn, 0, (byte) c);
        return pfn;
    }

    private SpecialMapping pagesMapping(int n) {
        long[] pages = new long[n];
        for (int i = 0; i < n; i++) {
            pages[i] = kernelPage((char) ('p' + i));
        }
        return new SpecialMapping("[pages]", pages, null,
            (sm, v) -> { events.add("mremap " + Long.toHexString(v.start())); return 0; },
            (sm, v) -> events.add("close " + Long.toHexString(v.start())), "test");
    }

    private long install(long pages, long flags, SpecialMapping sm) {
        return s.check(s.k.installSpecialMapping(s.t, AT, pages * P, flags, sm));
    }

    private static final long RX = VmFlags.READ | VmFlags.EXEC | VmFlags.MAYREAD | VmFlags.MAYWRITE
        | VmFlags.MAYEXEC;

    @Test
    void installSetsPgoffZeroAndDontexpandAndTheName() {
        install(2, RX, pagesMapping(2));
        VmaSnapshot v = s.vma(AT);
        assertEquals(0, v.pgoff());
        assertEquals("[pages]", v.name());
        assertEquals("rd ex mr mw me de", String.join(" ", v.flags()));
        assertEquals("EINVAL", Sim.err(s.k.installSpecialMapping(s.t, AT + 1, P, RX, pagesMapping(1))));
        assertEquals("ENOMEM", Sim.err(s.k.installSpecialMapping(s.t, AT, P, RX, pagesMapping(1))), "taken");
    }

    @Test
    void pagesArrayIsWalkedByTheRelativePgoffAndAMissingPageIsSigbus() {
        install(3, RX, pagesMapping(2));
        assertEquals('p', s.k.read(s.t, AT));
        assertEquals('q', s.k.read(s.t, AT + P));
        assertEquals("SIGBUS(ADRERR)", s.r(AT + 2 * P), "past the end of the pages array");
        FaultRecord f = s.k.fault(s.k.faultCount() - 1);
        assertEquals("special_mapping_fault(pages)", s.k.fault(s.k.faultCount() - 2).path());
        assertEquals(2, f.pgoff());
        assertEquals("FF.", s.pages(AT));
    }

    @Test
    void faultHandlerGetsThePgoffRelativeToTheMapping() {
        List<Long> seen = new ArrayList<>();
        long[] data = {kernelPage('x'), kernelPage('y')};
        SpecialMapping sm = new SpecialMapping("[f]", null, (m, vma, vmf) -> {
            seen.add(vmf.pgoff());
            if (vmf.pgoff() >= data.length) {
                return VmFaultResult.SIGBUS;
            }
            vmf.setPage(data[(int) vmf.pgoff()]);
            return 0;
        }, null, null, "test");
        install(3, RX, sm);
        assertEquals('y', s.k.read(s.t, AT + P));
        assertEquals(0, s.k.read(s.t, AT + P + 7), "only byte 0 was written");
        assertEquals('x', s.k.read(s.t, AT));
        assertEquals("SIGBUS(ADRERR)", s.r(AT + 2 * P));
        assertEquals(List.of(1L, 0L, 2L), seen, "one fault per page: the second read of page 1 hits the PTE");
    }

    @Test
    void pfnmapHandlerInsertsPfnsAndPagemapShowsNothing() {
        long io = s.k.ioPfn(3);
        SpecialMapping sm = new SpecialMapping("[io]", null,
            (m, vma, vmf) -> vmf.vmfInsertPfnProt(vmf.address(), io + vmf.pgoff(), VmFault.CACHE_UC_MINUS),
            null, null, "test");
        install(2, VmFlags.READ | VmFlags.MAYREAD | VmFlags.IO | VmFlags.PFNMAP, sm);
        assertEquals("ok", s.r(AT + P));
        assertEquals(io + 1, s.k.vtop(s.t, AT + P).pfn());
        assertTrue(s.k.vtop(s.t, AT + P).decoded()[3].contains("PCD"), s.k.vtop(s.t, AT + P).decoded()[3]);
        assertEquals("..", s.pages(AT), "pagemap skips VM_PFNMAP");
        assertEquals(VmFaultResult.NOPAGE, s.k.fault(s.k.faultCount() - 1).result());
    }

    @Test
    void specialMappingsRefuseSplitGrowShrinkAndDontunmap() {
        install(2, RX, pagesMapping(2));
        assertEquals("EINVAL", Sim.err(s.k.munmap(s.t, AT + P, P)), "may_split");
        assertEquals("EINVAL", Sim.err(s.k.mprotect(s.t, AT, P, Prot.READ)), "may_split");
        assertEquals("ok", Sim.err(s.k.mprotect(s.t, AT, 2 * P, Prot.READ)), "whole mapping");
        assertEquals("EINVAL", Sim.err(s.k.mremap(s.t, AT, 2 * P, P, 0, 0)), "shrink");
        assertEquals("EFAULT", Sim.err(s.k.mremap(s.t, AT, 2 * P, 3 * P, MapFlags.MREMAP_MAYMOVE, 0)), "grow");
        assertEquals("EINVAL", Sim.err(s.k.mremap(s.t, AT, 2 * P, 2 * P,
            MapFlags.MREMAP_MAYMOVE | MapFlags.MREMAP_DONTUNMAP, 0)), "dontunmap");
        assertEquals("EINVAL", Sim.err(s.k.mremap(s.t, AT, P, P,
            MapFlags.MREMAP_MAYMOVE | MapFlags.MREMAP_FIXED, 0x400000000L)), "partial move");
        assertEquals("EINVAL", Sim.err(s.k.madvise(s.t, AT, P, Madvise.GUARD_INSTALL)), "VM_SPECIAL");
        assertEquals("ok", Sim.err(s.k.mlock(s.t, AT, P)), "mlock skips VM_SPECIAL silently");
        assertEquals("rd mr mw me de", String.join(" ", s.vma(AT).flags()));
        assertEquals(1, s.vmas(AT, AT + 2 * P).size());
    }

    @Test
    void wholeMoveCallsMremapAndUnmapCallsClose() {
        install(2, RX, pagesMapping(2));
        s.r(AT);
        long to = 0x400000000L;
        assertEquals(to, s.check(s.k.mremap(s.t, AT, 2 * P, 2 * P, MapFlags.MREMAP_MAYMOVE | MapFlags.MREMAP_FIXED,
            to)));
        // as powerpc's vdso_close notes: close() runs for the unmapped source of a move too
        assertEquals(List.of("mremap 400000000", "close 300000000"), events);
        assertEquals("F.", s.pages(to), "the PTE moved with the mapping");
        assertNull(s.vma(AT));
        assertEquals(0, s.k.munmap(s.t, to, 2 * P));
        assertEquals(List.of("mremap 400000000", "close 300000000", "close 400000000"), events);
    }

    @Test
    void aFailingMremapCallbackUndoesTheMove() {
        SpecialMapping sm = new SpecialMapping("[nomove]", new long[] {kernelPage('n')}, null,
            (m, v) -> -Errno.EINVAL, null, "test");
        install(1, RX, sm);
        s.r(AT);
        assertEquals("EINVAL", Sim.err(s.k.mremap(s.t, AT, P, P, MapFlags.MREMAP_MAYMOVE | MapFlags.MREMAP_FIXED,
            0x400000000L)));
        assertEquals("F", s.pages(AT));
        assertNull(s.vma(0x400000000L));
    }

    @Test
    void specialMappingsNeverMerge() {
        SpecialMapping a = pagesMapping(1);
        install(1, RX, a);
        assertEquals(AT + P, s.k.installSpecialMapping(s.t, AT + P, P, RX, a));
        assertEquals(2, s.vmas(AT, AT + 2 * P).size());
        s.check(s.k.mmap(s.t, AT + 2 * P, P, Prot.READ | Prot.EXEC, Sim.FIXED, null, 0));
        assertEquals(3, s.vmas(AT, AT + 3 * P).size());
    }

    @Test
    void exitAndExecCallClose() {
        install(1, RX, pagesMapping(1));
        s.k.exec(s.t);
        assertEquals(List.of("close 300000000"), events);
    }

    @Test
    void legacyPagesOnlyMappingsAreWalkedAndMaySplit() {
        SpecialMappingProvider legacy = new SpecialMappingProvider() {
            public String name() { return "[legacy]"; }
            public int pages() { return 2; }
            public long vmFlags() { return RX; }
            public Placement placement() { return Placement.fixed(AT); }
            public Set<String> profiles() { return Set.of(); }
            public SpecialMapping create(Kernel kernel) {
                long l0 = kernel.allocKernelPage();
                long l1 = kernel.allocKernelPage();
                kernel.writeKernelPage(l0, 0, (byte) 'L');
                kernel.writeKernelPage(l1, 0, (byte) 'M');
                return new SpecialMapping("[legacy]", new long[] {l0, l1}, null, null, null, "test");
            }
            public boolean legacy() { return true; }
        };
        Sim l = new Sim(legacy);
        assertEquals('M', l.k.read(l.t, AT + P));
        assertEquals("[legacy]", l.vma(AT).name());
        assertEquals("ok", Sim.err(l.k.mprotect(l.t, AT, P, Prot.READ)),
            "legacy_special_mapping_vmops has no may_split");
        l.invariants();
    }
}
