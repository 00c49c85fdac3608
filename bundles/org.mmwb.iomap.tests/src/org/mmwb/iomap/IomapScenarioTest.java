package org.mmwb.iomap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmwb.core.mm.FaultRecord;
import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.PteWalk;
import org.mmwb.core.mm.VmaSnapshot;
import org.mmwb.scenario.testing.ScenarioCheck;
import org.mmwb.scenario.testing.ScenarioRun;

/**
 * The device's registers mapped on request by {@code iomap}, with the operation and the provider taken from the
 * extension registry (this bundle's plugin.xml): VM_IO|VM_PFNMAP, uncached PTEs to PFNs outside RAM, the handler
 * in the fault log.
 */
class IomapScenarioTest {
    private static final ScenarioCheck CHECK = ScenarioCheck.standard();

    @Test
    void mapsTheRegisterPagesAsUncachedIoMemory() {
        ScenarioRun run = CHECK.check("""
                kernel x86_64-6.18
                $t = iomap mmwb_timer
                touch $t 12K r
                touch $t 4K w
                touch $t 4K x
                munmap $t 4K
                """);
        long t = run.value(2);
        assertEquals("ok ok ok", run.result(3));
        assertEquals("SIGSEGV(ACCERR)", run.result(4), "read-only registers");
        assertEquals("SIGSEGV(ACCERR)", run.result(5));
        assertEquals("EINVAL", run.result(6), "a special mapping cannot be split");
        VmaSnapshot v = run.vma("[mmwb_timer]");
        assertEquals(t, v.start());
        assertEquals(3 * 4096, v.size());
        assertEquals("r--s", v.perms());
        assertTrue(v.flags().containsAll(List.of("rd", "sh", "mr", "ms", "io", "de", "pf", "dd")), v.flags()
                .toString());
        assertEquals("...", v.pages(), "pagemap skips PFNMAP pages");

        Kernel k = run.kernel();
        for (int page = 0; page < 3; page++) {
            PteWalk w = k.vtop(k.task(1), t + page * 4096L);
            assertEquals(TimerDevice.BAR_PFN + page, w.pfn());
            assertFalse(k.isRam(w.pfn()), "device memory, not RAM");
            String pte = w.decoded()[w.decoded().length - 1];
            assertTrue(pte.contains("PCD") && pte.contains("PWT"), "uncached: " + pte);
        }
        // the write and exec touches end in access_error before any handler runs: three reads reach it
        List<FaultRecord> f = run.faultsBy("[mmwb_timer]").stream().filter(x -> x.access().equals("r")).toList();
        assertEquals(3, f.size(), run.text());
        assertEquals("[mmwb_timer] (org.mmwb.iomap)", f.get(0).handler());
        assertEquals(0, f.get(0).pgoff());
        assertEquals(2, f.get(2).pgoff(), "vmf->pgoff relative to the mapping");
        assertTrue(f.get(0).resultName().startsWith("NOPAGE"), f.get(0).resultName());
        assertEquals(TimerDevice.BAR_PFN, f.get(0).pfn());
    }

    @Test
    void readsReturnTheDevicesRegisters() {
        ScenarioRun run = CHECK.check("""
                $t = iomap mmwb_timer
                read $t
                read $t+4
                read $t+4K
                read $t+4K
                read $t+8K
                read $t+8K+0x20
                """);
        assertEquals("0x1", run.result(2), "GCAP_ID byte 0: revision 1");
        assertEquals("0x80", run.result(3), "GCAP_ID byte 4: low byte of the 10 ns period in fs (0x989680)");
        assertEquals("0x64", run.result(4), "the main counter advances 100 ticks per sample");
        assertEquals("0xc8", run.result(5));
        assertEquals("0x1", run.result(6), "GEN_CONF: ENABLE_CNF");
        assertEquals("0x0", run.result(7), "GINTR_STA: no interrupt pending");
    }

    @Test
    void placedWhereMmapWouldPlaceItOrAtAGivenAddress() {
        ScenarioRun run = CHECK.check("""
                $a = mmap 0 12K r--
                munmap $a 12K
                $t = iomap mmwb_timer
                $u = iomap mmwb_timer 0x500000000
                iomap mmwb_timer 0x500000000
                iomap mmwb_timer 0x500000001
                iomap no_such_device
                """);
        assertEquals(run.value(1), run.value(3), "the address mmap chose for the same length");
        assertEquals(0x500000000L, run.value(4));
        assertEquals("ENOMEM", run.result(5), "taken");
        assertEquals("EINVAL", run.result(6), "unaligned");
        assertEquals("ENODEV", run.result(7));
    }

    @Test
    void forkCopiesTheDeviceMappingAndExitClosesIt() {
        ScenarioRun run = CHECK.check("""
                $t = iomap mmwb_timer
                touch $t 4K r
                fork
                touch $t 8K r
                """);
        assertEquals("ok ok", run.result(4));
        assertEquals("r--s", run.vma(2, run.value(1)).perms());
    }

    @Test
    void theThreeNineteenProfileHasTheDeviceToo() {
        ScenarioRun run = CHECK.check("""
                kernel x86_64-3.19
                $t = iomap mmwb_timer
                touch $t 4K r
                """);
        assertEquals("ok", run.result(3));
    }
}
