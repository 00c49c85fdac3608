package org.mmwb.core.internal.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PhysMemTest {

    @Test
    void zeroPageIsAllocatedAndImmortal() {
        PhysMem pm = new PhysMem();
        long z = pm.zeroPfn();
        assertEquals(PhysMem.RAM_START_PFN, z);
        assertEquals(1, pm.allocatedFrames());
        assertEquals(PhysMem.KIND_KERNEL, pm.kind(z));
        assertEquals(1, pm.refcount(z));
        pm.get(z);
        assertFalse(pm.put(z));
        assertFalse(pm.put(z));
        pm.incMapcount(z);
        pm.decMapcount(z);
        assertEquals(1, pm.refcount(z));
        assertEquals(0, pm.mapcount(z));
        assertTrue(pm.isAllocated(z));
        assertEquals(0, pm.read(z, 0));
    }

    @Test
    void allocGetPutFreesAtZeroAndReuses() {
        PhysMem pm = new PhysMem();
        long a = pm.alloc(PhysMem.KIND_ANON);
        long b = pm.alloc(PhysMem.KIND_FILE);
        assertNotEquals(a, b);
        assertEquals(PhysMem.KIND_ANON, pm.kind(a));
        assertEquals(PhysMem.KIND_FILE, pm.kind(b));
        assertEquals(1, pm.refcount(a));
        assertEquals(0, pm.mapcount(a));
        pm.get(a);
        assertEquals(2, pm.refcount(a));
        assertFalse(pm.put(a));
        assertTrue(pm.put(a));
        assertEquals(0, pm.refcount(a));
        assertEquals(PhysMem.KIND_FREE, pm.kind(a));
        assertFalse(pm.isAllocated(a));
        assertEquals(2, pm.allocatedFrames());
        assertThrows(IllegalStateException.class, () -> pm.put(a));
        assertThrows(IllegalStateException.class, () -> pm.get(a));
        long c = pm.alloc(PhysMem.KIND_KERNEL);
        assertEquals(a, c, "freed frame reused first");
        assertEquals(PhysMem.KIND_KERNEL, pm.kind(c));
        assertEquals(1, pm.refcount(c));
        assertThrows(IllegalArgumentException.class, () -> pm.alloc(PhysMem.KIND_FREE));
    }

    @Test
    void mapcountAndAnonExclusive() {
        PhysMem pm = new PhysMem();
        long a = pm.alloc(PhysMem.KIND_ANON);
        pm.incMapcount(a);
        pm.incMapcount(a);
        assertEquals(2, pm.mapcount(a));
        assertEquals(1, pm.refcount(a), "mapcount and refcount are independent fields");
        pm.decMapcount(a);
        assertEquals(1, pm.mapcount(a));
        pm.decMapcount(a);
        assertThrows(IllegalStateException.class, () -> pm.decMapcount(a));
        assertFalse(pm.anonExclusive(a));
        pm.setAnonExclusive(a, true);
        assertTrue(pm.anonExclusive(a));
        assertEquals(PhysMem.KIND_ANON, pm.kind(a));
        pm.setAnonExclusive(a, false);
        assertFalse(pm.anonExclusive(a));
        pm.setAnonExclusive(a, true);
        pm.put(a);
        long b = pm.alloc(PhysMem.KIND_ANON);
        assertEquals(a, b);
        assertFalse(pm.anonExclusive(b), "a new page starts without PageAnonExclusive");
    }

    @Test
    void ioHoleIsNotRamAndSkipped() {
        PhysMem pm = new PhysMem();
        assertTrue(pm.isRam(0x1000));
        assertFalse(pm.isRam(0xfed00));
        assertFalse(pm.isRam(PhysMem.IO_PFN_BASE));
        assertTrue(pm.isRam(PhysMem.IO_PFN_END));
        assertFalse(pm.isRam(-1));
        assertFalse(pm.isRam(PhysMem.MAX_PFN));
        assertEquals(PhysMem.KIND_IO, pm.kind(0xfed00));
        assertEquals(0, pm.refcount(0xfed00));
        pm.get(0xfed00); // no-ops on device memory
        assertFalse(pm.put(0xfed00));
        pm.incMapcount(0xfed00);
        assertEquals(0, pm.mapcount(0xfed00));
        // device registers can be written and read
        pm.write(0xfed00, 0xf0, (byte) 0x11);
        assertEquals(0x11, pm.read(0xfed00, 0xf0));
        // allocate past the hole
        long n = PhysMem.IO_PFN_BASE - PhysMem.RAM_START_PFN + 10;
        long last = 0;
        for (long i = 1; i < n; i++) {
            last = pm.alloc(PhysMem.KIND_ANON);
            assertTrue(pm.isRam(last), "pfn 0x" + Long.toHexString(last));
        }
        assertEquals(PhysMem.IO_PFN_END + 9, last);
        assertEquals(n, pm.allocatedFrames());
        assertEquals(PhysMem.KIND_ANON, pm.kind(last));
        pm.write(last, 7, (byte) 3);
        assertEquals(3, pm.read(last, 7));
        assertTrue(pm.put(last));
        assertEquals(0, pm.read(last, 7));
    }

    @Test
    void contentsAreSparseAndFreedWithTheFrame() {
        PhysMem pm = new PhysMem();
        long a = pm.alloc(PhysMem.KIND_ANON);
        for (int off = 0; off < 4096; off += 512) {
            assertEquals(0, pm.read(a, off));
        }
        pm.write(a, 0, (byte) 'Z');
        assertEquals('Z', pm.read(a, 0));
        long before = pm.bytesUsed();
        pm.write(a, 4095, (byte) -1);
        pm.write(a, 1, (byte) 1);
        assertEquals(-1, pm.read(a, 4095));
        assertEquals(1, pm.read(a, 1));
        assertTrue(pm.bytesUsed() - before < 1024, "no byte[4096] for a frame");
        pm.write(a, 1, (byte) 0);
        assertEquals(0, pm.read(a, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> pm.read(a, 4096));
        assertThrows(IndexOutOfBoundsException.class, () -> pm.write(a, -1, (byte) 1));
        pm.put(a);
        pm.write(a, 5, (byte) 5); // dropped: the frame is free
        long b = pm.alloc(PhysMem.KIND_ANON);
        assertEquals(a, b);
        assertEquals(0, pm.read(b, 0));
        assertEquals(0, pm.read(b, 4095));
        assertEquals(0, pm.read(b, 5));
        pm.write(b, 9, (byte) 9);
        assertEquals(0, pm.read(b, 4095), "old extra bytes must not come back");
    }

    @Test
    void copyReplacesContents() {
        PhysMem pm = new PhysMem();
        long a = pm.alloc(PhysMem.KIND_ANON);
        long b = pm.alloc(PhysMem.KIND_ANON);
        pm.write(a, 0, (byte) 'A');
        pm.write(a, 100, (byte) 'B');
        pm.write(b, 200, (byte) 'C');
        pm.copy(a, b);
        assertEquals('A', pm.read(b, 0));
        assertEquals('B', pm.read(b, 100));
        assertEquals(0, pm.read(b, 200));
        pm.write(b, 100, (byte) 'X');
        assertEquals('B', pm.read(a, 100), "copy is deep");
        long c = pm.alloc(PhysMem.KIND_ANON);
        pm.copy(pm.zeroPfn(), c);
        for (int off : new int[] {0, 100, 4095}) {
            assertEquals(0, pm.read(c, off));
        }
        pm.write(0xfed00, 3, (byte) 0x33);
        pm.copy(0xfed00, c); // from device memory
        assertEquals(0x33, pm.read(c, 3));
    }

    @Test
    void countsBeyondSixteenBitsAreExact() {
        PhysMem pm = new PhysMem();
        long a = pm.alloc(PhysMem.KIND_ANON);
        long other = pm.alloc(PhysMem.KIND_ANON);
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            pm.get(a);
            pm.incMapcount(a);
        }
        assertEquals(n + 1, pm.refcount(a));
        assertEquals(n, pm.mapcount(a));
        assertEquals(1, pm.refcount(other), "neighbour untouched");
        assertEquals(0, pm.mapcount(other));
        pm.setAnonExclusive(a, true);
        pm.write(a, 0, (byte) 7);
        for (int i = 0; i < n; i++) {
            pm.decMapcount(a);
            assertFalse(pm.put(a));
            if (i % 10_007 == 0) {
                assertEquals(n - i, pm.refcount(a));
                assertEquals(n - i - 1, pm.mapcount(a));
            }
        }
        assertEquals(1, pm.refcount(a));
        assertEquals(0, pm.mapcount(a));
        assertTrue(pm.anonExclusive(a));
        assertEquals(7, pm.read(a, 0));
        assertTrue(pm.put(a));
        long b = pm.alloc(PhysMem.KIND_ANON);
        assertEquals(a, b);
        assertEquals(1, pm.refcount(b));
        assertEquals(0, pm.mapcount(b));
    }

    @Test
    void metadataIsAtMostEightBytesPerFrame() {
        PhysMem pm = new PhysMem();
        long base = pm.bytesUsed();
        int n = 1 << 20;
        for (int i = 0; i < n; i++) {
            pm.alloc(PhysMem.KIND_ANON);
        }
        double perFrame = (pm.bytesUsed() - base) / (double) n;
        assertTrue(perFrame <= 6.1, "bytes per frame " + perFrame);
    }

    /** Random operations against a HashMap model. */
    @Test
    void randomizedAgainstModel() {
        for (long seed = 1; seed <= 5; seed++) {
            Random rnd = new Random(seed);
            PhysMem pm = new PhysMem();
            Map<Long, int[]> model = new HashMap<>(); // pfn -> {ref, map, kind, excl}
            Map<Long, Byte> bytes = new HashMap<>(); // (pfn << 12 | off) -> byte
            List<Long> live = new ArrayList<>();
            Set<Long> everFreed = new HashSet<>();
            for (int op = 0; op < 100_000; op++) {
                int k = rnd.nextInt(100);
                if (live.isEmpty() || k < 15) {
                    int kind = 1 + rnd.nextInt(3);
                    long pfn = pm.alloc(kind);
                    assertFalse(model.containsKey(pfn), "double allocation");
                    model.put(pfn, new int[] {1, 0, kind, 0});
                    live.add(pfn);
                    continue;
                }
                int li = rnd.nextInt(live.size());
                long pfn = live.get(li);
                int[] m = model.get(pfn);
                if (k < 30) {
                    pm.get(pfn);
                    m[0]++;
                } else if (k < 45) {
                    boolean freed = pm.put(pfn);
                    m[0]--;
                    assertEquals(m[0] == 0, freed);
                    if (freed) {
                        model.remove(pfn);
                        live.set(li, live.get(live.size() - 1));
                        live.remove(live.size() - 1);
                        bytes.keySet().removeIf(key -> (key >>> 12) == pfn);
                        everFreed.add(pfn);
                    }
                } else if (k < 55) {
                    pm.incMapcount(pfn);
                    m[1]++;
                } else if (k < 60 && m[1] > 0) {
                    pm.decMapcount(pfn);
                    m[1]--;
                } else if (k < 65) {
                    boolean x = rnd.nextBoolean();
                    pm.setAnonExclusive(pfn, x);
                    m[3] = x ? 1 : 0;
                } else if (k < 85) {
                    int off = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(4096);
                    byte b = (byte) rnd.nextInt(256);
                    pm.write(pfn, off, b);
                    if (b == 0) {
                        bytes.remove((pfn << 12) | off);
                    } else {
                        bytes.put((pfn << 12) | off, b);
                    }
                } else if (k < 88) {
                    long to = live.get(rnd.nextInt(live.size()));
                    pm.copy(pfn, to);
                    if (to != pfn) {
                        bytes.keySet().removeIf(key -> (key >>> 12) == to);
                        Map<Long, Byte> add = new HashMap<>();
                        bytes.forEach((key, v) -> {
                            if ((key >>> 12) == pfn) {
                                add.put((to << 12) | (key & 0xfff), v);
                            }
                        });
                        bytes.putAll(add);
                    }
                } else {
                    // read a written byte or a random one
                    int off = rnd.nextInt(4096);
                    Byte want = bytes.get((pfn << 12) | off);
                    assertEquals(want == null ? 0 : want, pm.read(pfn, off));
                }
            }
            assertEquals(model.size() + 1, pm.allocatedFrames());
            for (Map.Entry<Long, int[]> e : model.entrySet()) {
                long pfn = e.getKey();
                int[] m = e.getValue();
                assertEquals(m[0], pm.refcount(pfn));
                assertEquals(m[1], pm.mapcount(pfn));
                assertEquals(m[2], pm.kind(pfn));
                assertEquals(m[3] == 1, pm.anonExclusive(pfn));
            }
            for (Map.Entry<Long, Byte> e : bytes.entrySet()) {
                assertEquals((byte) e.getValue(), pm.read(e.getKey() >>> 12, (int) (e.getKey() & 0xfff)));
            }
            assertFalse(everFreed.isEmpty());
        }
    }

    /** alloc_page returns NULL (NO_PAGE) when RAM is used up; page-table pages share RAM and have a cap. */
    @org.junit.jupiter.api.Test
    void allocFailsWhenRamIsUsedUp() {
        PhysMem m = new PhysMem(10);
        assertEquals(9, m.freeFrames()); // the zero page
        assertTrue(m.tryChargePgtable());
        long[] got = new long[8];
        for (int i = 0; i < 8; i++) {
            got[i] = m.alloc(PhysMem.KIND_ANON);
            assertNotEquals(PhysMem.NO_PAGE, got[i]);
        }
        assertEquals(PhysMem.NO_PAGE, m.alloc(PhysMem.KIND_ANON));
        assertFalse(m.tryChargePgtable());
        m.unchargePgtable();
        assertNotEquals(PhysMem.NO_PAGE, m.alloc(PhysMem.KIND_FILE));
        assertTrue(m.put(got[0]));
        assertEquals(got[0], m.alloc(PhysMem.KIND_ANON));
        m.setRamFrames(100);
        m.setMaxPgtableFrames(2);
        assertTrue(m.tryChargePgtable());
        assertTrue(m.tryChargePgtable());
        assertFalse(m.tryChargePgtable());
        assertEquals(2, m.pgtableFrames());
    }
}
