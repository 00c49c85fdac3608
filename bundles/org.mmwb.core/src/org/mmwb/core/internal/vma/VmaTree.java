package org.mmwb.core.internal.vma;

import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The VMA index of one mm (the maple tree's role, mm->mm_mt): ordered, non-overlapping [start, end) ranges, each
 * with a value, in a B+tree over primitive {@code long} bounds.
 *
 * <p>Leaves hold up to {@value #CAP} ranges in parallel {@code long[]} arrays and are linked both ways; inner nodes
 * hold, for each child, the largest end in it, so {@link #find} (find_vma: the first range ending above an
 * address) is one descent with a search per level. Addresses compare unsigned.
 *
 * <p>Tuned for find_vma with ~100k ranges, where the leaves no longer fit in the core's cache and each dependent
 * cache miss costs: the inner nodes right above the leaves mirror each leaf's {@code ends} and {@code vals}
 * arrays, so the descent skips the Leaf object; a full node split by an append or a prepend (ranges mapped in
 * address order, or top-down) leaves the old node full, so such trees are dense (100k ranges: 2 levels above the
 * leaves instead of 3).
 *
 * <p>Not thread-safe: callers hold the mm's mmap_lock.
 *
 * @param <V> the value stored with each range (the simulator's vm_area_struct)
 */
public final class VmaTree<V> implements Iterable<V> {

    /** A range and its value (for iteration in views; hot paths use {@link Cursor}). */
    public interface Entry<V> {
        /** vm_start. */
        long start();

        /** vm_end (exclusive). */
        long end();

        /** The value. */
        V value();
    }

    /** Receives ranges in address order, see {@link VmaTree#forEach(RangeConsumer)}. */
    @FunctionalInterface
    public interface RangeConsumer<V> {
        /** One range. */
        void accept(long start, long end, V value);
    }

    /** Node capacity (entries per leaf, children per inner node). */
    static final int CAP = 64;
    /** Fewest entries a non-root node keeps (else it borrows or merges). */
    static final int MIN = CAP / 4;
    private static final long FLIP = Long.MIN_VALUE; // unsigned order via signed compares of (x ^ FLIP)
    /** Unused key slots hold PAD so a search can always cover all CAP slots (no dependence on n). */
    private static final long PAD = Long.MAX_VALUE;

    private static long[] padded() {
        long[] a = new long[CAP];
        java.util.Arrays.fill(a, PAD);
        return a;
    }

    /** A leaf: ranges sorted by start (stored flipped). */
    static final class Leaf {
        final long[] starts = new long[CAP];
        final long[] ends = padded();
        final Object[] vals = new Object[CAP];
        int n;
        Leaf prev;
        Leaf next;
    }

    /**
     * An inner node: children and the largest (flipped) end in each. {@link #kidKeys} and {@link #kidVals} mirror
     * each child's arrays (a leaf's {@code ends} and {@code vals}, an inner node's {@code maxEnd}) so that
     * {@link VmaTree#find} goes from the last inner node straight to the leaf's arrays, one dependent cache miss
     * fewer than through the Leaf object. Slots at and above n are null.
     */
    static final class Inner {
        final long[] maxEnd = padded();
        final Object[] kids = new Object[CAP];
        final long[][] kidKeys = new long[CAP][];
        final Object[][] kidVals = new Object[CAP][];
        int n;
    }

    /** Refresh {@code in}'s mirrors of its children from slot {@code from} on (after its kids changed). */
    private static void sync(Inner in, int from) {
        long[][] keys = in.kidKeys;
        Object[][] vals = in.kidVals;
        for (int k = from; k < CAP; k++) {
            Object kid = k < in.n ? in.kids[k] : null;
            if (kid instanceof Leaf l) {
                keys[k] = l.ends;
                vals[k] = l.vals;
            } else if (kid instanceof Inner c) {
                keys[k] = c.maxEnd;
                vals[k] = null;
            } else if (keys[k] == null) {
                return; // the stale tail (slots n..old n-1) is cleared, the rest was already null
            } else {
                keys[k] = null;
                vals[k] = null;
            }
        }
    }

    private Object root = new Leaf();
    private int height; // 0: root is a leaf
    private int size;
    private int nodes = 1;
    private int modCount;
    /** Scratch for {@link #update}: the inner nodes and child indexes along the descent. */
    private Inner[] updPath = new Inner[0];
    private int[] updIdx = new int[0];

    /** An empty tree. */
    public VmaTree() {
    }

    /** Number of ranges (mm->map_count). */
    public int size() {
        return size;
    }

    /** True if there are no ranges. */
    public boolean isEmpty() {
        return size == 0;
    }

    // ---------------------------------------------------------------------------------------------------------
    // lookups

    /** find_vma: the lowest range with end &gt; addr, or null. */
    @SuppressWarnings("unchecked")
    public V find(long addr) {
        long a = addr ^ FLIP;
        int h = height;
        if (h == 0) {
            Leaf leaf = (Leaf) root;
            int j = firstGreater(leaf.ends, leaf.n, a);
            return j == leaf.n ? null : (V) leaf.vals[j];
        }
        Inner in = (Inner) root;
        for (; h > 1; h--) {
            int i = firstGreaterCold(in.maxEnd, in.n, a);
            if (i == in.n) {
                return null;
            }
            in = (Inner) in.kids[i];
        }
        int i = firstGreaterCold(in.maxEnd, in.n, a);
        if (i == in.n) {
            return null;
        }
        // maxEnd[i] > a: the leaf holds the answer, no need for its n (a binary search: the two-stage search of
        // the inner nodes, or a per-leaf summary of block maxima, measured 66-70 ns instead of 48-51 ns here)
        long[] ends = in.kidKeys[i];
        Object[] vals = in.kidVals[i];
        return (V) vals[firstGreater(ends, CAP, a)];
    }

    /**
     * {@link #firstGreater} in two stages, for the inner nodes of {@link #find}: the last key of each 8-key block
     * is compared first (8 independent loads, so cache misses overlap instead of queueing behind each step of a
     * binary search), then 3 steps inside the block that holds the answer (already cached). Measured with 100k
     * VMAs: random find_vma 73 -&gt; 65 ns, in-order 59 -&gt; 41 ns; in the leaves the binary search stayed faster.
     */
    private static int firstGreaterCold(long[] a, int n, long key) {
        int c = (a[7] <= key ? 1 : 0) + (a[15] <= key ? 1 : 0) + (a[23] <= key ? 1 : 0) + (a[31] <= key ? 1 : 0)
            + (a[39] <= key ? 1 : 0) + (a[47] <= key ? 1 : 0) + (a[55] <= key ? 1 : 0) + (a[63] <= key ? 1 : 0);
        if (c == 8) {
            return n;
        }
        int lo = c << 3;
        lo += a[lo + 3] <= key ? 4 : 0;
        lo += a[lo + 1] <= key ? 2 : 0;
        lo += a[lo] <= key ? 1 : 0;
        return Math.min(lo, n);
    }

    /** find_vma_intersection: the lowest range intersecting [start, end), or null. */
    @SuppressWarnings("unchecked")
    public V findIntersection(long start, long end) {
        Leaf leaf = leafFor(start);
        int j = firstGreater(leaf.ends, leaf.n, start ^ FLIP);
        if (j == leaf.n || leaf.starts[j] >= (end ^ FLIP)) {
            return null;
        }
        return (V) leaf.vals[j];
    }

    /** vma_lookup: the range containing addr, or null. */
    @SuppressWarnings("unchecked")
    public V lookup(long addr) {
        Leaf leaf = leafFor(addr);
        int j = firstGreater(leaf.ends, leaf.n, addr ^ FLIP);
        if (j == leaf.n || leaf.starts[j] > (addr ^ FLIP)) {
            return null;
        }
        return (V) leaf.vals[j];
    }

    /** The range starting exactly at {@code start}, or null. */
    @SuppressWarnings("unchecked")
    public V get(long start) {
        Leaf leaf = leafFor(start);
        int j = firstGreater(leaf.ends, leaf.n, start ^ FLIP);
        return j < leaf.n && leaf.starts[j] == (start ^ FLIP) ? (V) leaf.vals[j] : null;
    }

    /**
     * vma_prev / find_vma_prev's pprev: the highest range with start &lt; addr (the range containing addr, or the
     * last one ending at or below it), or null.
     */
    @SuppressWarnings("unchecked")
    public V prev(long addr) {
        long a = addr ^ FLIP;
        Leaf leaf = leafFor(addr);
        int j = firstGreater(leaf.ends, leaf.n, a);
        if (j < leaf.n && leaf.starts[j] < a) {
            return (V) leaf.vals[j];
        }
        // the range before position j
        if (j > 0) {
            return (V) leaf.vals[j - 1];
        }
        Leaf p = leaf.prev;
        return p == null ? null : (V) p.vals[p.n - 1];
    }

    /** vma_next / vma_find: the lowest range with start &gt;= addr, or null. */
    @SuppressWarnings("unchecked")
    public V next(long addr) {
        long a = addr ^ FLIP;
        Leaf leaf = leafFor(addr);
        int j = firstGreater(leaf.ends, leaf.n, a);
        if (j == leaf.n) {
            return null;
        }
        if (leaf.starts[j] >= a) {
            return (V) leaf.vals[j];
        }
        if (j + 1 < leaf.n) {
            return (V) leaf.vals[j + 1];
        }
        Leaf nx = leaf.next;
        return nx == null ? null : (V) nx.vals[0];
    }

    /** The lowest range, or null. */
    @SuppressWarnings("unchecked")
    public V first() {
        Leaf l = firstLeaf();
        return l.n == 0 ? null : (V) l.vals[0];
    }

    /** The highest range, or null. */
    @SuppressWarnings("unchecked")
    public V last() {
        Object node = root;
        for (int h = height; h > 0; h--) {
            Inner in = (Inner) node;
            node = in.kids[in.n - 1];
        }
        Leaf l = (Leaf) node;
        return l.n == 0 ? null : (V) l.vals[l.n - 1];
    }

    // ---------------------------------------------------------------------------------------------------------
    // modification

    /**
     * vma_iter_store for a new range (vma_link): the caller guarantees [start, end) overlaps nothing.
     *
     * @throws IllegalArgumentException if start &gt;= end or the range overlaps one already present
     */
    public void insert(long start, long end, V v) {
        long s = start ^ FLIP;
        long e = end ^ FLIP;
        if (s >= e) {
            throw new IllegalArgumentException(range("empty range ", start, end));
        }
        Object split = insert(root, height, s, e, v);
        if (split != null) {
            Inner r = new Inner();
            r.kids[0] = root;
            r.maxEnd[0] = maxEnd(root, height);
            r.kids[1] = split;
            r.maxEnd[1] = maxEnd(split, height);
            r.n = 2;
            sync(r, 0);
            root = r;
            height++;
            nodes++;
        }
        size++;
        modCount++;
    }

    /** vma_iter_clear for a whole range: remove the range starting at {@code start}; nothing if there is none. */
    public void remove(long start) {
        if (remove(root, height, start ^ FLIP)) {
            size--;
            modCount++;
            if (height > 0 && ((Inner) root).n == 1) {
                root = ((Inner) root).kids[0];
                height--;
                nodes--;
            }
        }
    }

    /**
     * Change a range's bounds in place (vma_expand, vma_shrink, the adjustments of __split_vma and mremap),
     * keeping its value; the new bounds must keep the range between its neighbours.
     *
     * @return false if no range starts at {@code oldStart}
     * @throws IllegalArgumentException if the new range is empty or overlaps a neighbour
     */
    public boolean update(long oldStart, long newStart, long newEnd) {
        long os = oldStart ^ FLIP;
        long ns = newStart ^ FLIP;
        long ne = newEnd ^ FLIP;
        if (ns >= ne) {
            throw new IllegalArgumentException(range("empty range ", newStart, newEnd));
        }
        if (updPath.length < height) { // reused: update runs on every mprotect/merge, keep it allocation-free
            updPath = new Inner[height];
            updIdx = new int[height];
        }
        Inner[] path = updPath;
        int[] idx = updIdx;
        Object node = root;
        for (int h = height, d = 0; h > 0; h--, d++) {
            Inner in = (Inner) node;
            int i = firstGreater(in.maxEnd, in.n, os);
            if (i == in.n) {
                return false;
            }
            path[d] = in;
            idx[d] = i;
            node = in.kids[i];
        }
        Leaf leaf = (Leaf) node;
        int j = firstGreater(leaf.ends, leaf.n, os);
        if (j == leaf.n || leaf.starts[j] != os) {
            return false;
        }
        long prevEnd = j > 0 ? leaf.ends[j - 1] : leaf.prev != null ? leaf.prev.ends[leaf.prev.n - 1] : FLIP;
        boolean hasNext = j + 1 < leaf.n || leaf.next != null;
        long nextStart = j + 1 < leaf.n ? leaf.starts[j + 1] : leaf.next != null ? leaf.next.starts[0] : 0;
        if (ns < prevEnd || (hasNext && ne > nextStart)) {
            throw new IllegalArgumentException(range("update overlaps a neighbour: ", newStart, newEnd));
        }
        leaf.starts[j] = ns;
        leaf.ends[j] = ne;
        if (j == leaf.n - 1) {
            long m = ne;
            for (int d = height - 1; d >= 0; d--) {
                Inner in = path[d];
                in.maxEnd[idx[d]] = m;
                if (idx[d] != in.n - 1) {
                    break;
                }
                m = in.maxEnd[in.n - 1];
            }
        }
        modCount++;
        return true;
    }

    /** Remove every range. */
    public void clear() {
        root = new Leaf();
        height = 0;
        size = 0;
        nodes = 1;
        modCount++;
    }

    // ---------------------------------------------------------------------------------------------------------
    // iteration

    /** All values in address order. */
    @Override
    public Iterator<V> iterator() {
        return cursor().seek(0);
    }

    /** for_each_vma: every range in address order. */
    @SuppressWarnings("unchecked")
    public void forEach(RangeConsumer<? super V> c) {
        int mc = modCount;
        for (Leaf l = firstLeaf(); l != null; l = l.next) {
            for (int j = 0; j < l.n; j++) {
                c.accept(l.starts[j] ^ FLIP, l.ends[j] ^ FLIP, (V) l.vals[j]);
                if (mc != modCount) {
                    throw new ConcurrentModificationException();
                }
            }
        }
    }

    /** Ranges from the first one ending above {@code addr} (VMA_ITERATOR(vmi, mm, addr)), as entries. */
    public Iterable<Entry<V>> entries(long addr) {
        return () -> new Iterator<>() {
            private final Cursor c = cursor().seek(addr);

            @Override
            public boolean hasNext() {
                return c.hasNext();
            }

            @Override
            public Entry<V> next() {
                V v = c.next();
                return new SimpleEntry<>(c.start(), c.end(), v);
            }
        };
    }

    /** A new cursor; reuse it (with {@link Cursor#seek}) to iterate without allocation. */
    public Cursor cursor() {
        return new Cursor();
    }

    /**
     * A position in the tree, like struct vma_iterator: {@link #seek} then {@link #next}; {@link #start()} and
     * {@link #end()} describe the range {@code next} returned last. A change to the tree invalidates it.
     */
    public final class Cursor implements Iterator<V> {
        private Leaf leaf;
        private int pos;
        private long curStart;
        private long curEnd;
        private int expectedMod;

        private Cursor() {
        }

        /** Position before the first range with end &gt; addr (vma_iter_init + vma_find). */
        public Cursor seek(long addr) {
            leaf = leafFor(addr);
            pos = firstGreater(leaf.ends, leaf.n, addr ^ FLIP);
            expectedMod = modCount;
            normalize();
            return this;
        }

        @Override
        public boolean hasNext() {
            check();
            return leaf != null && pos < leaf.n;
        }

        /** vma_next: the next range's value. */
        @Override
        @SuppressWarnings("unchecked")
        public V next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            curStart = leaf.starts[pos] ^ FLIP;
            curEnd = leaf.ends[pos] ^ FLIP;
            V v = (V) leaf.vals[pos];
            pos++;
            normalize();
            return v;
        }

        /** Start of the range last returned by {@link #next}. */
        public long start() {
            return curStart;
        }

        /** End of the range last returned by {@link #next}. */
        public long end() {
            return curEnd;
        }

        private void normalize() {
            while (leaf != null && pos >= leaf.n) {
                leaf = leaf.next;
                pos = 0;
            }
        }

        private void check() {
            if (expectedMod != modCount) {
                throw new ConcurrentModificationException();
            }
        }
    }

    /** A cursor walking down from an address, see {@link ReverseCursor}. */
    public ReverseCursor reverseCursor() {
        return new ReverseCursor();
    }

    /**
     * An allocation-free backward walk (vma_prev repeated without a descent per step): {@link #seekBefore}
     * positions it at the highest range with start &lt; addr, {@link #prev} steps down. Invalidated by
     * modification.
     */
    public final class ReverseCursor {
        private Leaf leaf;
        private int pos;
        private int expectedMod;

        private ReverseCursor() {
        }

        /** Position at the highest range with start &lt; addr (what {@link VmaTree#prev} returns). */
        public ReverseCursor seekBefore(long addr) {
            long a = addr ^ FLIP;
            leaf = leafFor(addr);
            int j = firstGreater(leaf.ends, leaf.n, a);
            pos = j < leaf.n && leaf.starts[j] < a ? j : j - 1;
            expectedMod = modCount;
            normalize();
            return this;
        }

        /** Whether {@link #prev} has a range to return. */
        public boolean hasPrev() {
            if (expectedMod != modCount) {
                throw new ConcurrentModificationException();
            }
            return leaf != null && pos >= 0;
        }

        /** The current range's value; then step to the range below it. */
        @SuppressWarnings("unchecked")
        public V prev() {
            if (!hasPrev()) {
                throw new NoSuchElementException();
            }
            V v = (V) leaf.vals[pos];
            pos--;
            normalize();
            return v;
        }

        private void normalize() {
            while (leaf != null && pos < 0) {
                leaf = leaf.prev;
                pos = leaf == null ? -1 : leaf.n - 1;
            }
        }
    }

    /** Number of nodes (leaves and inner), for tests of the fill. */
    int nodeCount() {
        return nodes;
    }

    /** Approximate Java heap bytes of the nodes (not of the values). */
    public long bytesUsed() {
        long node = 16 + 2 * (16 + 8L * CAP) + 16 + 4L * CAP + 24;
        return 64 + nodes * node;
    }

    /**
     * Check the B+tree invariants (sorted, non-overlapping, node fill, inner keys, leaf links, size).
     *
     * @throws IllegalStateException describing the first violation
     */
    public void checkInvariants() {
        long[] last = {Long.MIN_VALUE};
        int[] count = {0};
        Leaf[] prevLeaf = {null};
        check(root, height, true, last, count, prevLeaf);
        if (count[0] != size) {
            throw new IllegalStateException("size " + size + " but " + count[0] + " entries");
        }
        if (prevLeaf[0] != null && prevLeaf[0].next != null) {
            throw new IllegalStateException("last leaf has a next");
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("VmaTree[");
        forEach((s, e, v) -> sb.append(sb.length() > 8 ? ", " : "").append(range("", s, e)));
        return sb.append(']').toString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // internals

    private record SimpleEntry<V>(long start, long end, V value) implements Entry<V> {
    }

    /**
     * First index i &lt; n with a[i] &gt; key, n if none. The search always covers the CAP (64) slots in seven
     * steps without data-dependent branches (the JIT emits conditional moves): unused slots are PAD.
     */
    private static int firstGreater(long[] a, int n, long key) {
        int lo = a[31] <= key ? 32 : 0;
        lo += a[lo + 15] <= key ? 16 : 0;
        lo += a[lo + 7] <= key ? 8 : 0;
        lo += a[lo + 3] <= key ? 4 : 0;
        lo += a[lo + 1] <= key ? 2 : 0;
        lo += a[lo] <= key ? 1 : 0;
        lo += a[lo] <= key ? 1 : 0;
        return Math.min(lo, n);
    }

    /** The leaf where a search for addr ends: holding the first range with end &gt; addr, or the last leaf. */
    private Leaf leafFor(long addr) {
        long a = addr ^ FLIP;
        Object node = root;
        for (int h = height; h > 0; h--) {
            Inner in = (Inner) node;
            int i = firstGreater(in.maxEnd, in.n, a);
            node = in.kids[i == in.n ? in.n - 1 : i];
        }
        return (Leaf) node;
    }

    private Leaf firstLeaf() {
        Object node = root;
        for (int h = height; h > 0; h--) {
            node = ((Inner) node).kids[0];
        }
        return (Leaf) node;
    }

    private static long maxEnd(Object node, int h) {
        if (h == 0) {
            Leaf l = (Leaf) node;
            return l.ends[l.n - 1];
        }
        Inner in = (Inner) node;
        return in.maxEnd[in.n - 1];
    }

    /** Insert below {@code node}; returns a new right sibling if the node split. */
    private Object insert(Object node, int h, long s, long e, V v) {
        if (h == 0) {
            Leaf l = (Leaf) node;
            int j = firstGreater(l.ends, l.n, s);
            if (j < l.n && l.starts[j] < e) {
                throw new IllegalArgumentException(range("overlaps ", l.starts[j] ^ FLIP, l.ends[j] ^ FLIP));
            }
            if (l.n < CAP) {
                leafInsertAt(l, j, s, e, v);
                return null;
            }
            Leaf r = new Leaf();
            nodes++;
            int half = splitPoint(j);
            System.arraycopy(l.starts, half, r.starts, 0, CAP - half);
            System.arraycopy(l.ends, half, r.ends, 0, CAP - half);
            System.arraycopy(l.vals, half, r.vals, 0, CAP - half);
            java.util.Arrays.fill(l.vals, half, CAP, null);
            java.util.Arrays.fill(l.ends, half, CAP, PAD);
            r.n = CAP - half;
            l.n = half;
            r.next = l.next;
            if (r.next != null) {
                r.next.prev = r;
            }
            r.prev = l;
            l.next = r;
            if (j < half || j == half && half < CAP) {
                leafInsertAt(l, j, s, e, v);
            } else {
                leafInsertAt(r, j - half, s, e, v);
            }
            return r;
        }
        Inner in = (Inner) node;
        int i = firstGreater(in.maxEnd, in.n, s);
        if (i == in.n) {
            i = in.n - 1;
        }
        Object split = insert(in.kids[i], h - 1, s, e, v);
        in.maxEnd[i] = maxEnd(in.kids[i], h - 1);
        if (split == null) {
            return null;
        }
        long splitMax = maxEnd(split, h - 1);
        if (in.n < CAP) {
            innerInsertAt(in, i + 1, split, splitMax);
            sync(in, i + 1);
            return null;
        }
        Inner r = new Inner();
        nodes++;
        int half = i + 1 == CAP ? CAP : i + 1 == 1 ? 1 : CAP / 2; // as splitPoint: the kid split at 0 stays at 0
        System.arraycopy(in.maxEnd, half, r.maxEnd, 0, CAP - half);
        System.arraycopy(in.kids, half, r.kids, 0, CAP - half);
        java.util.Arrays.fill(in.kids, half, CAP, null);
        java.util.Arrays.fill(in.maxEnd, half, CAP, PAD);
        r.n = CAP - half;
        in.n = half;
        if (i + 1 < half || i + 1 == half && half < CAP) {
            innerInsertAt(in, i + 1, split, splitMax);
        } else {
            innerInsertAt(r, i + 1 - half, split, splitMax);
        }
        sync(in, 0);
        sync(r, 0);
        return r;
    }

    /**
     * Where a full node splits when an entry goes in at position j: in the middle, except for an append (j ==
     * CAP) or a prepend (j == 0), which leave the old node full and start a new one with the new entry alone, so
     * that ranges mapped in address order (bottom-up) or in reverse (top-down, like mmap below mmap_base) fill
     * nodes completely instead of leaving them half empty: a shallower, denser tree for find_vma.
     */
    private static int splitPoint(int j) {
        return j == CAP ? CAP : j == 0 ? 0 : CAP / 2;
    }

    private static void leafInsertAt(Leaf l, int j, long s, long e, Object v) {
        int move = l.n - j;
        if (move > 0) {
            System.arraycopy(l.starts, j, l.starts, j + 1, move);
            System.arraycopy(l.ends, j, l.ends, j + 1, move);
            System.arraycopy(l.vals, j, l.vals, j + 1, move);
        }
        l.starts[j] = s;
        l.ends[j] = e;
        l.vals[j] = v;
        l.n++;
    }

    private static void innerInsertAt(Inner in, int i, Object kid, long max) {
        int move = in.n - i;
        if (move > 0) {
            System.arraycopy(in.maxEnd, i, in.maxEnd, i + 1, move);
            System.arraycopy(in.kids, i, in.kids, i + 1, move);
        }
        in.maxEnd[i] = max;
        in.kids[i] = kid;
        in.n++;
    }

    /** Remove the range starting at s below {@code node}; the caller fixes this node's key and fill. */
    private boolean remove(Object node, int h, long s) {
        if (h == 0) {
            Leaf l = (Leaf) node;
            int j = firstGreater(l.ends, l.n, s);
            if (j == l.n || l.starts[j] != s) {
                return false;
            }
            int move = l.n - j - 1;
            if (move > 0) {
                System.arraycopy(l.starts, j + 1, l.starts, j, move);
                System.arraycopy(l.ends, j + 1, l.ends, j, move);
                System.arraycopy(l.vals, j + 1, l.vals, j, move);
            }
            l.vals[--l.n] = null;
            l.ends[l.n] = PAD;
            return true;
        }
        Inner in = (Inner) node;
        int i = firstGreater(in.maxEnd, in.n, s);
        if (i == in.n) {
            return false;
        }
        Object kid = in.kids[i];
        if (!remove(kid, h - 1, s)) {
            return false;
        }
        int kidN = h == 1 ? ((Leaf) kid).n : ((Inner) kid).n;
        if (kidN >= MIN || in.n == 1) {
            if (kidN > 0) {
                in.maxEnd[i] = maxEnd(kid, h - 1);
            } else {
                removeKid(in, i, h - 1);
            }
            return true;
        }
        rebalance(in, i, h - 1);
        return true;
    }

    /** Child i of {@code in} (at height kh) is below MIN: borrow from a sibling or merge with one. */
    private void rebalance(Inner in, int i, int kh) {
        int li = i > 0 ? i - 1 : i; // merge/borrow pair (li, li + 1)
        Object a = in.kids[li];
        Object b = in.kids[li + 1];
        if (kh == 0) {
            Leaf la = (Leaf) a;
            Leaf lb = (Leaf) b;
            if (la.n + lb.n <= CAP) {
                System.arraycopy(lb.starts, 0, la.starts, la.n, lb.n);
                System.arraycopy(lb.ends, 0, la.ends, la.n, lb.n);
                System.arraycopy(lb.vals, 0, la.vals, la.n, lb.n);
                la.n += lb.n;
                la.next = lb.next;
                if (lb.next != null) {
                    lb.next.prev = la;
                }
                in.maxEnd[li] = la.ends[la.n - 1];
                removeKid(in, li + 1, kh);
                return;
            }
            int an = la.n;
            int bn = lb.n;
            int wantA = (an + bn) / 2;
            even(la.starts, lb.starts, an, bn, wantA);
            even(la.ends, lb.ends, an, bn, wantA);
            even(la.vals, lb.vals, an, bn, wantA);
            clearVacated(la.ends, la.vals, lb.ends, lb.vals, an, bn, wantA);
            la.n = wantA;
            lb.n = an + bn - wantA;
            in.maxEnd[li] = la.ends[la.n - 1];
            in.maxEnd[li + 1] = lb.ends[lb.n - 1];
            return;
        }
        Inner ia = (Inner) a;
        Inner ib = (Inner) b;
        if (ia.n + ib.n <= CAP) {
            System.arraycopy(ib.maxEnd, 0, ia.maxEnd, ia.n, ib.n);
            System.arraycopy(ib.kids, 0, ia.kids, ia.n, ib.n);
            int from = ia.n;
            ia.n += ib.n;
            sync(ia, from);
            in.maxEnd[li] = ia.maxEnd[ia.n - 1];
            removeKid(in, li + 1, kh);
            return;
        }
        int an = ia.n;
        int bn = ib.n;
        int wantA = (an + bn) / 2;
        even(ia.maxEnd, ib.maxEnd, an, bn, wantA);
        even(ia.kids, ib.kids, an, bn, wantA);
        clearVacated(ia.maxEnd, ia.kids, ib.maxEnd, ib.kids, an, bn, wantA);
        ia.n = wantA;
        ib.n = an + bn - wantA;
        sync(ia, 0);
        sync(ib, 0);
        in.maxEnd[li] = ia.maxEnd[ia.n - 1];
        in.maxEnd[li + 1] = ib.maxEnd[ib.n - 1];
    }

    /**
     * One column (parallel array: keys, values or children) of two siblings holding an and bn entries, evened out
     * so that the left one holds wantA: entries move across the boundary in order. Leaves and inner nodes share
     * this; {@link #clearVacated} then pads the slots left behind.
     */
    private static void even(Object a, Object b, int an, int bn, int wantA) {
        if (an < wantA) {
            int k = wantA - an;
            System.arraycopy(b, 0, a, an, k);
            System.arraycopy(b, k, b, 0, bn - k);
        } else {
            int k = an - wantA;
            System.arraycopy(b, 0, b, k, bn);
            System.arraycopy(a, wantA, b, 0, k);
        }
    }

    /** After {@link #even}: the slots the moved entries left (in b if it gave, else in a) become PAD and null. */
    private static void clearVacated(long[] aKeys, Object[] aVals, long[] bKeys, Object[] bVals, int an, int bn,
            int wantA) {
        if (an < wantA) {
            java.util.Arrays.fill(bVals, an + bn - wantA, bn, null);
            java.util.Arrays.fill(bKeys, an + bn - wantA, bn, PAD);
        } else {
            java.util.Arrays.fill(aVals, wantA, an, null);
            java.util.Arrays.fill(aKeys, wantA, an, PAD);
        }
    }

    /** Drop child i of {@code in} (an emptied or merged-away node at height kh). */
    private void removeKid(Inner in, int i, int kh) {
        Object kid = in.kids[i];
        if (kh == 0) {
            Leaf l = (Leaf) kid;
            if (l.n == 0) { // unlink an emptied leaf; a merged one was unlinked by the merge
                if (l.prev != null) {
                    l.prev.next = l.next;
                }
                if (l.next != null) {
                    l.next.prev = l.prev;
                }
            }
        }
        int move = in.n - i - 1;
        if (move > 0) {
            System.arraycopy(in.maxEnd, i + 1, in.maxEnd, i, move);
            System.arraycopy(in.kids, i + 1, in.kids, i, move);
        }
        in.kids[--in.n] = null;
        in.maxEnd[in.n] = PAD;
        sync(in, i);
        nodes--;
    }

    private void check(Object node, int h, boolean isRoot, long[] last, int[] count, Leaf[] prevLeaf) {
        if (h == 0) {
            Leaf l = (Leaf) node;
            if (!isRoot && l.n < 1) {
                throw new IllegalStateException("empty leaf");
            }
            if (l.prev != prevLeaf[0] || (prevLeaf[0] != null && prevLeaf[0].next != l)) {
                throw new IllegalStateException("broken leaf links");
            }
            prevLeaf[0] = l;
            for (int j = 0; j < l.n; j++) {
                if (l.starts[j] >= l.ends[j] || l.starts[j] < last[0]) {
                    throw new IllegalStateException("unordered or overlapping range at " + range("",
                            l.starts[j] ^ FLIP, l.ends[j] ^ FLIP));
                }
                last[0] = l.ends[j];
                count[0]++;
            }
            for (int j = l.n; j < CAP; j++) {
                if (l.vals[j] != null || l.ends[j] != PAD) {
                    throw new IllegalStateException("stale value reference or missing padding");
                }
            }
            return;
        }
        Inner in = (Inner) node;
        if (in.n < (isRoot ? 2 : 1)) {
            throw new IllegalStateException("inner node with " + in.n + " children");
        }
        for (int i = in.n; i < CAP; i++) {
            if (in.kids[i] != null || in.maxEnd[i] != PAD) {
                throw new IllegalStateException("stale child reference or missing padding");
            }
        }
        for (int i = 0; i < CAP; i++) {
            Object kid = i < in.n ? in.kids[i] : null;
            long[] keys = kid == null ? null : h == 1 ? ((Leaf) kid).ends : ((Inner) kid).maxEnd;
            Object[] vals = h == 1 && kid != null ? ((Leaf) kid).vals : null;
            if (in.kidKeys[i] != keys || in.kidVals[i] != vals) {
                throw new IllegalStateException("stale child mirror at " + i);
            }
        }
        for (int i = 0; i < in.n; i++) {
            check(in.kids[i], h - 1, false, last, count, prevLeaf);
            if (in.maxEnd[i] != maxEnd(in.kids[i], h - 1)) {
                throw new IllegalStateException("stale inner key");
            }
        }
    }

    private static String range(String what, long s, long e) {
        return what + "[0x" + Long.toHexString(s) + ", 0x" + Long.toHexString(e) + ")";
    }
}
