package org.mmwb.core.internal.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.mmwb.core.mm.ReadOnlyFaultLog;

class FaultLogTest {

    /** One row of the reference model. */
    private record Row(int pid, long address, int access, long vmaStart, int handler, long pgoff, int result,
            long pfn, int path) {
    }

    private static long append(FaultLog log, Row r) {
        return log.append(r.pid, r.address, r.access, r.vmaStart, r.handler, r.pgoff, r.result, r.pfn, r.path);
    }

    private static void assertRow(FaultLog log, long seq, Row r) {
        assertEquals(r.pid, log.pid(seq), "pid of " + seq);
        assertEquals(r.address, log.address(seq), "address of " + seq);
        assertEquals(r.access, log.access(seq), "access of " + seq);
        assertEquals(r.vmaStart, log.vmaStart(seq), "vmaStart of " + seq);
        assertEquals(r.handler, log.handler(seq), "handler of " + seq);
        assertEquals(r.pgoff, log.pgoff(seq), "pgoff of " + seq);
        assertEquals(r.result, log.result(seq), "result of " + seq);
        assertEquals(r.pfn, log.pfn(seq), "pfn of " + seq);
        assertEquals(r.path, log.path(seq), "path of " + seq);
    }

    @Test
    void appendAndReadBack() {
        FaultLog log = new FaultLog(Long.MAX_VALUE);
        int h = log.intern("[vvar]");
        int p = log.intern("do_anonymous_page");
        Row r = new Row(1, 0x7fff_1234_5678L, FaultLog.ACCESS_WRITE | FaultLog.ACCESS_USER, 0x7fff_1000_0000L, h,
                0x2345, 0, 0x1234, p);
        assertEquals(0, append(log, r));
        assertEquals(1, log.size());
        assertEquals(0, log.firstSeq());
        assertEquals(1, log.nextSeq());
        assertRow(log, 0, r);
        assertThrows(IndexOutOfBoundsException.class, () -> log.pid(1));
        assertThrows(IndexOutOfBoundsException.class, () -> log.address(-1));
    }

    @Test
    void valuesThatDoNotFitAnIntAreExact() {
        FaultLog log = new FaultLog(100);
        List<Row> rows = List.of(
                new Row(7, 0x1000, 1, FaultLog.NO_VMA, 0, 0, 0x40, FaultLog.NO_PFN, 0), // no VMA: SIGSEGV
                new Row(7, 0x7ffd_0000_0000L, 2, 0x7ffd_0000_1000L, 0, -1, 0, 5, 0), // vma above the address
                new Row(7, 0xffff_ffff_ff60_0000L, 4, 0xffff_ffff_ff60_0000L, 0, 0, 0, 0xfed00, 0), // upper half
                new Row(7, 0x7fff_0000_0000L, 1, 0x1000, 0, 1L << 40, 0, 1L << 35, 0), // huge distance, big values
                new Row(7, 0x5000, 1, 0x4321, 0, Integer.MIN_VALUE, 0, Integer.MIN_VALUE, 0), // unaligned, sentinels
                new Row(7, 0x5000, 1, 0, 0, Integer.MAX_VALUE, 0, Integer.MAX_VALUE, 0),
                new Row(Integer.MIN_VALUE, -1, -1, Long.MIN_VALUE, -1, Long.MAX_VALUE, -1, Long.MIN_VALUE, -1));
        for (Row r : rows) {
            append(log, r);
        }
        for (int i = 0; i < rows.size(); i++) {
            assertRow(log, i, rows.get(i));
        }
    }

    @Test
    void limitDropsOldestAndSeqKeepsCounting() {
        FaultLog log = new FaultLog(3000); // chunks of 1024: drops cross chunk boundaries
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Row r = new Row(i % 3, 0x1000L * i, 1, 0, i % 5, i, 0, i % 7 == 0 ? 1L << 33 : i, i % 11);
            rows.add(r);
            assertEquals(i, append(log, r));
            assertTrue(log.size() <= 3000);
        }
        assertEquals(3000, log.size());
        assertEquals(7000, log.firstSeq());
        assertEquals(10_000, log.nextSeq());
        assertThrows(IndexOutOfBoundsException.class, () -> log.pfn(6999));
        for (long s = log.firstSeq(); s < log.nextSeq(); s++) {
            assertRow(log, s, rows.get((int) s));
        }
    }

    @Test
    void tinyLimitKeepsExactlyThatMany() {
        FaultLog log = new FaultLog(1);
        for (int i = 0; i < 5000; i++) {
            log.append(1, i, 1, 0, 0, i, 0, i, 0);
            assertEquals(1, log.size());
            assertEquals(i, log.firstSeq());
            assertEquals(i, log.pgoff(i));
        }
    }

    @Test
    void clearKeepsSequenceAndNames() {
        FaultLog log = new FaultLog(Long.MAX_VALUE);
        int id = log.intern("special_mapping_fault");
        for (int i = 0; i < 2000; i++) {
            log.append(1, i, 1, 0, id, 0, 0, 1, id);
        }
        log.clear();
        assertEquals(0, log.size());
        assertEquals(2000, log.firstSeq());
        assertThrows(IndexOutOfBoundsException.class, () -> log.pid(1999));
        assertEquals(2000, log.append(4, 0x9000, 2, 0x8000, id, 1, 0, 3, id));
        assertEquals(4, log.pid(2000));
        assertEquals(0x8000, log.vmaStart(2000));
        assertEquals("special_mapping_fault", log.name(id));
        assertEquals(id, log.intern("special_mapping_fault"));
    }

    @Test
    void interning() {
        FaultLog log = new FaultLog(10);
        int a = log.intern("do_anonymous_page");
        int b = log.intern("do_wp_page");
        assertNotEquals(a, b);
        assertEquals(a, log.intern(new String("do_anonymous_page")));
        assertEquals("do_wp_page", log.name(b));
        assertNull(log.name(99));
        assertNull(log.name(-1));
        assertEquals("w", ReadOnlyFaultLog.accessName(FaultLog.ACCESS_WRITE | FaultLog.ACCESS_USER));
        assertEquals("r", ReadOnlyFaultLog.accessName(FaultLog.ACCESS_READ));
        assertEquals("x", ReadOnlyFaultLog.accessName(FaultLog.ACCESS_EXEC | FaultLog.ACCESS_READ));
    }

    @Test
    void badLimitRejected() {
        assertThrows(IllegalArgumentException.class, () -> new FaultLog(0));
    }

    @Test
    void atMost32BytesPerFault() {
        FaultLog log = new FaultLog(Long.MAX_VALUE);
        int[] paths = {log.intern("do_anonymous_page"), log.intern("do_wp_page"), log.intern("do_read_fault")};
        int n = 2_000_000;
        for (int i = 0; i < n; i++) {
            long addr = 0x7f00_0000_0000L + 4096L * i;
            log.append(1 + (i & 3), addr, 2, 0x7f00_0000_0000L, 0, i, 0, 0x100 + i, paths[i % 3]);
        }
        double per = log.bytesUsed() / (double) n;
        assertTrue(per <= 32, "bytes per fault " + per);
    }

    /** Random rows (including escapes) against a list model, random limits. */
    @Test
    void randomizedAgainstModel() {
        for (long seed = 1; seed <= 8; seed++) {
            Random rnd = new Random(seed);
            long limit = 1 + rnd.nextInt(5000);
            FaultLog log = new FaultLog(limit);
            List<Row> rows = new ArrayList<>();
            int n = 20_000 + rnd.nextInt(20_000);
            for (int i = 0; i < n; i++) {
                long addr = rnd.nextInt(4) == 0 ? rnd.nextLong() : 0x5555_0000_0000L + rnd.nextInt(1 << 30);
                long vma = switch (rnd.nextInt(5)) {
                    case 0 -> FaultLog.NO_VMA;
                    case 1 -> rnd.nextLong();
                    default -> (addr & ~0xfffL) - ((long) rnd.nextInt(1 << 20) << 12);
                };
                long pgoff = rnd.nextInt(10) == 0 ? rnd.nextLong() : rnd.nextInt(1 << 20);
                long pfn = switch (rnd.nextInt(10)) {
                    case 0 -> FaultLog.NO_PFN;
                    case 1 -> rnd.nextLong() >>> 20;
                    default -> rnd.nextInt(1 << 24);
                };
                Row r = new Row(rnd.nextInt(4), addr, 1 << rnd.nextInt(3), vma, rnd.nextInt(3), pgoff,
                        rnd.nextInt(8) == 0 ? 2 : 0, pfn, rnd.nextInt(6));
                rows.add(r);
                append(log, r);
                if (rnd.nextInt(500) == 0) {
                    long s = log.firstSeq() + (long) (rnd.nextDouble() * log.size());
                    assertRow(log, s, rows.get((int) s));
                }
                if (rnd.nextInt(20_000) == 0) {
                    log.clear();
                }
            }
            assertEquals(Math.min(limit, log.nextSeq() - log.firstSeq()), log.size());
            assertTrue(log.size() <= limit);
            for (long s = log.firstSeq(); s < log.nextSeq(); s++) {
                assertRow(log, s, rows.get((int) s));
            }
        }
    }
}
