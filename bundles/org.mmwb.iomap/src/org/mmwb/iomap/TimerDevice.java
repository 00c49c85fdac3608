package org.mmwb.iomap;

/**
 * A simulated timer block (loosely after the HPET's register layout): three 4 KiB register pages. Registers are
 * little-endian and read a byte at a time, as a scenario's {@code read} loads one byte.
 * <ul>
 * <li>page 0, capabilities: {@code GCAP_ID} at 0x00 (revision 0x01 in byte 0, {@link #TIMERS} - 1 in bits 8-12,
 * 64-bit counter bit 13, vendor 0x4d4d "MM" in bits 16-31, the counter period in femtoseconds in bits 32-63).</li>
 * <li>page 1, main counter: the 64-bit counter at 0x00. It is free-running; to stay deterministic it advances by
 * {@link #TICKS_PER_READ} each time its byte 0 is read (a read samples the counter).</li>
 * <li>page 2, configuration and status: {@code GEN_CONF} at 0x00 (bit 0 ENABLE_CNF, set), {@code GINTR_STA} at
 * 0x20 (no interrupt pending: 0).</li>
 * </ul>
 * Any other offset reads 0, as unimplemented registers of real devices commonly do. Not thread-safe (one simulated
 * CPU).
 */
public final class TimerDevice {
    /** Register pages. */
    public static final int PAGES = 3;
    /** Comparator timers the capabilities report. */
    public static final int TIMERS = 3;
    /** Counter period: 10 ns (a 100 MHz counter), in femtoseconds. */
    public static final long PERIOD_FS = 10_000_000L;
    /** Counter ticks per sample: 1 microsecond at 100 MHz. */
    public static final long TICKS_PER_READ = 100;
    /** The physical page of register page 0: 0xfebf0000, a typical PCI BAR below 4 GiB, outside RAM. */
    public static final long BAR_PFN = 0xfebf0L;

    static final int CAP_PAGE = 0;
    static final int COUNTER_PAGE = 1;
    static final int CONF_PAGE = 2;
    static final int GINTR_STA = 0x20;

    private long counter;

    /** GCAP_ID as the device reports it. */
    public static long capabilities() {
        long rev = 0x01;
        long numTimCap = TIMERS - 1;
        long countSize64 = 1;
        long vendor = 0x4d4d;
        return rev | numTimCap << 8 | countSize64 << 13 | vendor << 16 | PERIOD_FS << 32;
    }

    /** The main counter's current value (without sampling it). */
    public long counter() {
        return counter;
    }

    /**
     * readb of a register byte.
     *
     * @param page   register page 0..{@link #PAGES}-1
     * @param offset byte offset in the page, 0..4095
     * @return the byte, 0..255 (0 for unimplemented registers and out-of-range arguments)
     */
    public int readb(int page, int offset) {
        if (offset < 0 || offset >= 4096) {
            return 0;
        }
        return switch (page) {
            case CAP_PAGE -> offset < 8 ? byteOf(capabilities(), offset) : 0;
            case COUNTER_PAGE -> {
                if (offset == 0) {
                    counter += TICKS_PER_READ;
                }
                yield offset < 8 ? byteOf(counter, offset) : 0;
            }
            case CONF_PAGE -> offset == 0 ? 1 : 0; // ENABLE_CNF; GINTR_STA (0x20) and the rest read 0
            default -> 0;
        };
    }

    /** The physical frame of a register page, or -1 outside the block. */
    public static long pfn(long page) {
        return page >= 0 && page < PAGES ? BAR_PFN + page : -1;
    }

    private static int byteOf(long v, int i) {
        return (int) (v >>> (8 * i)) & 0xff;
    }
}
