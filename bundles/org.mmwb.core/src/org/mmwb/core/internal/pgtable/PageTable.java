package org.mmwb.core.internal.pgtable;

import java.util.Arrays;

import org.mmwb.core.mm.PageTableView;

/**
 * The page tables of one mm (mm_struct.pgd): x86-64 4-level (pgd, pud, pmd, pte; p4d folded) or 5-level (pgd, p4d,
 * pud, pmd, pte) tables of 512 entries, 4 KiB pages.
 *
 * <p>Storage is a pool of {@code long[512]} tables addressed by an int index; no object per PTE or per page.
 * Upper-level entries look like the kernel's ({@code _PAGE_TABLE} flags and the "pfn" of the child table, which is
 * {@link #TABLE_PFN_BASE} + the child's index), so views can decode them like any other entry. A PMD entry with
 * {@link Pte#PSE} is a huge (2 MiB) leaf. Lookups cache the last PTE table, so sequential faults cost one array
 * access.
 *
 * <p>Addresses are compared unsigned; upper-half (kernel) addresses such as the vsyscall page work. In range
 * methods an {@code end} of 0 means "to the top of the address space" (as the kernel's ceiling 0 does).
 * Not thread-safe: the mm's lock (mmap_lock / page table lock) is the caller's.
 */
public final class PageTable implements PageTableView {

    /** Visitor of {@link #forEach}: returns the entry's new value (the same value = unchanged, 0 = clear). */
    @FunctionalInterface
    public interface PteVisitor {
        /**
         * @param va  the address of the page (of the 2 MiB region for huge PMDs)
         * @param pte the current raw entry, never 0
         * @return the new raw entry
         */
        long visit(long va, long pte);
    }

    /**
     * Where page-table pages come from (the page allocator): tables below the pgd are charged on allocation and
     * uncharged when freed. Only {@link #ensureTables} may be refused; other paths charge unconditionally.
     */
    public interface TableBudget {
        /** Charges one table for the fault path; false when none can be had (RAM or the cap used up). */
        boolean tryCharge();

        /** Charges one table whatever the limits. */
        void charge();

        /** Gives one table back. */
        void uncharge();
    }

    /** A budget without limits (tests, tools). */
    public static final TableBudget UNLIMITED = new TableBudget() {
        @Override
        public boolean tryCharge() {
            return true;
        }

        @Override
        public void charge() {
        }

        @Override
        public void uncharge() {
        }
    };

    /** The "pfn" written into upper-level entries for table 0; table i has pfn TABLE_PFN_BASE + i. */
    public static final long TABLE_PFN_BASE = 1L << 36;
    /** Entries per table (PTRS_PER_PTE etc.). */
    public static final int PTRS_PER_TABLE = 512;
    /** PAGE_SHIFT. */
    public static final int PAGE_SHIFT = 12;
    /** PMD_SHIFT. */
    public static final int PMD_SHIFT = 21;
    /** PMD_SIZE (2 MiB). */
    public static final long PMD_SIZE = 1L << PMD_SHIFT;

    private static final int MASK = PTRS_PER_TABLE - 1;
    /** Heap bytes of one long[512]: header + payload. */
    private static final long TABLE_BYTES = 16 + 8L * PTRS_PER_TABLE;

    private final int levels;
    private final int topShift;
    private final int vaBits;
    private final long indexMask;
    private final int root;

    private long[][] tables = new long[16][];
    private byte[] depthOf = new byte[16];
    private int highWater;
    private int[] freeList = new int[16];
    private int freeTop;
    private int allocated;
    private final int[] perDepth;
    private final TableBudget budget;

    /** va >>> PMD_SHIFT of the cached PTE table, -1 if none. */
    private long cacheKey = -1;
    private long[] cacheTable;

    /**
     * pgd_alloc: an empty page table tree.
     *
     * @param levels 4 (48-bit VA) or 5 (57-bit VA, LA57)
     */
    public PageTable(int levels) {
        this(levels, UNLIMITED);
    }

    /**
     * pgd_alloc with the page allocator that pays for the tables below the pgd.
     *
     * @param levels 4 (48-bit VA) or 5 (57-bit VA, LA57)
     * @param budget charged for every table but the pgd
     */
    public PageTable(int levels, TableBudget budget) {
        this.budget = budget == null ? UNLIMITED : budget;
        if (levels != 4 && levels != 5) {
            throw new IllegalArgumentException("levels must be 4 or 5: " + levels);
        }
        this.levels = levels;
        this.topShift = PAGE_SHIFT + 9 * (levels - 1);
        this.vaBits = topShift + 9;
        this.indexMask = (1L << vaBits) - 1;
        this.perDepth = new int[levels];
        this.root = allocTable(0);
    }

    /**
     * The fault path's p4d_alloc / pud_alloc / pmd_alloc / pte_alloc for {@code va}: allocates the missing tables
     * down to the PTE table ({@code pte}) or to the PMD table (not {@code pte}, for a huge PMD), each charged with
     * {@link TableBudget#tryCharge}. Stops at a huge leaf on the way (nothing to allocate below it).
     *
     * @return false when a table could not be had (the caller's VM_FAULT_OOM); tables allocated before that stay,
     *         empty, as the kernel's do
     */
    public boolean ensureTables(long va, boolean pte) {
        if ((va >>> PMD_SHIFT) == cacheKey) {
            return true; // the PTE table of this 2 MiB region exists, so does every table above it
        }
        int stop = pte ? levels - 1 : levels - 2;
        int t = root;
        for (int depth = 0; depth < stop; depth++) {
            int shift = topShift - 9 * depth;
            int i = (int) (va >>> shift) & MASK;
            long e = tables[t][i];
            if ((e & Pte.PSE) != 0) {
                return true;
            }
            if (e == 0) {
                if (!budget.tryCharge()) {
                    return false;
                }
                int c = newTable(depth + 1);
                e = tableEntry(c);
                tables[t][i] = e;
            }
            t = childIndex(e);
        }
        return true;
    }

    /** Paging levels: 4 or 5. */
    public int levels() {
        return levels;
    }

    // ---------------------------------------------------------------------------------------------------------
    // single-entry access

    /**
     * The raw PTE of the 4 KiB page containing {@code va} (pte_offset_map + ptep_get), 0 if none. Inside a huge
     * PMD mapping this returns 0; {@link #hugePmd(long)} gives the PMD.
     */
    public long get(long va) {
        if ((va >>> PMD_SHIFT) == cacheKey) {
            return cacheTable[(int) (va >>> PAGE_SHIFT) & MASK];
        }
        long[] pt = pteTable(va, false);
        return pt == null ? 0 : pt[(int) (va >>> PAGE_SHIFT) & MASK];
    }

    /**
     * set_pte_at: store {@code pte} for the page containing {@code va}, allocating the intermediate tables
     * (__pte_alloc and friends). Storing 0 where no table exists allocates nothing.
     *
     * @throws IllegalStateException if {@code va} lies in a huge PMD mapping (split it first, {@link #splitHugePmd})
     */
    public void set(long va, long pte) {
        if ((va >>> PMD_SHIFT) == cacheKey) {
            cacheTable[(int) (va >>> PAGE_SHIFT) & MASK] = pte;
            return;
        }
        long[] pt = pteTable(va, pte != 0);
        if (pt != null) {
            pt[(int) (va >>> PAGE_SHIFT) & MASK] = pte;
        }
    }

    /** ptep_get_and_clear: set the PTE of {@code va} to 0 and return the old value. */
    public long clear(long va) {
        long[] pt = (va >>> PMD_SHIFT) == cacheKey ? cacheTable : pteTable(va, false);
        if (pt == null) {
            return 0;
        }
        int i = (int) (va >>> PAGE_SHIFT) & MASK;
        long old = pt[i];
        pt[i] = 0;
        return old;
    }

    /** The raw PMD entry covering {@code va} if it is a huge (PSE) leaf, else 0. */
    public long hugePmd(long va) {
        long[] pmdTable = pmdTable(va, false);
        if (pmdTable == null) {
            return 0;
        }
        long pmd = pmdTable[(int) (va >>> PMD_SHIFT) & MASK];
        return (pmd & Pte.PSE) != 0 ? pmd : 0;
    }

    /**
     * set_pmd_at for a huge leaf: {@code va} is rounded down to 2 MiB. The slot must be empty, huge, or point to a
     * PTE table with no entries (that table is freed, as collapse would).
     *
     * @param pmd a raw entry with {@link Pte#PSE} set, or 0 to clear
     * @throws IllegalArgumentException if {@code pmd} is non-zero without PSE
     * @throws IllegalStateException if the slot holds a PTE table that still maps pages
     */
    public void setHugePmd(long va, long pmd) {
        if (pmd != 0 && (pmd & Pte.PSE) == 0) {
            throw new IllegalArgumentException("huge PMD without PSE: " + Pte.decode(pmd));
        }
        long[] pmdTable = pmdTable(va, pmd != 0);
        if (pmdTable == null) {
            return;
        }
        int i = (int) (va >>> PMD_SHIFT) & MASK;
        long old = pmdTable[i];
        if (old != 0 && (old & Pte.PSE) == 0) {
            int child = childIndex(old);
            if (!isEmpty(tables[child])) {
                throw new IllegalStateException("PMD of 0x" + Long.toHexString(va) + " maps a PTE table in use");
            }
            freeTable(child);
        }
        invalidate(va);
        pmdTable[i] = pmd;
    }

    /** pmdp_huge_get_and_clear: clear the huge PMD leaf covering {@code va}; returns the old entry or 0. */
    public long clearHugePmd(long va) {
        long[] pmdTable = pmdTable(va, false);
        if (pmdTable == null) {
            return 0;
        }
        int i = (int) (va >>> PMD_SHIFT) & MASK;
        long old = pmdTable[i];
        if ((old & Pte.PSE) == 0) {
            return 0;
        }
        pmdTable[i] = 0;
        return old;
    }

    /**
     * __split_huge_pmd: replace the huge leaf covering {@code va} by a PTE table mapping the same 512 frames with
     * the same protection (PSE dropped, PAT_LARGE moved to PAT).
     *
     * @return true if a huge leaf was split
     */
    public boolean splitHugePmd(long va) {
        long[] pmdTable = pmdTable(va, false);
        if (pmdTable == null) {
            return false;
        }
        int i = (int) (va >>> PMD_SHIFT) & MASK;
        long pmd = pmdTable[i];
        if ((pmd & Pte.PSE) == 0) {
            return false;
        }
        long pfn = Pte.pmdPfn(pmd);
        long flags = pmd & ~Pte.PFN_MASK & ~Pte.PSE;
        if ((pmd & Pte.PAT_LARGE) != 0) {
            flags |= Pte.PAT;
        }
        int t = allocTable(levels - 1);
        long[] pt = tables[t];
        for (int k = 0; k < PTRS_PER_TABLE; k++) {
            pt[k] = Pte.mk(pfn + k, flags);
        }
        pmdTable[i] = tableEntry(t);
        invalidate(va);
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------
    // ranges

    /**
     * Visit every non-zero 4 KiB PTE (present entries and markers) in [start, end) in address order, storing what
     * the visitor returns (walk_page_range / zap_pte_range / change_pte_range style). Huge PMD leaves are skipped:
     * see {@link #forEachHugePmd}. The visitor must not change the table structure by other means.
     */
    public void forEach(long start, long end, PteVisitor v) {
        range(start, end, v, false);
    }

    /** Visit every huge PMD leaf whose 2 MiB region intersects [start, end), storing what the visitor returns. */
    public void forEachHugePmd(long start, long end, PteVisitor v) {
        range(start & -PMD_SIZE, end, v, true);
    }

    private void range(long start, long end, PteVisitor v, boolean huge) {
        long lo = toIndexSpaceStart(start);
        long hi = toIndexSpaceLast(end);
        if (lo < 0 || hi < 0 || lo > hi) {
            return;
        }
        visit(root, 0, 0, lo, hi, v, huge);
    }

    private void visit(int t, int depth, long base, long lo, long hi, PteVisitor v, boolean huge) {
        long[] tbl = tables[t];
        int shift = topShift - 9 * depth;
        int i0 = lo <= base ? 0 : (int) ((lo - base) >>> shift);
        int i1 = (int) Math.min(MASK, (hi - base) >>> shift);
        boolean leafLevel = depth == levels - 1;
        boolean pmdLevel = depth == levels - 2;
        for (int i = i0; i <= i1; i++) {
            long e = tbl[i];
            if (e == 0) {
                continue;
            }
            long childBase = base + ((long) i << shift);
            if (leafLevel) {
                long ne = v.visit(fromIndexSpace(childBase), e);
                if (ne != e) {
                    tbl[i] = ne;
                }
            } else if ((e & Pte.PSE) != 0) {
                if (huge && pmdLevel) {
                    long ne = v.visit(fromIndexSpace(childBase), e);
                    if (ne != e) {
                        if ((ne & Pte.PSE) == 0 && ne != 0) {
                            throw new IllegalArgumentException("huge PMD visitor returned a non-huge entry");
                        }
                        tbl[i] = ne;
                    }
                }
            } else if (!(huge && pmdLevel)) {
                visit(childIndex(e), depth + 1, childBase, lo, hi, v, huge);
            }
        }
    }

    /**
     * free_pgtables / free_pgd_range: free every table (below the pgd) whose whole span lies inside [start, end)
     * and holds no entries, clearing the entry that pointed to it; start and end play the kernel's floor and
     * ceiling. Tables that still hold entries are kept (the caller zaps before freeing).
     */
    public void freePgtables(long start, long end) {
        long lo = toIndexSpaceStart(start);
        long hi = toIndexSpaceLast(end);
        if (lo < 0 || hi < 0 || lo > hi) {
            return;
        }
        freeRange(root, 0, 0, lo, hi, false);
        cacheKey = -1;
        cacheTable = null;
    }

    /**
     * @param whole whether the table's whole span lies inside [lo, hi]: only then can it be freed, so only then
     *              is its emptiness worth a scan (a partial range, as for most munmaps, scans nothing)
     * @return true if table {@code t} is empty afterwards (always false when not whole)
     */
    private boolean freeRange(int t, int depth, long base, long lo, long hi, boolean whole) {
        long[] tbl = tables[t];
        if (depth == levels - 1) {
            return whole && isEmpty(tbl);
        }
        int shift = topShift - 9 * depth;
        int i0 = lo <= base ? 0 : (int) ((lo - base) >>> shift);
        int i1 = (int) Math.min(MASK, (hi - base) >>> shift);
        for (int i = i0; i <= i1; i++) {
            long e = tbl[i];
            if (e == 0 || (e & Pte.PSE) != 0) {
                continue;
            }
            long childBase = base + ((long) i << shift);
            long childLast = childBase + (1L << shift) - 1;
            boolean childWhole = childBase >= lo && childLast <= hi;
            int child = childIndex(e);
            if (freeRange(child, depth + 1, childBase, lo, hi, childWhole)) {
                freeTable(child);
                tbl[i] = 0;
            }
        }
        return whole && isEmpty(tbl);
    }

    // ---------------------------------------------------------------------------------------------------------
    // walk and read-only iteration (Page Tables view, vtop)

    /**
     * Walk like crash's {@code vtop}: fill {@code out[0..levels-1]} with the entries met top-down (pgd first); the
     * rest of {@code out} is zeroed.
     *
     * @return how many entries were read: the walk stops after an empty entry, a huge leaf, or the PTE
     */
    public int walk(long va, long[] out) {
        Arrays.fill(out, 0, Math.min(out.length, levels), 0);
        int t = root;
        for (int depth = 0; depth < levels; depth++) {
            int shift = topShift - 9 * depth;
            long e = tables[t][(int) (va >>> shift) & MASK];
            out[depth] = e;
            if (depth == levels - 1 || e == 0 || (e & Pte.PSE) != 0 || (e & Pte.PRESENT) == 0) {
                return depth + 1;
            }
            t = childIndex(e);
        }
        return levels;
    }

    /** Index of the top-level table (the pgd). */
    public int root() {
        return root;
    }

    /** The raw entry {@code index} of table {@code table}. */
    public long entry(int table, int index) {
        return tables[table][index];
    }

    /** The table entry {@code index} of {@code table} points to, or -1 (empty, huge leaf, PTE level). */
    public int child(int table, int index) {
        if (depthOf[table] == levels - 1) {
            return -1;
        }
        long e = tables[table][index];
        if (e == 0 || (e & Pte.PSE) != 0 || (e & Pte.PRESENT) == 0) {
            return -1;
        }
        return childIndex(e);
    }

    /** Depth of a table: 0 = pgd, then p4d (5-level only), pud, pmd; {@code levels()-1} = PTE table. */
    public int depth(int table) {
        return depthOf[table];
    }

    /** Kernel name of the entries of a table at {@code depth}: "pgd", "p4d", "pud", "pmd" or "pte". */
    public String levelName(int depth) {
        int fromBottom = levels - 1 - depth;
        return switch (fromBottom) {
            case 0 -> "pte";
            case 1 -> "pmd";
            case 2 -> "pud";
            case 3 -> levels == 5 ? "p4d" : "pgd";
            default -> "pgd";
        };
    }

    /** Page-table pages allocated, the pgd included. */
    public long tablePages() {
        return allocated;
    }

    /**
     * mm_pgtables_bytes: bytes of PTE, PMD and PUD tables (the kernel accounts neither pgd nor p4d), what
     * /proc/PID/status shows as VmPTE.
     */
    public long pgtablesBytes() {
        long n = 0;
        for (int d = Math.max(1, levels - 3); d < levels; d++) {
            n += perDepth[d];
        }
        return n * 4096;
    }

    /** Approximate Java heap bytes of this structure (tables, index arrays). */
    public long bytesUsed() {
        return allocated * TABLE_BYTES + 16 + 4L * tables.length + 16 + depthOf.length + 16 + 4L * freeList.length
                + 96;
    }

    // ---------------------------------------------------------------------------------------------------------
    // internals

    /** The PTE table covering va (pte_alloc when {@code alloc}), or null; caches it. */
    private long[] pteTable(long va, boolean alloc) {
        long[] pmdTable = pmdTable(va, alloc);
        if (pmdTable == null) {
            return null;
        }
        int i = (int) (va >>> PMD_SHIFT) & MASK;
        long pmd = pmdTable[i];
        if (pmd == 0) {
            if (!alloc) {
                return null;
            }
            int t = allocTable(levels - 1);
            pmd = tableEntry(t);
            pmdTable[i] = pmd;
        } else if ((pmd & Pte.PSE) != 0) {
            if (alloc) {
                throw new IllegalStateException("0x" + Long.toHexString(va) + " is in a huge PMD mapping");
            }
            return null;
        }
        long[] pt = tables[childIndex(pmd)];
        cacheKey = va >>> PMD_SHIFT;
        cacheTable = pt;
        return pt;
    }

    /** The PMD table covering va (pmd_alloc when {@code alloc}), or null. */
    private long[] pmdTable(long va, boolean alloc) {
        long[] tbl = tables[root];
        for (int depth = 0, shift = topShift; shift > PMD_SHIFT; depth++, shift -= 9) {
            int i = (int) (va >>> shift) & MASK;
            long e = tbl[i];
            if (e == 0) {
                if (!alloc) {
                    return null;
                }
                int t = allocTable(depth + 1);
                e = tableEntry(t);
                tbl[i] = e;
            } else if ((e & Pte.PSE) != 0) {
                if (alloc) {
                    throw new IllegalStateException("0x" + Long.toHexString(va) + " is in a huge PUD mapping");
                }
                return null;
            }
            tbl = tables[childIndex(e)];
        }
        return tbl;
    }

    private void invalidate(long va) {
        if ((va >>> PMD_SHIFT) == cacheKey) {
            cacheKey = -1;
            cacheTable = null;
        }
    }

    private static int childIndex(long e) {
        return (int) (Pte.pfn(e) - TABLE_PFN_BASE);
    }

    private static long tableEntry(int t) {
        return Pte.mk(TABLE_PFN_BASE + t, Pte.TABLE);
    }

    private int allocTable(int depth) {
        if (depth > 0) {
            budget.charge();
        }
        return newTable(depth);
    }

    /** A zeroed table at depth, already paid for. */
    private int newTable(int depth) {
        int t;
        if (freeTop > 0) {
            t = freeList[--freeTop];
        } else {
            t = highWater++;
            if (t == tables.length) {
                tables = Arrays.copyOf(tables, t * 2);
                depthOf = Arrays.copyOf(depthOf, t * 2);
            }
        }
        tables[t] = new long[PTRS_PER_TABLE];
        depthOf[t] = (byte) depth;
        perDepth[depth]++;
        allocated++;
        return t;
    }

    private void freeTable(int t) {
        if (tables[t] == cacheTable) {
            cacheKey = -1;
            cacheTable = null;
        }
        tables[t] = null;
        if (depthOf[t] > 0) {
            budget.uncharge();
        }
        perDepth[depthOf[t]]--;
        allocated--;
        if (freeTop == freeList.length) {
            freeList = Arrays.copyOf(freeList, freeTop * 2);
        }
        freeList[freeTop++] = t;
    }

    private static boolean isEmpty(long[] tbl) {
        for (long e : tbl) {
            if (e != 0) {
                return false;
            }
        }
        return true;
    }

    /** Canonical start address -> index space (VA bits only), rounding a non-canonical start up; -1 if none. */
    private long toIndexSpaceStart(long start) {
        long half = 1L << (vaBits - 1);
        if (Long.compareUnsigned(start, half) >= 0 && Long.compareUnsigned(start, -half) < 0) {
            start = -half; // in the non-canonical hole: the upper half starts here
        }
        return start & indexMask;
    }

    /** Exclusive end -> last index-space address, rounding a non-canonical end down; -1 if none. */
    private long toIndexSpaceLast(long end) {
        long last = end - 1; // end 0 = top: last = 0xffff...ffff
        if (end == 0) {
            return indexMask;
        }
        long half = 1L << (vaBits - 1);
        if (Long.compareUnsigned(last, half) >= 0 && Long.compareUnsigned(last, -half) < 0) {
            last = half - 1;
        }
        return last & indexMask;
    }

    private long fromIndexSpace(long idx) {
        int sh = 64 - vaBits;
        return (idx << sh) >> sh;
    }
}
