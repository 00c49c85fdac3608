package org.mmwb.core.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import org.junit.jupiter.api.Test;

/**
 * Device memory for providers: {@link Kernel#allocIoMemory} hands out PFNs of the PCI hole that nobody registered,
 * and a provider whose {@code create} is refused IO memory (EBUSY) is left out of the kernel instead of aliasing
 * another device's registers.
 */
class IoMemoryAllocationTest {
    private static final IoMemory DEV = (pfn, off) -> 7;

    /** A one-page device mapping at exec (contributed by com.example.NAME) taking IO memory with takeIo. */
    private static SpecialMappingProvider provider(String name, ToLongFunction<Kernel> takeIo) {
        return TestProvider.ioDevice(name, "com.example." + name.substring(1, name.length() - 1), takeIo, null);
    }

    @Test
    void allocatedRangesAreFreeDeviceMemoryAndNeverOverlap() {
        Sim s = new Sim();
        long fixed = s.k.ioPfn(2);
        assertEquals(0, s.k.registerIoMemory(fixed, 2, DEV));
        long a = s.k.allocIoMemory(2, DEV);
        long b = s.k.allocIoMemory(3, DEV);
        long c = s.k.allocIoMemory(1, DEV);
        assertEquals(s.k.ioPfn(0), a, "the first two pages fit below the fixed range");
        assertEquals(s.k.ioPfn(4), b, "the next range starts after the fixed one");
        assertEquals(s.k.ioPfn(7), c);
        for (long p = a; p < c + 1; p++) {
            assertFalse(s.k.isRam(p));
        }
        assertEquals("EBUSY", Sim.err(s.k.registerIoMemory(b + 1, 1, DEV)), "allocated ranges are registered");
        assertEquals("EINVAL", Sim.err(s.k.allocIoMemory(0, DEV)));
        assertEquals("EINVAL", Sim.err(s.k.allocIoMemory(1, null)));
        assertEquals("ENOMEM", Sim.err(s.k.allocIoMemory(1 << 20, DEV)), "larger than the PCI hole");
    }

    @Test
    void theKernelKnowsWhoseDeviceMemoryAPfnIs() {
        Sim s = new Sim(provider("[dev_a]", k -> k.allocIoMemory(1, DEV)));
        SpecialMapping sm = s.k.specialMapping("[dev_a]");
        assertNotNull(sm);
        assertEquals("[dev_a] (com.example.dev_a)", s.k.ioMemoryOwner(s.k.ioPfn(0)));
        assertNull(s.k.ioMemoryOwner(s.k.ioPfn(1)), "not registered");
        assertEquals(0, s.k.registerIoMemory(s.k.ioPfn(1), 1, DEV));
        assertEquals("", s.k.ioMemoryOwner(s.k.ioPfn(1)), "registered outside provider creation");
        assertEquals(7, s.k.read(s.t, s.k.snapshot(s.t).stream().filter(v -> v.name().equals("[dev_a]")).findFirst()
            .orElseThrow().start()), "a read of the mapping reaches the provider's device");
    }

    @Test
    void aProviderRefusedIoMemoryIsLeftOutInsteadOfAliasing() {
        Sim s = new Sim(provider("[dev_a]", k -> {
            k.registerIoMemory(k.ioPfn(0), 2, DEV);
            return k.ioPfn(0);
        }), provider("[dev_b]", k -> {
            k.registerIoMemory(k.ioPfn(1), 1, (pfn, off) -> 9); // ignores the EBUSY it gets
            return k.ioPfn(1);
        }), provider("[dev_c]", k -> k.allocIoMemory(1, DEV)));
        assertNotNull(s.k.specialMapping("[dev_a]"));
        assertNull(s.k.specialMapping("[dev_b]"), "its PFN belongs to [dev_a]: no mapping");
        assertNotNull(s.k.specialMapping("[dev_c]"), "later providers are not affected");
        assertEquals(1, s.k.ioMemoryRefusals());
        assertTrue(s.k.lastIoMemoryRefusal().contains("0xc0001-0xc0001 overlap 0xc0000-0xc0001, registered by"
            + " [dev_a] (com.example.dev_a) (EBUSY)"), s.k.lastIoMemoryRefusal());
        assertTrue(s.k.snapshot(s.t).stream().noneMatch(v -> v.name().equals("[dev_b]")));
    }

    /**
     * The device of a provider's mapping throws: loads and stores through the mapping end in SIGBUS(ADRERR) and the
     * mapping's failure listener hears which device call failed and why, with the faulting address.
     */
    @Test
    void aDeviceThatThrowsFailsTheAccessAndTellsItsMapping() {
        List<String> heard = new ArrayList<>();
        IoMemory broken = Sim.throwingDevice("unplugged");
        Sim s = new Sim(TestProvider.ioDevice("[dev_x]", "com.example.x", k -> k.allocIoMemory(1, broken),
            (sm, vma, addr, why) -> heard.add(sm.name() + " " + vma.start() + " " + Long.toHexString(addr) + " "
                + why)).withVmFlags(TestProvider.IO_PFNMAP | VmFlags.WRITE | VmFlags.MAYWRITE | VmFlags.SHARED
                    | VmFlags.MAYSHARE));
        long at = s.k.snapshot(s.t).stream().filter(v -> v.name().equals("[dev_x]")).findFirst().orElseThrow().start();
        assertEquals(-(long) Signals.BUS_ADRERR_RESULT, s.k.read(s.t, at + 0x10));
        assertEquals(Signals.BUS_ADRERR_RESULT, s.k.write(s.t, at + 0x20, (byte) 1));
        assertEquals(List.of(
            "[dev_x] " + at + " " + Long.toHexString(at + 0x10) + " its device's readb of IO memory PFN 0xc0000 threw"
                + " java.lang.IllegalStateException: unplugged",
            "[dev_x] " + at + " " + Long.toHexString(at + 0x20) + " its device's writeb of IO memory PFN 0xc0000 threw"
                + " java.lang.IllegalStateException: unplugged"), heard);
        s.invariants();
    }
}
