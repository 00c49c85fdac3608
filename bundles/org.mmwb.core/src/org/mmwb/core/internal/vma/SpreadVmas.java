package org.mmwb.core.internal.vma;

import java.util.Random;

/**
 * A VMA index laid out like a large process's, for measurements of find_vma (mm/mmap.c) on {@link VmaTree}: VMAs of
 * 1..64 pages with gaps of 0..16 pages from 0x5555_0000_0000. The JMH benchmark (releng/org.mmwb.benchmarks) and
 * the plain-Java measurement of the core's tests build the same layout from here.
 *
 * @param tree   the index
 * @param starts vm_start of each VMA, in address order
 * @param end    vm_end of the last VMA
 */
public record SpreadVmas(VmaTree<Object> tree, long[] starts, long end) {

    /** {@code n} VMAs drawn from {@code rnd} (which the caller goes on using for the addresses to look up). */
    public static SpreadVmas build(int n, Random rnd) {
        VmaTree<Object> t = new VmaTree<>();
        long[] starts = new long[n];
        long a = 0x5555_0000_0000L;
        for (int i = 0; i < n; i++) {
            a += (long) rnd.nextInt(17) << 12;
            long len = (1L + rnd.nextInt(64)) << 12;
            starts[i] = a;
            t.insert(a, a + len, new Object());
            a += len;
        }
        return new SpreadVmas(t, starts, a);
    }

    /** Bytes from the first VMA's start to the last one's end. */
    public long span() {
        return end - starts[0];
    }
}
