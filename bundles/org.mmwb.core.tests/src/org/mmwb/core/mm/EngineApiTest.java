package org.mmwb.core.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The engine API the plugin side and the views use: IO memory behind inserted PFNs (a load/store of an
 * uncached vmf_insert_pfn_prot mapping reaches the device), SpecialMapping's failure listener
 * (special_mapping_fault ending in VM_FAULT_SIGBUS), get_unmapped_area, and the read-only page-table view with
 * get_mm_rss / mm_pgtables_bytes.
 */
class EngineApiTest {
    private static final long AT = 0x300000000L;
    private static final long P = 4096;
    private static final long IO_FLAGS = VmFlags.READ | VmFlags.WRITE | VmFlags.MAYREAD | VmFlags.MAYWRITE
        | VmFlags.SHARED | VmFlags.MAYSHARE
        | VmFlags.IO | VmFlags.PFNMAP | VmFlags.DONTEXPAND | VmFlags.DONTDUMP;
    private final Sim s = new Sim();

    private SpecialMapping ioMapping(SpecialMapping.FailureListener l) {
        return new SpecialMapping("[dev]", null,
            (sm, vma, vmf) -> vmf.vmfInsertPfnProt(vmf.address(), s.k.ioPfn((int) vmf.pgoff()), VmFault.CACHE_UC_MINUS),
            null, null, "test", l);
    }

    @Test
    void registeredIoMemoryAnswersReadsAndWritesOfItsPfns() {
        byte[] regs = new byte[2 * 4096];
        regs[4] = 0x64;
        IoMemory dev = new IoMemory() {
            @Override
            public int readb(long pfn, int offset) {
                return regs[(int) (pfn - s.k.ioPfn(0)) * 4096 + offset];
            }

            @Override
            public void writeb(long pfn, int offset, byte v) {
                regs[(int) (pfn - s.k.ioPfn(0)) * 4096 + offset] = v;
            }
        };
        assertEquals(0, s.k.registerIoMemory(s.k.ioPfn(0), 2, dev));
        assertEquals(AT, s.k.installSpecialMapping(s.t, AT, 2 * P, IO_FLAGS, ioMapping(null)));
        assertEquals(0x64, s.k.read(s.t, AT + 4), () -> s.k.faults(0).toString());
        assertEquals(Signals.OK, s.k.write(s.t, AT + P + 8, (byte) 0x2a));
        assertEquals(0x2a, regs[4096 + 8]);
        assertEquals(0x2a, s.k.read(s.t, AT + P + 8));
        assertEquals(0, s.k.unregisterIoMemory(s.k.ioPfn(0)));
        assertEquals(0, s.k.read(s.t, AT + 4), "no device: reads 0");
    }

    @Test
    void registerIoMemoryRefusesRamOverlapsAndNull() {
        IoMemory dev = (pfn, off) -> 1;
        assertEquals("EINVAL", Sim.err(s.k.registerIoMemory(s.k.ioPfn(0), 0, dev)));
        assertEquals("EINVAL", Sim.err(s.k.registerIoMemory(s.k.ioPfn(0), 1, null)));
        assertEquals("EINVAL", Sim.err(s.k.registerIoMemory(s.k.allocKernelPage(), 1, dev)), "RAM");
        assertEquals(0, s.k.registerIoMemory(s.k.ioPfn(4), 4, dev));
        assertEquals("EBUSY", Sim.err(s.k.registerIoMemory(s.k.ioPfn(2), 3, dev)));
        assertEquals("EBUSY", Sim.err(s.k.registerIoMemory(s.k.ioPfn(7), 1, dev)));
        assertEquals(0, s.k.registerIoMemory(s.k.ioPfn(8), 1, dev));
        assertEquals("ENOENT", Sim.err(s.k.unregisterIoMemory(s.k.ioPfn(5))));
    }

    /** A device model that throws fails the load and the store (SIGBUS), never answers made-up bytes. */
    @Test
    void aThrowingDeviceFailsTheAccessWithSigbus() {
        assertEquals(0, s.k.registerIoMemory(s.k.ioPfn(0), 2, Sim.throwingDevice("broken device")));
        assertEquals(AT, s.k.installSpecialMapping(s.t, AT, 2 * P, IO_FLAGS, ioMapping(null)));
        assertEquals(-(long) Signals.BUS_ADRERR_RESULT, s.k.read(s.t, AT));
        assertEquals("SIGBUS(ADRERR)", s.w(AT + P));
        assertTrue(s.t.alive(), "SIGBUS is delivered, the task is not killed");
        assertEquals(0, s.k.unregisterIoMemory(s.k.ioPfn(0)));
        assertEquals(0, s.k.read(s.t, AT), "no device behind the PFN any more: reads 0");
    }

    /** special_mapping_fault ending in SIGBUS for a handler's broken contract is reported to the listener. */
    @Test
    void failureListenerHearsOfEngineDetectedHandlerFailures() {
        List<String> heard = new ArrayList<>();
        SpecialMapping sm = new SpecialMapping("[bad]", null, (m, vma, vmf) -> VmFaultResult.NOPAGE, null, null,
            "test", (m, vma, address, reason) -> heard.add(m.name() + " " + Long.toHexString(address) + " " + reason));
        assertEquals(AT, s.k.installSpecialMapping(s.t, AT, P, IO_FLAGS, sm));
        assertEquals("SIGBUS(ADRERR)", s.r(AT + 5));
        assertEquals(1, heard.size());
        assertTrue(heard.get(0).startsWith("[bad] 300000005 ") && heard.get(0).contains("without installing a PTE"),
            heard.toString());
    }

    @Test
    void aThrowingFailureListenerDoesNotBreakTheFault() {
        SpecialMapping sm = new SpecialMapping("[bad]", null, (m, vma, vmf) -> 0x40000000, null, null, "test",
            (m, vma, address, reason) -> {
                throw new IllegalStateException("listener");
            });
        assertEquals(AT, s.k.installSpecialMapping(s.t, AT, P, IO_FLAGS, sm));
        assertEquals("SIGBUS(ADRERR)", s.r(AT));
    }

    /** A legitimate SIGBUS (the handler says the page does not exist) is not a failure. */
    @Test
    void aHandlersOwnSigbusIsNotReported() {
        List<String> heard = new ArrayList<>();
        SpecialMapping sm = new SpecialMapping("[hole]", null, (m, vma, vmf) -> VmFaultResult.SIGBUS, null, null,
            "test", (m, vma, address, reason) -> heard.add(reason));
        assertEquals(AT, s.k.installSpecialMapping(s.t, AT, P, IO_FLAGS, sm));
        assertEquals("SIGBUS(ADRERR)", s.r(AT));
        assertTrue(heard.isEmpty(), heard.toString());
    }

    /** get_unmapped_area: where mmap(NULL, len) would go, nothing mapped; errors as errno. */
    @Test
    void getUnmappedAreaIsWhereMmapWouldPlaceIt() {
        long a = s.k.getUnmappedArea(s.t, 3 * P);
        assertTrue(a > 0 && (a & 0xfff) == 0, Long.toHexString(a));
        assertEquals(null, s.t.mm().findVma(a) != null && s.t.mm().findVma(a).start() < a + 3 * P ? "taken" : null);
        assertEquals(a, s.mmap(0, 3, Sim.RW, Sim.ANON));
        assertEquals("EINVAL", Sim.err(s.k.getUnmappedArea(s.t, 0)));
        assertEquals("ENOMEM", Sim.err(s.k.getUnmappedArea(s.t, 1L << 48)));
        assertEquals("ENOMEM", Sim.err(s.k.getUnmappedArea(s.t, -P)));
        assertEquals(AT, s.k.getUnmappedArea(s.t, AT, P, MapFlags.FIXED));
        assertEquals("EINVAL", Sim.err(s.k.getUnmappedArea(s.t, AT + 1, P, MapFlags.FIXED)));
    }

    /** The read-only page-table view, get_mm_rss and mm_pgtables_bytes through MmStruct. */
    @Test
    void mmStructExposesItsPageTableAndCounts() {
        MmStruct mm = s.t.mm();
        long rss0 = mm.residentPages();
        long a = s.mmap(0, 4, Sim.RW, Sim.ANON);
        s.w(a);
        s.w(a + P);
        s.r(a + 2 * P); // the zero page is not counted
        assertEquals(rss0 + 2, mm.residentPages());
        PageTableView pt = mm.pageTable();
        assertEquals(mm.pgtableLevels(), pt.levels());
        assertTrue(pt.get(a) != 0 && pt.get(a + 3 * P) == 0);
        long[] walk = new long[pt.levels()];
        assertEquals(pt.levels(), pt.walk(a, walk));
        assertEquals(pt.get(a), walk[pt.levels() - 1]);
        assertTrue(mm.pgtablesBytes() >= 3 * 4096, "pud, pmd and pte tables at least");
        assertEquals(pt.pgtablesBytes(), mm.pgtablesBytes());
        int t = pt.root();
        for (int d = 0; d < pt.levels() - 1; d++) {
            t = pt.child(t, (int) ((a >>> (12 + 9 * (pt.levels() - 1 - d))) & 511));
        }
        assertEquals(pt.levels() - 1, pt.depth(t));
        assertEquals(pt.get(a), pt.entry(t, (int) ((a >>> 12) & 511)));
    }

    /** The footprint figures without reflection: page-table and struct page bytes per resident page. */
    @Test
    void footprintFiguresArePublic() {
        long frames0 = s.k.allocatedFrames();
        long a = s.mmap(0, 64, Sim.RW, Sim.ANON);
        for (int i = 0; i < 64; i++) {
            s.w(a + i * P);
        }
        assertEquals(frames0 + 64, s.k.allocatedFrames());
        assertTrue(s.k.physBytesUsed() > 0 && s.t.mm().pageTable().bytesUsed() > 0);
    }
}
