package org.mmwb.iomap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The register model of the simulated timer. */
class TimerDeviceTest {
    private final TimerDevice d = new TimerDevice();

    @Test
    void capabilitiesAreLittleEndianGcapId() {
        long cap = 0;
        for (int i = 0; i < 8; i++) {
            cap |= (long) d.readb(0, i) << (8 * i);
        }
        assertEquals(TimerDevice.capabilities(), cap);
        assertEquals(0x01, d.readb(0, 0), "revision");
        assertEquals(TimerDevice.TIMERS - 1, d.readb(0, 1) & 0x1f, "NUM_TIM_CAP");
        assertEquals(TimerDevice.PERIOD_FS, cap >>> 32, "period in fs");
    }

    @Test
    void counterAdvancesOnEachSample() {
        assertEquals(100, d.readb(1, 0));
        assertEquals(200, d.readb(1, 0));
        assertEquals(0, d.readb(1, 1), "high byte of 300 not yet");
        d.readb(1, 0);
        assertEquals(300 >>> 8, d.readb(1, 1), "reading other bytes does not advance it");
        assertEquals(300, d.counter());
    }

    @Test
    void configurationAndUnimplementedRegisters() {
        assertEquals(1, d.readb(2, 0), "ENABLE_CNF");
        assertEquals(0, d.readb(2, 0x20), "no interrupt pending");
        assertEquals(0, d.readb(0, 0x800));
        assertEquals(0, d.readb(3, 0), "past the block");
        assertEquals(0, d.readb(0, 4096));
        assertEquals(-1, TimerDevice.pfn(3));
        assertEquals(0xfebf2L, TimerDevice.pfn(2));
    }
}
