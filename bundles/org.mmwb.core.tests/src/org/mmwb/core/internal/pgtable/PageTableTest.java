package org.mmwb.core.internal.pgtable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PageTableTest {

    private static final long P = Pte.PRESENT | Pte.RW | Pte.USER;

    @ParameterizedTest
    @ValueSource(ints = {4, 5})
    void setGetClear(int levels) {
        PageTable pt = new PageTable(levels);
        assertEquals(levels, pt.levels());
        assertEquals(1, pt.tablePages());
        long va = 0x7f12_3456_7000L;
        assertEquals(0, pt.get(va));
        pt.set(va + 0x123, Pte.mk(42, P)); // any address in the page
        assertEquals(Pte.mk(42, P), pt.get(va));
        assertEquals(Pte.mk(42, P), pt.get(va + 0xfff));
        assertEquals(0, pt.get(va + 0x1000));
        assertEquals(0, pt.get(va - 0x1000));
        assertEquals(levels, pt.tablePages()); // pgd + (p4d) + pud + pmd + pte
        assertEquals(3 * 4096, pt.pgtablesBytes());
        assertEquals(Pte.mk(42, P), pt.clear(va));
        assertEquals(0, pt.get(va));
        assertEquals(0, pt.clear(va));
        assertEquals(0, pt.clear(0x1234_0000_0000L)); // nothing there: no allocation
        assertEquals(levels, pt.tablePages());
    }

    @Test
    void setZeroWhereNothingIsAllocatesNothing() {
        PageTable pt = new PageTable(4);
        pt.set(0x4000_0000L, 0);
        assertEquals(1, pt.tablePages());
    }

    @Test
    void badLevelsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PageTable(3));
    }

    @Test
    void fiveLevelUsesBitsAbove47() {
        PageTable pt = new PageTable(5);
        long high = 0x00ff_1234_5678_9000L; // needs LA57
        long low = high & ((1L << 47) - 1);
        pt.set(high, Pte.mk(1, P));
        pt.set(low, Pte.mk(2, P));
        assertEquals(Pte.mk(1, P), pt.get(high));
        assertEquals(Pte.mk(2, P), pt.get(low));
        long[] walk = new long[5];
        assertEquals(5, pt.walk(high, walk));
        assertEquals(Pte.mk(1, P), walk[4]);
        assertEquals("p4d", pt.levelName(1));
        assertEquals("pgd", pt.levelName(0));
        assertEquals("pte", pt.levelName(4));
    }

    @Test
    void upperHalfAddressesAreVisitedInUnsignedOrder() {
        PageTable pt = new PageTable(4);
        long vsyscall = 0xffff_ffff_ff60_0000L;
        pt.set(vsyscall, Pte.mk(7, Pte.PRESENT | Pte.USER));
        pt.set(0x1000, Pte.mk(8, P));
        assertEquals(Pte.mk(7, Pte.PRESENT | Pte.USER), pt.get(vsyscall));
        List<Long> seen = new ArrayList<>();
        pt.forEach(0, 0, (va, pte) -> {
            seen.add(va);
            return pte;
        });
        assertEquals(List.of(0x1000L, vsyscall), seen);
        seen.clear();
        pt.forEach(0xffff_8000_0000_0000L, 0, (va, pte) -> {
            seen.add(va);
            return pte;
        });
        assertEquals(List.of(vsyscall), seen);
        seen.clear();
        pt.forEach(0x1000, 0x8000_0000_0000_0000L, (va, pte) -> { // end in the non-canonical hole
            seen.add(va);
            return pte;
        });
        assertEquals(List.of(0x1000L), seen);
    }

    @Test
    void forEachRewritesAndClears() {
        PageTable pt = new PageTable(4);
        long base = 0x5555_5555_0000L;
        for (int i = 0; i < 1500; i++) { // crosses PTE tables
            pt.set(base + i * 4096L, Pte.mk(100 + i, P));
        }
        pt.set(base + 600 * 4096L, Pte.guardMarker());
        int[] n = {0};
        pt.forEach(base + 10 * 4096L, base + 1000 * 4096L, (va, pte) -> {
            n[0]++;
            long i = (va - base) / 4096;
            return i % 2 == 0 ? 0 : Pte.mkdirty(pte);
        });
        assertEquals(990, n[0]);
        assertEquals(Pte.mk(109, P), pt.get(base + 9 * 4096L));
        assertEquals(0, pt.get(base + 10 * 4096L));
        assertEquals(Pte.mkdirty(Pte.mk(111, P)), pt.get(base + 11 * 4096L));
        assertEquals(0, pt.get(base + 600 * 4096L), "marker visited and cleared");
        assertEquals(Pte.mk(1000 + 100, P), pt.get(base + 1000 * 4096L));
        // empty range and reversed range visit nothing
        pt.forEach(base, base, (va, pte) -> {
            throw new AssertionError();
        });
        pt.forEach(base + 4096, base, (va, pte) -> {
            throw new AssertionError();
        });
    }

    @Test
    void hugePmdLifecycle() {
        PageTable pt = new PageTable(4);
        long va = 0x4000_0000L;
        long pmd = Pte.mk(0x200, P | Pte.PSE | Pte.DIRTY);
        pt.setHugePmd(va + 0x1234, pmd); // rounds down
        assertEquals(pmd, pt.hugePmd(va));
        assertEquals(pmd, pt.hugePmd(va + PageTable.PMD_SIZE - 1));
        assertEquals(0, pt.hugePmd(va + PageTable.PMD_SIZE));
        assertEquals(0, pt.get(va + 0x5000), "4K get inside a huge mapping is 0");
        assertThrows(IllegalStateException.class, () -> pt.set(va + 0x5000, Pte.mk(1, P)));
        assertThrows(IllegalArgumentException.class, () -> pt.setHugePmd(va, Pte.mk(0x200, P)));
        long[] w = new long[4];
        assertEquals(3, pt.walk(va, w), "walk stops at the huge leaf");
        assertEquals(pmd, w[2]);
        assertEquals(0, w[3]);
        List<Long> huge = new ArrayList<>();
        pt.forEachHugePmd(va + 0x10000, va + 0x20000, (a, e) -> {
            huge.add(a);
            return Pte.mkyoung(e);
        });
        assertEquals(List.of(va), huge);
        assertEquals(Pte.mkyoung(pmd), pt.hugePmd(va));
        pt.forEach(0, 0, (a, e) -> {
            throw new AssertionError("forEach must skip huge leaves");
        });
        assertEquals(Pte.mkyoung(pmd), pt.clearHugePmd(va));
        assertEquals(0, pt.clearHugePmd(va));
        assertEquals(0, pt.hugePmd(va));
        pt.set(va + 0x5000, Pte.mk(1, P)); // now allowed
        assertEquals(Pte.mk(1, P), pt.get(va + 0x5000));
        assertEquals(0, pt.hugePmd(va));
        assertEquals(0, pt.clearHugePmd(va), "a PTE table is not a huge leaf");
    }

    @Test
    void setHugePmdReplacesEmptyPteTableButNotABusyOne() {
        PageTable pt = new PageTable(4);
        long va = 0x60_0000L;
        pt.set(va, Pte.mk(1, P));
        assertEquals(4, pt.tablePages());
        long pmd = Pte.mk(0x400, P | Pte.PSE);
        assertThrows(IllegalStateException.class, () -> pt.setHugePmd(va, pmd));
        pt.clear(va);
        pt.setHugePmd(va, pmd);
        assertEquals(3, pt.tablePages(), "empty PTE table freed");
        assertEquals(pmd, pt.hugePmd(va));
        assertEquals(0, pt.get(va), "cached PTE table must not survive");
    }

    @Test
    void splitHugePmdMapsSameFrames() {
        PageTable pt = new PageTable(4);
        long va = 0x20_0000L;
        pt.setHugePmd(va, Pte.mk(0x600, P | Pte.PSE | Pte.DIRTY) | Pte.PAT_LARGE);
        assertTrue(pt.splitHugePmd(va + 0x3000));
        assertFalse(pt.splitHugePmd(va));
        assertEquals(0, pt.hugePmd(va));
        for (int i = 0; i < 512; i++) {
            long pte = pt.get(va + i * 4096L);
            assertEquals(0x600 + i, Pte.pfn(pte));
            assertEquals(P | Pte.DIRTY | Pte.PAT, pte & ~Pte.PFN_MASK);
        }
        assertFalse(pt.splitHugePmd(0x8000_0000L), "nothing there");
    }

    @Test
    void freePgtablesFreesOnlyWholeEmptySpans() {
        PageTable pt = new PageTable(4);
        long a = 0x40_0000L; // PMD-aligned 4 MiB
        pt.set(a, Pte.mk(1, P));
        pt.set(a + PageTable.PMD_SIZE, Pte.mk(2, P)); // second PTE table
        assertEquals(5, pt.tablePages());
        pt.clear(a);
        // range covers the first PTE table only partly: kept
        pt.freePgtables(a + 4096, a + PageTable.PMD_SIZE);
        assertEquals(5, pt.tablePages());
        // now wholly: freed
        pt.freePgtables(a, a + PageTable.PMD_SIZE);
        assertEquals(4, pt.tablePages());
        assertEquals(Pte.mk(2, P), pt.get(a + PageTable.PMD_SIZE));
        // a non-empty table is never freed
        pt.freePgtables(0, 0);
        assertEquals(4, pt.tablePages());
        pt.clear(a + PageTable.PMD_SIZE);
        pt.freePgtables(0, 0);
        assertEquals(1, pt.tablePages(), "only the pgd remains");
        assertEquals(0, pt.pgtablesBytes());
        assertEquals(0, pt.get(a + PageTable.PMD_SIZE));
        pt.set(a, Pte.mk(3, P)); // tables come back (from the free list)
        assertEquals(Pte.mk(3, P), pt.get(a));
        assertEquals(4, pt.tablePages());
    }

    @Test
    void walkReportsEachLevel() {
        PageTable pt = new PageTable(4);
        long[] out = new long[4];
        assertEquals(1, pt.walk(0x1000, out));
        assertArrayEquals(new long[4], out);
        pt.set(0x1000, Pte.mk(9, P));
        assertEquals(4, pt.walk(0x1000, out));
        for (int d = 0; d < 3; d++) {
            assertEquals(Pte.TABLE, out[d] & ~Pte.PFN_MASK);
        }
        assertEquals(Pte.mk(9, P), out[3]);
        assertEquals(4, pt.walk(0x2000, out), "empty PTE read at the last level");
        assertEquals(0, out[3]);
        assertEquals(2, pt.walk(0x8000_0000L, out), "pud entry empty");
    }

    @Test
    void readOnlyIterationFollowsEntries() {
        PageTable pt = new PageTable(4);
        long va = 0x7fff_f000_0000L;
        pt.set(va, Pte.mk(77, P));
        int t = pt.root();
        assertEquals(0, pt.depth(t));
        for (int d = 0; d < 3; d++) {
            int idx = (int) (va >>> (39 - 9 * d)) & 511;
            assertEquals(-1, pt.child(t, (idx + 1) & 511));
            int c = pt.child(t, idx);
            assertTrue(c >= 0);
            assertEquals(PageTable.TABLE_PFN_BASE + c, Pte.pfn(pt.entry(t, idx)));
            t = c;
            assertEquals(d + 1, pt.depth(t));
        }
        int idx = (int) (va >>> 12) & 511;
        assertEquals(Pte.mk(77, P), pt.entry(t, idx));
        assertEquals(-1, pt.child(t, idx), "PTE level has no children");
    }

    @Test
    void bytesUsedGrowsWithTables() {
        PageTable pt = new PageTable(4);
        long before = pt.bytesUsed();
        for (long i = 0; i < 100; i++) {
            pt.set(i * PageTable.PMD_SIZE, Pte.mk(i + 1, P));
        }
        long grown = pt.bytesUsed() - before;
        assertTrue(grown >= 101 * 4096L && grown < 101 * 4300L, "grown " + grown);
    }

    /** Random operations against a TreeMap model, with invariant checks. */
    @ParameterizedTest
    @ValueSource(ints = {4, 5})
    void randomizedAgainstModel(int levels) {
        for (long seed = 1; seed <= 6; seed++) {
            randomRun(levels, seed, 20_000);
        }
    }

    private static void randomRun(int levels, long seed, int ops) {
        Random rnd = new Random(seed);
        PageTable pt = new PageTable(levels);
        TreeMap<Long, Long> model = new TreeMap<>(Long::compareUnsigned);
        TreeMap<Long, Long> hugeModel = new TreeMap<>(Long::compareUnsigned);
        long[] bases = levels == 5
                ? new long[] {0, 0x5555_0000_0000L, 0x7fff_ff00_0000L, 0x00ff_fe00_0000_0000L, 0xffff_ffff_ff60_0000L,
                    0xff00_0000_0000_0000L}
                : new long[] {0, 0x5555_0000_0000L, 0x7fff_fd00_0000L, 0xffff_ffff_ff60_0000L, 0xffff_8880_0000_0000L};
        for (int op = 0; op < ops; op++) {
            long base = bases[rnd.nextInt(bases.length)];
            long va = base + ((long) rnd.nextInt(1 << 13) << 12); // 32 MiB window
            long pmdBase = va & -PageTable.PMD_SIZE;
            int kind = rnd.nextInt(100);
            if (hugeModel.containsKey(pmdBase)) {
                if (kind < 30) {
                    assertEquals(hugeModel.remove(pmdBase), pt.clearHugePmd(va));
                } else if (kind < 40) {
                    assertTrue(pt.splitHugePmd(va));
                    long pmd = hugeModel.remove(pmdBase);
                    for (int i = 0; i < 512; i++) {
                        model.put(pmdBase + i * 4096L, Pte.mk(Pte.pmdPfn(pmd) + i, pmd & ~Pte.PFN_MASK & ~Pte.PSE));
                    }
                } else {
                    assertEquals(hugeModel.get(pmdBase), pt.hugePmd(va));
                    assertEquals(0, pt.get(va));
                }
                continue;
            }
            if (kind < 45) {
                long pte = rnd.nextInt(10) == 0 ? Pte.guardMarker() : Pte.mk(rnd.nextInt(1 << 20) + 1, P);
                pt.set(va, pte);
                model.put(va & ~0xfffL, pte);
            } else if (kind < 60) {
                Long old = model.remove(va & ~0xfffL);
                assertEquals(old == null ? 0 : old, pt.clear(va));
            } else if (kind < 75) {
                Long m = model.get(va & ~0xfffL);
                assertEquals(m == null ? 0 : m, pt.get(va));
            } else if (kind < 80) {
                long pmdEnd = pmdBase + PageTable.PMD_SIZE;
                boolean empty = (pmdEnd == 0 ? model.tailMap(pmdBase, true) : model.subMap(pmdBase, true, pmdEnd, false))
                        .isEmpty();
                long pmd = Pte.mk((rnd.nextInt(1 << 10) + 1) << 9, P | Pte.PSE);
                if (empty) {
                    pt.setHugePmd(va, pmd);
                    hugeModel.put(pmdBase, pmd);
                } else {
                    assertThrows(IllegalStateException.class, () -> pt.setHugePmd(va, pmd));
                }
            } else if (kind < 90) {
                long end = va + ((long) rnd.nextInt(1 << 12) << 12);
                if (Long.compareUnsigned(end, va) < 0) {
                    end = 0; // wrapped past the top: "to the top"
                }
                int mode = rnd.nextInt(3);
                TreeMap<Long, Long> expect = new TreeMap<>(Long::compareUnsigned);
                expect.putAll(end == 0 ? model.tailMap(va & ~0xfffL, true)
                        : model.subMap(va & ~0xfffL, true, end, false));
                List<Long> seen = new ArrayList<>();
                pt.forEach(va & ~0xfffL, end, (a, e) -> {
                    seen.add(a);
                    assertEquals(expect.get(a), e);
                    return switch (mode) {
                        case 0 -> e;
                        case 1 -> 0;
                        default -> Pte.isMarker(e) ? e : Pte.mkdirty(e);
                    };
                });
                assertEquals(new ArrayList<>(expect.keySet()), seen);
                for (Map.Entry<Long, Long> en : expect.entrySet()) {
                    if (mode == 1) {
                        model.remove(en.getKey());
                    } else if (mode == 2 && !Pte.isMarker(en.getValue())) {
                        model.put(en.getKey(), Pte.mkdirty(en.getValue()));
                    }
                }
            } else {
                long start = va & ~0xfffL;
                long end = start + ((long) rnd.nextInt(1 << 14) << 12);
                long tablesBefore = pt.tablePages();
                pt.freePgtables(start, end);
                assertTrue(pt.tablePages() <= tablesBefore);
                checkFreed(pt, levels, start, end);
            }
            if (op % 2000 == 0) {
                checkAll(pt, levels, model, hugeModel);
            }
        }
        checkAll(pt, levels, model, hugeModel);
        // zap everything and free: only the pgd stays
        pt.forEach(0, 0, (a, e) -> 0);
        pt.forEachHugePmd(0, 0, (a, e) -> 0);
        pt.freePgtables(0, 0);
        assertEquals(1, pt.tablePages());
    }

    /** Model equals content; counted tables equal tablePages(); every reachable entry decodes sanely. */
    private static void checkAll(PageTable pt, int levels, TreeMap<Long, Long> model, TreeMap<Long, Long> huge) {
        TreeMap<Long, Long> seen = new TreeMap<>(Long::compareUnsigned);
        pt.forEach(0, 0, (a, e) -> {
            assertEquals(null, seen.put(a, e), "visited twice");
            return e;
        });
        assertEquals(model, seen);
        TreeMap<Long, Long> seenHuge = new TreeMap<>(Long::compareUnsigned);
        pt.forEachHugePmd(0, 0, (a, e) -> {
            seenHuge.put(a, e);
            return e;
        });
        assertEquals(huge, seenHuge);
        for (Map.Entry<Long, Long> e : model.entrySet()) {
            assertEquals(e.getValue(), pt.get(e.getKey()));
        }
        assertEquals(pt.tablePages(), countTables(pt, pt.root(), 0, levels));
    }

    private static long countTables(PageTable pt, int t, int depth, int levels) {
        assertEquals(depth, pt.depth(t));
        long n = 1;
        for (int i = 0; i < 512; i++) {
            int c = pt.child(t, i);
            if (c >= 0) {
                n += countTables(pt, c, depth + 1, levels);
            }
        }
        return n;
    }

    /** After freePgtables(start, end) no empty table below the pgd lies wholly inside [start, end). */
    private static void checkFreed(PageTable pt, int levels, long start, long end) {
        checkFreed(pt, pt.root(), 0, levels, 0, start, end);
    }

    private static void checkFreed(PageTable pt, int t, int depth, int levels, long base, long start, long end) {
        if (depth > 0) {
            int span = 12 + 9 * (levels - depth);
            long first = signExtend(base, levels);
            long last = first + (1L << span) - 1;
            boolean inside = Long.compareUnsigned(first, start) >= 0
                    && (end == 0 || Long.compareUnsigned(start, end) < 0 && Long.compareUnsigned(last, end - 1) <= 0);
            if (inside) {
                boolean empty = true;
                for (int i = 0; i < 512; i++) {
                    empty &= pt.entry(t, i) == 0;
                }
                assertFalse(empty, "empty table left inside the freed range");
            }
        }
        if (depth == levels - 1) {
            return;
        }
        int shift = 12 + 9 * (levels - 1 - depth);
        for (int i = 0; i < 512; i++) {
            int c = pt.child(t, i);
            if (c >= 0) {
                checkFreed(pt, c, depth + 1, levels, base + ((long) i << shift), start, end);
            }
        }
    }

    private static long signExtend(long idx, int levels) {
        int sh = 64 - (12 + 9 * levels);
        return (idx << sh) >> sh;
    }

    /** pte_alloc and the upper levels charge the budget; a refusal is reported, frees uncharge. */
    @org.junit.jupiter.api.Test
    void ensureTablesChargesTheBudget() {
        int[] used = {0};
        int cap = 5;
        PageTable.TableBudget b = new PageTable.TableBudget() {
            @Override
            public boolean tryCharge() {
                if (used[0] >= cap) {
                    return false;
                }
                used[0]++;
                return true;
            }

            @Override
            public void charge() {
                used[0]++;
            }

            @Override
            public void uncharge() {
                used[0]--;
            }
        };
        PageTable pt = new PageTable(4, b);
        org.junit.jupiter.api.Assertions.assertTrue(pt.ensureTables(0x1000, true)); // pud, pmd, pte
        org.junit.jupiter.api.Assertions.assertEquals(3, used[0]);
        org.junit.jupiter.api.Assertions.assertTrue(pt.ensureTables(0x1000, true));
        org.junit.jupiter.api.Assertions.assertEquals(3, used[0]);
        org.junit.jupiter.api.Assertions.assertFalse(pt.ensureTables(1L << 40, true)); // needs 3 more, 2 left
        org.junit.jupiter.api.Assertions.assertEquals(5, used[0]);
        pt.freePgtables(0, 0);
        org.junit.jupiter.api.Assertions.assertEquals(0, used[0]);
        org.junit.jupiter.api.Assertions.assertEquals(1, pt.tablePages());
    }
}
