package org.mmwb.core.internal.vma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class VmaTreeTest {

    /** A value with its own bounds, as the simulator's VMA would have. */
    private static final class Vma {
        long start;
        long end;

        Vma(long start, long end) {
            this.start = start;
            this.end = end;
        }

        @Override
        public String toString() {
            return Long.toHexString(start) + "-" + Long.toHexString(end);
        }
    }

    private static Vma add(VmaTree<Vma> t, long s, long e) {
        Vma v = new Vma(s, e);
        t.insert(s, e, v);
        return v;
    }

    @Test
    void emptyTree() {
        VmaTree<Vma> t = new VmaTree<>();
        assertEquals(0, t.size());
        assertTrue(t.isEmpty());
        assertNull(t.find(0));
        assertNull(t.prev(-1));
        assertNull(t.next(0));
        assertNull(t.first());
        assertNull(t.last());
        assertNull(t.findIntersection(0, -1));
        assertFalse(t.iterator().hasNext());
        t.remove(0x1000);
        assertFalse(t.update(0x1000, 0x1000, 0x2000));
        t.checkInvariants();
    }

    @Test
    void findVmaSemantics() {
        VmaTree<Vma> t = new VmaTree<>();
        Vma a = add(t, 0x1000, 0x3000);
        Vma b = add(t, 0x5000, 0x6000);
        Vma c = add(t, 0x6000, 0x8000); // adjacent to b
        assertSame(a, t.find(0));
        assertSame(a, t.find(0x2fff));
        assertSame(b, t.find(0x3000), "in the gap: the next vma");
        assertSame(c, t.find(0x6000));
        assertNull(t.find(0x8000));
        assertNull(t.lookup(0x3000));
        assertSame(a, t.lookup(0x1000));
        assertSame(c, t.lookup(0x7fff));
        assertNull(t.findIntersection(0x3000, 0x5000));
        assertSame(b, t.findIntersection(0x3000, 0x5001));
        assertSame(a, t.findIntersection(0, 0x1001));
        assertNull(t.findIntersection(0, 0x1000));
        assertSame(a, t.get(0x1000));
        assertNull(t.get(0x2000));
    }

    @Test
    void prevAndNext() {
        VmaTree<Vma> t = new VmaTree<>();
        Vma a = add(t, 0x1000, 0x3000);
        Vma b = add(t, 0x5000, 0x6000);
        assertNull(t.prev(0x1000), "nothing starts below 0x1000");
        assertSame(a, t.prev(0x1001), "containing");
        assertSame(a, t.prev(0x4000), "ending below");
        assertSame(a, t.prev(0x5000));
        assertSame(b, t.prev(0x5001));
        assertSame(b, t.prev(-1L));
        assertSame(a, t.next(0));
        assertSame(a, t.next(0x1000));
        assertSame(b, t.next(0x1001));
        assertSame(b, t.next(0x5000));
        assertNull(t.next(0x5001));
        assertSame(a, t.first());
        assertSame(b, t.last());
    }

    @Test
    void insertRejectsOverlapAndEmpty() {
        VmaTree<Vma> t = new VmaTree<>();
        add(t, 0x2000, 0x4000);
        assertThrows(IllegalArgumentException.class, () -> add(t, 0x3000, 0x5000));
        assertThrows(IllegalArgumentException.class, () -> add(t, 0x1000, 0x2001));
        assertThrows(IllegalArgumentException.class, () -> add(t, 0x2000, 0x4000));
        assertThrows(IllegalArgumentException.class, () -> add(t, 0x6000, 0x6000));
        add(t, 0x1000, 0x2000);
        add(t, 0x4000, 0x5000);
        assertEquals(3, t.size());
        t.checkInvariants();
    }

    @Test
    void updateInPlace() {
        VmaTree<Vma> t = new VmaTree<>();
        Vma a = add(t, 0x1000, 0x3000);
        Vma b = add(t, 0x5000, 0x6000);
        assertTrue(t.update(0x5000, 0x4000, 0x7000)); // vma_expand both ways
        assertSame(b, t.find(0x3000));
        assertSame(b, t.get(0x4000));
        assertNull(t.get(0x5000));
        assertSame(b, t.lookup(0x6fff));
        assertThrows(IllegalArgumentException.class, () -> t.update(0x4000, 0x2fff, 0x7000));
        assertThrows(IllegalArgumentException.class, () -> t.update(0x1000, 0x1000, 0x4001));
        assertThrows(IllegalArgumentException.class, () -> t.update(0x1000, 0x2000, 0x2000));
        assertTrue(t.update(0x1000, 0x1000, 0x4000)); // touch the neighbour
        assertSame(a, t.lookup(0x3fff));
        assertFalse(t.update(0x1234, 0x1234, 0x2000));
        t.checkInvariants();
    }

    @Test
    void unsignedAddresses() {
        VmaTree<Vma> t = new VmaTree<>();
        Vma vsys = add(t, 0xffff_ffff_ff60_0000L, 0xffff_ffff_ff60_1000L);
        Vma low = add(t, 0x1000, 0x2000);
        assertSame(low, t.first());
        assertSame(vsys, t.last());
        assertSame(vsys, t.find(0x8000_0000_0000_0000L));
        assertSame(vsys, t.lookup(0xffff_ffff_ff60_0fffL));
        assertSame(low, t.prev(0xffff_ffff_ff60_0000L));
        t.checkInvariants();
    }

    @Test
    void iterationAndCursor() {
        VmaTree<Vma> t = new VmaTree<>();
        List<Vma> all = new ArrayList<>();
        for (int i = 0; i < 1000; i++) { // several leaves
            all.add(add(t, 0x10000L * (i + 1), 0x10000L * (i + 1) + 0x3000));
        }
        List<Vma> seen = new ArrayList<>();
        for (Vma v : t) {
            seen.add(v);
        }
        assertEquals(all, seen);
        seen.clear();
        t.forEach((s, e, v) -> {
            assertEquals(v.start, s);
            assertEquals(v.end, e);
            seen.add(v);
        });
        assertEquals(all, seen);
        VmaTree<Vma>.Cursor c = t.cursor().seek(0x10000L * 500 + 0x3000); // in a gap
        int n = 0;
        while (c.hasNext()) {
            Vma v = c.next();
            assertEquals(v.start, c.start());
            assertEquals(v.end, c.end());
            assertSame(all.get(500 + n), v);
            n++;
        }
        assertEquals(500, n);
        int m = 0;
        for (VmaTree.Entry<Vma> e : t.entries(0x10000L * 1000 + 0x2000)) {
            assertSame(all.get(999), e.value());
            assertEquals(all.get(999).start, e.start());
            m++;
        }
        assertEquals(1, m);
        Iterator<Vma> it = t.iterator();
        it.next();
        t.remove(all.get(3).start);
        assertThrows(ConcurrentModificationException.class, it::next);
    }

    @Test
    void growToManyLevelsAndShrinkToEmpty() {
        VmaTree<Vma> t = new VmaTree<>();
        int n = 300_000; // height 3 with 64-way nodes
        for (int i = 0; i < n; i++) {
            add(t, 0x2000L * i, 0x2000L * i + 0x1000);
        }
        t.checkInvariants();
        assertEquals(n, t.size());
        for (int i = 0; i < n; i += 997) {
            assertEquals(0x2000L * i, t.find(0x2000L * i + 0xfff).start);
            assertEquals(0x2000L * (i + 1), i + 1 < n ? t.find(0x2000L * i + 0x1000).start : 0x2000L * (i + 1));
        }
        // remove in an order that hits merges and borrows on both sides
        Random rnd = new Random(3);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, rnd);
        for (int k = 0; k < n; k++) {
            t.remove(0x2000L * order.get(k));
            if (k % 20_000 == 0) {
                t.checkInvariants();
            }
        }
        assertEquals(0, t.size());
        t.checkInvariants();
        assertTrue(t.bytesUsed() < 4096, "nodes released: " + t.bytesUsed());
    }

    @Test
    void descendingInsertAndAscendingRemove() {
        VmaTree<Vma> t = new VmaTree<>();
        for (int i = 20_000; i > 0; i--) {
            add(t, 0x1000L * i, 0x1000L * i + 0x800);
        }
        t.checkInvariants();
        for (int i = 1; i <= 20_000; i++) {
            t.remove(0x1000L * i);
            if (i % 1000 == 0) {
                t.checkInvariants();
                assertEquals(0x1000L * (i + 1), i < 20_000 ? t.first().start : 0x1000L * (i + 1));
            }
        }
        assertTrue(t.isEmpty());
    }

    /** Random operations against a TreeMap model, checking every query kind and the invariants. */
    @Test
    void randomizedAgainstModel() {
        for (long seed = 1; seed <= 10; seed++) {
            randomRun(seed, seed % 2 == 0 ? 30_000 : 4_000, 60_000);
        }
    }

    private static void randomRun(long seed, int slots, int ops) {
        Random rnd = new Random(seed);
        VmaTree<Vma> t = new VmaTree<>();
        TreeMap<Long, Vma> model = new TreeMap<>(Long::compareUnsigned);
        long base = seed % 3 == 0 ? 0xffff_f000_0000_0000L : 0x1000; // sometimes the upper half
        for (int op = 0; op < ops; op++) {
            long a = base + ((long) rnd.nextInt(slots) << 12);
            int k = rnd.nextInt(100);
            if (k < 35) {
                long len = (1 + rnd.nextInt(8)) << 12;
                long e = a + len;
                Map.Entry<Long, Vma> fl = model.floorEntry(a);
                Map.Entry<Long, Vma> ce = model.ceilingEntry(a);
                boolean overlap = fl != null && Long.compareUnsigned(fl.getValue().end, a) > 0
                        || ce != null && Long.compareUnsigned(ce.getKey(), e) < 0;
                if (overlap) {
                    assertThrows(IllegalArgumentException.class, () -> t.insert(a, e, new Vma(a, e)));
                } else {
                    Vma v = new Vma(a, e);
                    t.insert(a, e, v);
                    model.put(a, v);
                }
            } else if (k < 55) {
                Map.Entry<Long, Vma> en = rnd.nextBoolean() ? model.ceilingEntry(a) : null;
                long s = en != null ? en.getKey() : a;
                t.remove(s);
                model.remove(s);
            } else if (k < 65) {
                Map.Entry<Long, Vma> en = model.ceilingEntry(a);
                if (en == null) {
                    continue;
                }
                Vma v = en.getValue();
                Map.Entry<Long, Vma> lo = model.lowerEntry(v.start);
                Map.Entry<Long, Vma> hi = model.higherEntry(v.start);
                long minStart = lo == null ? base : lo.getValue().end;
                long maxEnd = hi == null ? v.end + 0x10000 : hi.getKey();
                long ns = minStart + ((rnd.nextInt((int) ((v.end - minStart) >>> 12))) << 12);
                long ne = ns + ((1 + rnd.nextInt((int) Math.max(1, (maxEnd - ns) >>> 12))) << 12);
                if (Long.compareUnsigned(ne, maxEnd) > 0) {
                    ne = maxEnd;
                }
                assertTrue(t.update(v.start, ns, ne));
                model.remove(v.start);
                v.start = ns;
                v.end = ne;
                model.put(ns, v);
            } else {
                checkQueries(t, model, a + rnd.nextInt(0x1000) - 0x800);
            }
            if (op % 5000 == 0) {
                t.checkInvariants();
                assertEquals(model.size(), t.size());
                assertEquals(new ArrayList<>(model.values()), toList(t));
            }
        }
        t.checkInvariants();
        assertEquals(new ArrayList<>(model.values()), toList(t));
    }

    private static List<Vma> toList(VmaTree<Vma> t) {
        List<Vma> out = new ArrayList<>();
        t.forEach((s, e, v) -> {
            assertEquals(v.start, s);
            assertEquals(v.end, e);
            out.add(v);
        });
        return out;
    }

    private static void checkQueries(VmaTree<Vma> t, TreeMap<Long, Vma> model, long a) {
        Map.Entry<Long, Vma> fl = model.floorEntry(a);
        Vma containing = fl != null && Long.compareUnsigned(fl.getValue().end, a) > 0 ? fl.getValue() : null;
        Map.Entry<Long, Vma> hi = model.higherEntry(a);
        Vma find = containing != null ? containing : hi == null ? null : hi.getValue();
        assertSame(find, t.find(a));
        assertSame(containing, t.lookup(a));
        Map.Entry<Long, Vma> lower = model.lowerEntry(a);
        assertSame(lower == null ? null : lower.getValue(), t.prev(a));
        Map.Entry<Long, Vma> ceil = model.ceilingEntry(a);
        assertSame(ceil == null ? null : ceil.getValue(), t.next(a));
        Vma exact = model.get(a);
        assertSame(exact, t.get(a));
        long e = a + 0x3000;
        Vma inter = find != null && Long.compareUnsigned(find.start, e) < 0 ? find : null;
        assertSame(inter, t.findIntersection(a, e));
        VmaTree<Vma>.Cursor c = t.cursor().seek(a);
        if (find == null) {
            assertFalse(c.hasNext());
        } else {
            assertSame(find, c.next());
            Map.Entry<Long, Vma> after = model.higherEntry(find.start);
            if (after == null) {
                assertFalse(c.hasNext());
            } else {
                assertSame(after.getValue(), c.next());
            }
        }
    }

    /** ReverseCursor: seekBefore(a) then prev() repeatedly equals vma_prev (prev(a), then prev(start)) each step. */
    @Test
    void reverseCursorWalksDownLikeRepeatedPrev() {
        java.util.Random r = new java.util.Random(7);
        VmaTree<Long> t = new VmaTree<>();
        long a = 0x1000;
        for (int i = 0; i < 5000; i++) {
            a += (long) r.nextInt(3) << 12;
            long len = (1L + r.nextInt(4)) << 12;
            t.insert(a, a + len, a);
            a += len;
        }
        for (int q = 0; q < 300; q++) {
            long at = (long) (r.nextDouble() * (a + 0x10000));
            VmaTree<Long>.ReverseCursor c = t.reverseCursor().seekBefore(at);
            Long want = t.prev(at);
            for (int step = 0; step < 200 && want != null; step++) {
                org.junit.jupiter.api.Assertions.assertTrue(c.hasPrev());
                org.junit.jupiter.api.Assertions.assertEquals(want, c.prev());
                want = t.prev(want);
            }
            if (want == null) {
                org.junit.jupiter.api.Assertions.assertFalse(c.hasPrev());
            }
        }
        org.junit.jupiter.api.Assertions.assertFalse(new VmaTree<Long>().reverseCursor().seekBefore(0x5000).hasPrev());
    }

    /** find_vma through three levels (100k ranges) equals TreeMap's answer, also at range bounds and in gaps. */
    @Test
    void findOnADeepTreeMatchesTheModel() {
        Random r = new Random(11);
        VmaTree<Long> t = new VmaTree<>();
        TreeMap<Long, Long> byEnd = new TreeMap<>(); // end -> start
        long a = 0x5555_0000_0000L;
        for (int i = 0; i < 100_000; i++) {
            a += (long) r.nextInt(17) << 12;
            long len = (1L + r.nextInt(64)) << 12;
            t.insert(a, a + len, a);
            byEnd.put(a + len, a);
            a += len;
        }
        for (int q = 0; q < 200_000; q++) {
            long at = 0x5555_0000_0000L - 0x10000 + (long) (r.nextDouble() * (a - 0x5555_0000_0000L + 0x20000));
            at = switch (q % 4) {
                case 0 -> at;
                case 1 -> at & ~0xfffL;
                case 2 -> (at & ~0xfffL) - 1;
                default -> byEnd.ceilingKey(at) == null ? at : byEnd.ceilingKey(at);
            };
            Map.Entry<Long, Long> e = byEnd.higherEntry(at);
            assertEquals(e == null ? null : e.getValue(), t.find(at), "find 0x" + Long.toHexString(at));
        }
    }

    /**
     * Mapping in address order (appends) or in reverse (prepends, like top-down mmap) fills nodes completely:
     * about one node per 64 ranges, where middle splits would leave them half empty (twice as many).
     */
    @Test
    void inOrderAndReverseInsertsFillNodes() {
        int n = 64 * 200;
        VmaTree<Vma> up = new VmaTree<>();
        VmaTree<Vma> down = new VmaTree<>();
        for (int i = 0; i < n; i++) {
            add(up, 0x2000L * i, 0x2000L * i + 0x1000);
            add(down, 0x2000L * (n - i), 0x2000L * (n - i) + 0x1000);
        }
        up.checkInvariants();
        down.checkInvariants();
        assertTrue(up.nodeCount() <= n / 64 + 6, "ascending: " + up.nodeCount() + " nodes");
        assertTrue(down.nodeCount() <= n / 64 + 8, "descending: " + down.nodeCount() + " nodes");
        for (int i = 0; i < n; i += 7) {
            assertEquals(0x2000L * i, up.find(0x2000L * i + 0xfff).start);
            assertEquals(0x2000L * (i + 1), down.find(0x2000L * i + 0x1000).start);
        }
    }

    /**
     * Inserts at the first and last slot of full leaves (prepend and append splits that leave a one-range node),
     * then removals that merge those small nodes back, checked against the model after every step.
     */
    @Test
    void splitsAndMergesAtNodeBoundaries() {
        VmaTree<Vma> t = new VmaTree<>();
        TreeMap<Long, Vma> model = new TreeMap<>(Long::compareUnsigned);
        int n = 64 * 64 * 2; // full leaves and a full inner level: boundary splits also split inner nodes
        for (int i = 0; i < n; i++) {
            long s = 0x10_0000L * i;
            model.put(s, add(t, s, s + 0x1000));
        }
        t.checkInvariants();
        Random rnd = new Random(5);
        List<Long> added = new ArrayList<>();
        for (int k = 0; k < n; k += 64) { // just below the first range of each leaf, and above its last one
            for (long s : new long[] {0x10_0000L * k - 0x2000, 0x10_0000L * (k + 63) + 0x2000}) {
                if (s >= 0 && !model.containsKey(s)) {
                    model.put(s, add(t, s, s + 0x1000));
                    added.add(s);
                }
            }
            if (k % 1024 == 0) {
                t.checkInvariants();
                checkQueries(t, model, 0x10_0000L * k - 0x2000 + rnd.nextInt(0x4000));
            }
        }
        t.checkInvariants();
        assertEquals(new ArrayList<>(model.values()), toList(t));
        for (int q = 0; q < 20_000; q++) {
            checkQueries(t, model, (long) (rnd.nextDouble() * 0x10_0000L * (n + 1)));
        }
        java.util.Collections.shuffle(added, rnd);
        for (int k = 0; k < added.size(); k++) {
            t.remove(added.get(k));
            model.remove(added.get(k));
            if (k % 16 == 0) {
                t.checkInvariants();
                checkQueries(t, model, added.get(k) + rnd.nextInt(0x1000));
            }
        }
        for (int i = n - 1; i >= 0; i -= 2) { // thin out every leaf: borrows and merges everywhere
            t.remove(0x10_0000L * i);
            model.remove(0x10_0000L * i);
        }
        t.checkInvariants();
        assertEquals(new ArrayList<>(model.values()), toList(t));
        for (int q = 0; q < 20_000; q++) {
            checkQueries(t, model, (long) (rnd.nextDouble() * 0x10_0000L * (n + 1)));
        }
    }

    /** Ranges next to 0, on both sides of 2^63 and up to the last byte below 2^64, queried at the edges. */
    @Test
    void unsignedEdgesOnADeepTree() {
        VmaTree<Vma> t = new VmaTree<>();
        TreeMap<Long, Vma> model = new TreeMap<>(Long::compareUnsigned);
        long[] bases = {0, 0x7fff_ffff_ff00_0000L, 0xffff_ffff_ff00_0000L};
        for (long base : bases) {
            for (int i = 0; i < 4000; i++) {
                long s = base + 0x1000L * i;
                long e = s + 0xfff;
                if (i == 4000 - 1 && base < 0) {
                    s = 0xffff_ffff_ffff_f000L; // the very top: end = 2^64 - 1 (the padding key, flipped)
                    e = 0xffff_ffff_ffff_ffffL;
                }
                model.put(s, add(t, s, e));
            }
        }
        t.checkInvariants();
        Vma top = model.lastEntry().getValue();
        assertSame(top, t.find(-2));
        assertNull(t.find(-1));
        assertSame(top, t.lookup(-2));
        assertNull(t.lookup(-1));
        assertSame(top, t.prev(-1));
        assertSame(model.firstEntry().getValue(), t.find(0));
        assertSame(model.ceilingEntry(0x8000_0000_0000_0000L).getValue(), t.find(0x8000_0000_0000_0000L));
        Random rnd = new Random(9);
        for (long base : bases) {
            for (long a : new long[] {base - 1, base, base + 0xffe, base + 0xfff, base + 0x1000, -1, -2, 0,
                    Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE - 0xfff}) {
                checkQueries(t, model, a);
            }
            for (int q = 0; q < 5000; q++) {
                checkQueries(t, model, base + (long) (rnd.nextDouble() * 0x1000L * 4100) - 0x1000);
            }
        }
        List<Long> keys = new ArrayList<>(model.keySet());
        java.util.Collections.shuffle(keys, rnd);
        for (int k = 0; k < keys.size(); k++) {
            t.remove(keys.get(k));
            model.remove(keys.get(k));
            if (k % 500 == 0) {
                t.checkInvariants();
                for (long base : bases) {
                    checkQueries(t, model, base + (long) (rnd.nextDouble() * 0x1000L * 4100) - 0x1000);
                }
                checkQueries(t, model, -2);
            }
        }
        assertTrue(t.isEmpty());
        t.checkInvariants();
    }

    /** 300k ranges inserted in random order (middle splits), find_vma checked, then shrunk to empty. */
    @Test
    void randomOrderGrowTo300kAndShrink() {
        int n = 300_000;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Random rnd = new Random(13);
        java.util.Collections.shuffle(order, rnd);
        VmaTree<Vma> t = new VmaTree<>();
        TreeMap<Long, Vma> byEnd = new TreeMap<>();
        for (int k = 0; k < n; k++) {
            long s = 0x4000L * order.get(k);
            Vma v = add(t, s, s + 0x1000 + ((order.get(k) & 1) << 12));
            byEnd.put(v.end, v);
        }
        t.checkInvariants();
        assertEquals(n, t.size());
        for (int k = 0; k < n; k++) {
            long s = 0x4000L * order.get(k);
            t.remove(s);
            byEnd.remove(s + 0x1000 + ((order.get(k) & 1) << 12));
            if (k % 30_000 == 0) {
                t.checkInvariants();
                for (int q = 0; q < 2000; q++) {
                    long a = (long) (rnd.nextDouble() * 0x4000L * (n + 1));
                    Map.Entry<Long, Vma> e = byEnd.higherEntry(a);
                    assertSame(e == null ? null : e.getValue(), t.find(a));
                }
            }
        }
        assertTrue(t.isEmpty());
        t.checkInvariants();
    }
}
