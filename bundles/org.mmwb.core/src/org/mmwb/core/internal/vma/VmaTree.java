package org.mmwb.core.internal.vma;

import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The VMA index of one mm (the maple tree's role, mm->mm_mt): ordered, non-overlapping [start, end) ranges, each
 * with a value, in a B+tree over primitive {@code long} bounds.
 *
 * <p>Layout: the nodes are not objects. A node is an {@code int} id; its {@value #CAP} slots live at
 * {@code id * CAP} in pooled arrays shared by all nodes ({@code keys}, {@code starts}, {@code vals}, {@code kids}),
 * so a descent reads keys and a child id per level with no object hops. Leaves hold ranges (keys = ends) and are
 * linked both ways; inner nodes hold, for each child, the largest end in it (keys), so {@link #find} (find_vma: the
 * first range ending above an address) is one descent. Each node also has a summary of {@value #BLOCKS} keys (the
 * last key of every block of 8 slots, in one cache line), so a node search reads two cache lines: the summary
 * picks the block, the block gives the slot, both by counting keys (branch-free). Addresses compare unsigned.
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
    private static final int SHIFT = 6;
    /** Summary keys per node: one per block of 8 slots. */
    static final int BLOCKS = 8;
    /** Fewest entries a non-root node keeps (else it borrows or merges). */
    static final int MIN = CAP / 4;
    private static final long FLIP = Long.MIN_VALUE; // unsigned order via signed compares of (x ^ FLIP)
    /** Unused key slots hold PAD so a search can always cover all slots (no dependence on the count). */
    private static final long PAD = Long.MAX_VALUE;
    private static final int NONE = -1;

    // pooled node storage, slot s of node n at (n << SHIFT) + s; summaries at (n << 3) + b
    private long[] keys;   // leaf: range ends; inner: largest end per child (all flipped), PAD beyond count
    private long[] sums;   // keys[(n << SHIFT) + 8 * b + 7] for b = 0..7
    private long[] starts; // leaf: range starts (flipped)
    private Object[] vals; // leaf: values, null beyond count
    private int[] kids;    // inner: child node ids
    private int[] count;   // entries or children
    private int[] prevLeaf;
    private int[] nextLeaf; // also chains free nodes
    private int used;      // node ids handed out so far (high-water mark)
    private int free = NONE;

    private int root;
    private int height; // 0: root is a leaf
    private int size;
    private int nodes;
    private int modCount;

    /** An empty tree. */
    public VmaTree() {
        allocPool(1);
        root = alloc();
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
        if (a == PAD) {
            return null; // no end is above the top address (and PAD slots must not match)
        }
        int node = root;
        int i = search(node, a);
        if (i >= count[node]) {
            return null; // every range ends at or below addr
        }
        // below the root the chosen child's largest end is > a, so every search lands on a used slot
        for (int h = height; h > 0; h--) {
            node = kids[(node << SHIFT) + i];
            i = search(node, a);
        }
        return (V) vals[(node << SHIFT) + i];
    }

    /** find_vma_intersection: the lowest range intersecting [start, end), or null. */
    @SuppressWarnings("unchecked")
    public V findIntersection(long start, long end) {
        int leaf = leafFor(start);
        int j = firstGreater(leaf, start ^ FLIP);
        int s = (leaf << SHIFT) + j;
        if (j == count[leaf] || starts[s] >= (end ^ FLIP)) {
            return null;
        }
        return (V) vals[s];
    }

    /** vma_lookup: the range containing addr, or null. */
    @SuppressWarnings("unchecked")
    public V lookup(long addr) {
        int leaf = leafFor(addr);
        int j = firstGreater(leaf, addr ^ FLIP);
        int s = (leaf << SHIFT) + j;
        if (j == count[leaf] || starts[s] > (addr ^ FLIP)) {
            return null;
        }
        return (V) vals[s];
    }

    /** The range starting exactly at {@code start}, or null. */
    @SuppressWarnings("unchecked")
    public V get(long start) {
        int leaf = leafFor(start);
        int j = firstGreater(leaf, start ^ FLIP);
        int s = (leaf << SHIFT) + j;
        return j < count[leaf] && starts[s] == (start ^ FLIP) ? (V) vals[s] : null;
    }

    /**
     * vma_prev / find_vma_prev's pprev: the highest range with start &lt; addr (the range containing addr, or the
     * last one ending at or below it), or null.
     */
    @SuppressWarnings("unchecked")
    public V prev(long addr) {
        long a = addr ^ FLIP;
        int leaf = leafFor(addr);
        int j = firstGreater(leaf, a);
        int base = leaf << SHIFT;
        if (j < count[leaf] && starts[base + j] < a) {
            return (V) vals[base + j];
        }
        // the range before position j
        if (j > 0) {
            return (V) vals[base + j - 1];
        }
        int p = prevLeaf[leaf];
        return p == NONE ? null : (V) vals[(p << SHIFT) + count[p] - 1];
    }

    /** vma_next / vma_find: the lowest range with start &gt;= addr, or null. */
    @SuppressWarnings("unchecked")
    public V next(long addr) {
        long a = addr ^ FLIP;
        int leaf = leafFor(addr);
        int j = firstGreater(leaf, a);
        int n = count[leaf];
        int base = leaf << SHIFT;
        if (j == n) {
            return null;
        }
        if (starts[base + j] >= a) {
            return (V) vals[base + j];
        }
        if (j + 1 < n) {
            return (V) vals[base + j + 1];
        }
        int nx = nextLeaf[leaf];
        return nx == NONE ? null : (V) vals[nx << SHIFT];
    }

    /** The lowest range, or null. */
    @SuppressWarnings("unchecked")
    public V first() {
        int l = firstLeaf();
        return count[l] == 0 ? null : (V) vals[l << SHIFT];
    }

    /** The highest range, or null. */
    @SuppressWarnings("unchecked")
    public V last() {
        int node = root;
        for (int h = height; h > 0; h--) {
            node = kids[(node << SHIFT) + count[node] - 1];
        }
        return count[node] == 0 ? null : (V) vals[(node << SHIFT) + count[node] - 1];
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
        int split = insert(root, height, s, e, v);
        if (split != NONE) {
            int r = alloc();
            int rb = r << SHIFT;
            kids[rb] = root;
            keys[rb] = maxEnd(root);
            kids[rb + 1] = split;
            keys[rb + 1] = maxEnd(split);
            count[r] = 2;
            summarize(r);
            root = r;
            height++;
        }
        size++;
        modCount++;
    }

    /** vma_iter_clear for a whole range: remove the range starting at {@code start}; nothing if there is none. */
    public void remove(long start) {
        if (remove(root, height, start ^ FLIP)) {
            size--;
            modCount++;
            if (height > 0 && count[root] == 1) {
                int old = root;
                root = kids[old << SHIFT];
                height--;
                release(old);
            }
            if (size == 0 ? count.length > 1 : nodes * 8 < count.length && count.length > 8) {
                compact();
            }
        }
    }

    /**
     * Give memory back after many removals: rebuild the tree into a pool sized for what is left (ranges in order,
     * so the cost is amortised over the removals that emptied the pool).
     */
    private void compact() {
        int n = size;
        long[] s = new long[n];
        long[] e = new long[n];
        Object[] v = new Object[n];
        int k = 0;
        for (int l = firstLeaf(); l != NONE; l = nextLeaf[l]) {
            int base = l << SHIFT;
            for (int j = 0; j < count[l]; j++, k++) {
                s[k] = starts[base + j];
                e[k] = keys[base + j];
                v[k] = vals[base + j];
            }
        }
        allocPool(n == 0 ? 1 : Integer.highestOneBit(nodes) * 2);
        root = alloc();
        height = 0;
        size = 0;
        for (int i = 0; i < n; i++) {
            @SuppressWarnings("unchecked")
            V val = (V) v[i];
            insert(s[i] ^ FLIP, e[i] ^ FLIP, val);
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
        int[] path = new int[height];
        int[] idx = new int[height];
        int node = root;
        for (int h = height, d = 0; h > 0; h--, d++) {
            int i = firstGreater(node, os);
            if (i == count[node]) {
                return false;
            }
            path[d] = node;
            idx[d] = i;
            node = kids[(node << SHIFT) + i];
        }
        int leaf = node;
        int n = count[leaf];
        int base = leaf << SHIFT;
        int j = firstGreater(leaf, os);
        if (j == n || starts[base + j] != os) {
            return false;
        }
        int pl = prevLeaf[leaf];
        int nl = nextLeaf[leaf];
        long prevEnd = j > 0 ? keys[base + j - 1] : pl != NONE ? keys[(pl << SHIFT) + count[pl] - 1] : FLIP;
        boolean hasNext = j + 1 < n || nl != NONE;
        long nextStart = j + 1 < n ? starts[base + j + 1] : nl != NONE ? starts[nl << SHIFT] : 0;
        if (ns < prevEnd || (hasNext && ne > nextStart)) {
            throw new IllegalArgumentException(range("update overlaps a neighbour: ", newStart, newEnd));
        }
        starts[base + j] = ns;
        keys[base + j] = ne;
        summarize(leaf);
        if (j == n - 1) {
            long m = ne;
            for (int d = height - 1; d >= 0; d--) {
                int in = path[d];
                keys[(in << SHIFT) + idx[d]] = m;
                summarize(in);
                if (idx[d] != count[in] - 1) {
                    break;
                }
                m = keys[(in << SHIFT) + count[in] - 1];
            }
        }
        modCount++;
        return true;
    }

    /** Remove every range. */
    public void clear() {
        allocPool(1);
        root = alloc();
        height = 0;
        size = 0;
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
        for (int l = firstLeaf(); l != NONE; l = nextLeaf[l]) {
            int base = l << SHIFT;
            for (int j = 0; j < count[l]; j++) {
                c.accept(starts[base + j] ^ FLIP, keys[base + j] ^ FLIP, (V) vals[base + j]);
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
        private int leaf = NONE;
        private int pos;
        private long curStart;
        private long curEnd;
        private int expectedMod;

        private Cursor() {
        }

        /** Position before the first range with end &gt; addr (vma_iter_init + vma_find). */
        public Cursor seek(long addr) {
            leaf = leafFor(addr);
            pos = firstGreater(leaf, addr ^ FLIP);
            expectedMod = modCount;
            normalize();
            return this;
        }

        @Override
        public boolean hasNext() {
            check();
            return leaf != NONE && pos < count[leaf];
        }

        /** vma_next: the next range's value. */
        @Override
        @SuppressWarnings("unchecked")
        public V next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int s = (leaf << SHIFT) + pos;
            curStart = starts[s] ^ FLIP;
            curEnd = keys[s] ^ FLIP;
            V v = (V) vals[s];
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
            while (leaf != NONE && pos >= count[leaf]) {
                leaf = nextLeaf[leaf];
                pos = 0;
            }
        }

        private void check() {
            if (expectedMod != modCount) {
                throw new ConcurrentModificationException();
            }
        }
    }

    /** Approximate Java heap bytes of the node pool (not of the values). */
    public long bytesUsed() {
        long slots = keys.length;
        long perNode = 3 * 4; // count, prevLeaf, nextLeaf
        return 64 + 8 * 16 + slots * (8 + 8 + 4 + 4) + sums.length * 8L + (long) count.length * perNode;
    }

    /**
     * Check the B+tree invariants (sorted, non-overlapping, node fill, inner keys, summaries, leaf links, size,
     * padding of unused slots).
     *
     * @throws IllegalStateException describing the first violation
     */
    public void checkInvariants() {
        long[] last = {Long.MIN_VALUE};
        int[] cnt = {0};
        int[] prev = {NONE};
        int[] seen = {0};
        check(root, height, true, last, cnt, prev, seen);
        if (cnt[0] != size) {
            throw new IllegalStateException("size " + size + " but " + cnt[0] + " entries");
        }
        if (prev[0] != NONE && nextLeaf[prev[0]] != NONE) {
            throw new IllegalStateException("last leaf has a next");
        }
        if (seen[0] != nodes) {
            throw new IllegalStateException(nodes + " nodes counted but " + seen[0] + " reachable");
        }
        int freeCount = 0;
        for (int f = free; f != NONE; f = nextLeaf[f]) {
            if (++freeCount > used) {
                throw new IllegalStateException("free list loops");
            }
        }
        if (freeCount + nodes != used) {
            throw new IllegalStateException("nodes leaked: " + used + " ids, " + nodes + " live, " + freeCount
                    + " free");
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("VmaTree[");
        forEach((s, e, v) -> sb.append(sb.length() > 8 ? ", " : "").append(range("", s, e)));
        return sb.append(']').toString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // internals: search

    private record SimpleEntry<V>(long start, long end, V value) implements Entry<V> {
    }

    /**
     * Number of keys of {@code node} that are &lt;= key, over all CAP slots (PAD slots count only for key PAD):
     * the first slot whose key is &gt; key. Two cache lines: the summary picks the block of 8 (the count of
     * blocks whose last key is &lt;= key), the block gives the slot; both counts are branch-free.
     */
    private int search(int node, long key) {
        long[] s = sums;
        int b = node << 3;
        int blk = (s[b] <= key ? 1 : 0) + (s[b + 1] <= key ? 1 : 0) + (s[b + 2] <= key ? 1 : 0)
                + (s[b + 3] <= key ? 1 : 0) + (s[b + 4] <= key ? 1 : 0) + (s[b + 5] <= key ? 1 : 0)
                + (s[b + 6] <= key ? 1 : 0) + (s[b + 7] <= key ? 1 : 0);
        blk = Math.min(blk, BLOCKS - 1); // all 8 blocks at or below key: the count in the last one says 8
        long[] a = keys;
        int k = (node << SHIFT) + (blk << 3);
        int i = (a[k] <= key ? 1 : 0) + (a[k + 1] <= key ? 1 : 0) + (a[k + 2] <= key ? 1 : 0)
                + (a[k + 3] <= key ? 1 : 0) + (a[k + 4] <= key ? 1 : 0) + (a[k + 5] <= key ? 1 : 0)
                + (a[k + 6] <= key ? 1 : 0) + (a[k + 7] <= key ? 1 : 0);
        return (blk << 3) + i;
    }

    /** First index i &lt; count with key &gt; key, count if none. */
    private int firstGreater(int node, long key) {
        return Math.min(search(node, key), count[node]);
    }

    /** Rebuild a node's summary after its keys changed. */
    private void summarize(int node) {
        int k = (node << SHIFT) + 7;
        int b = node << 3;
        for (int i = 0; i < BLOCKS; i++, k += 8) {
            sums[b + i] = keys[k];
        }
    }

    /** The leaf where a search for addr ends: holding the first range with end &gt; addr, or the last leaf. */
    private int leafFor(long addr) {
        long a = addr ^ FLIP;
        int node = root;
        for (int h = height; h > 0; h--) {
            int i = Math.min(search(node, a), count[node] - 1);
            node = kids[(node << SHIFT) + i];
        }
        return node;
    }

    private int firstLeaf() {
        int node = root;
        for (int h = height; h > 0; h--) {
            node = kids[node << SHIFT];
        }
        return node;
    }

    /** The largest end below a node: its last key (leaf or inner alike). */
    private long maxEnd(int node) {
        return keys[(node << SHIFT) + count[node] - 1];
    }

    // ---------------------------------------------------------------------------------------------------------
    // internals: node pool

    private void allocPool(int capNodes) {
        keys = new long[capNodes << SHIFT];
        sums = new long[capNodes << 3];
        starts = new long[capNodes << SHIFT];
        vals = new Object[capNodes << SHIFT];
        kids = new int[capNodes << SHIFT];
        count = new int[capNodes];
        prevLeaf = new int[capNodes];
        nextLeaf = new int[capNodes];
        used = 0;
        free = NONE;
        nodes = 0;
    }

    private void grow() {
        int cap = count.length * 2;
        keys = Arrays.copyOf(keys, cap << SHIFT);
        sums = Arrays.copyOf(sums, cap << 3);
        starts = Arrays.copyOf(starts, cap << SHIFT);
        vals = Arrays.copyOf(vals, cap << SHIFT);
        kids = Arrays.copyOf(kids, cap << SHIFT);
        count = Arrays.copyOf(count, cap);
        prevLeaf = Arrays.copyOf(prevLeaf, cap);
        nextLeaf = Arrays.copyOf(nextLeaf, cap);
    }

    /** A fresh empty node (keys and summary PAD, no values, no links). */
    private int alloc() {
        int n;
        if (free != NONE) {
            n = free;
            free = nextLeaf[n];
        } else {
            if (used == count.length) {
                grow();
            }
            n = used++;
        }
        Arrays.fill(keys, n << SHIFT, (n + 1) << SHIFT, PAD);
        Arrays.fill(sums, n << 3, (n + 1) << 3, PAD);
        count[n] = 0;
        prevLeaf[n] = NONE;
        nextLeaf[n] = NONE;
        nodes++;
        return n;
    }

    /** Return a node to the pool (its value slots cleared so no value stays reachable). */
    private void release(int n) {
        Arrays.fill(vals, n << SHIFT, (n + 1) << SHIFT, null);
        count[n] = 0;
        prevLeaf[n] = NONE;
        nextLeaf[n] = free;
        free = n;
        nodes--;
    }

    // ---------------------------------------------------------------------------------------------------------
    // internals: insert

    /** Insert below {@code node}; returns a new right sibling if the node split, else NONE. */
    private int insert(int node, int h, long s, long e, V v) {
        if (h == 0) {
            int l = node;
            int n = count[l];
            int j = firstGreater(l, s);
            if (j < n && starts[(l << SHIFT) + j] < e) {
                int at = (l << SHIFT) + j;
                throw new IllegalArgumentException(range("overlaps ", starts[at] ^ FLIP, keys[at] ^ FLIP));
            }
            if (n < CAP) {
                leafInsertAt(l, j, s, e, v);
                return NONE;
            }
            int r = alloc();
            int half = CAP / 2;
            moveSlots(l, half, r, 0, CAP - half, true);
            clearSlots(l, half, CAP);
            count[r] = CAP - half;
            count[l] = half;
            int nx = nextLeaf[l];
            nextLeaf[r] = nx;
            if (nx != NONE) {
                prevLeaf[nx] = r;
            }
            prevLeaf[r] = l;
            nextLeaf[l] = r;
            if (j <= half) {
                leafInsertAt(l, j, s, e, v);
                summarize(r);
            } else {
                leafInsertAt(r, j - half, s, e, v);
                summarize(l);
            }
            return r;
        }
        int in = node;
        int i = firstGreater(in, s);
        if (i == count[in]) {
            i = count[in] - 1;
        }
        int kid = kids[(in << SHIFT) + i];
        int split = insert(kid, h - 1, s, e, v);
        keys[(in << SHIFT) + i] = maxEnd(kid);
        if (split == NONE) {
            summarize(in);
            return NONE;
        }
        long splitMax = maxEnd(split);
        if (count[in] < CAP) {
            innerInsertAt(in, i + 1, split, splitMax);
            return NONE;
        }
        int r = alloc();
        int half = CAP / 2;
        moveSlots(in, half, r, 0, CAP - half, false);
        clearSlots(in, half, CAP);
        count[r] = CAP - half;
        count[in] = half;
        if (i + 1 <= half) {
            innerInsertAt(in, i + 1, split, splitMax);
            summarize(r);
        } else {
            innerInsertAt(r, i + 1 - half, split, splitMax);
            summarize(in);
        }
        return r;
    }

    /**
     * Copy {@code len} slots from node {@code from} at {@code fi} to node {@code to} at {@code ti} (overlapping
     * moves inside one node are fine): keys and, for leaves, starts and values, for inner nodes child ids.
     */
    private void moveSlots(int from, int fi, int to, int ti, int len, boolean leaf) {
        if (len <= 0) {
            return;
        }
        int f = (from << SHIFT) + fi;
        int t = (to << SHIFT) + ti;
        System.arraycopy(keys, f, keys, t, len);
        if (leaf) {
            System.arraycopy(starts, f, starts, t, len);
            System.arraycopy(vals, f, vals, t, len);
        } else {
            System.arraycopy(kids, f, kids, t, len);
        }
    }

    /** Mark slots [from, to) of a node unused: key PAD, no value. */
    private void clearSlots(int node, int from, int to) {
        int b = node << SHIFT;
        Arrays.fill(keys, b + from, b + to, PAD);
        Arrays.fill(vals, b + from, b + to, null);
    }

    private void leafInsertAt(int l, int j, long s, long e, Object v) {
        moveSlots(l, j, l, j + 1, count[l] - j, true);
        int at = (l << SHIFT) + j;
        starts[at] = s;
        keys[at] = e;
        vals[at] = v;
        count[l]++;
        summarize(l);
    }

    private void innerInsertAt(int in, int i, int kid, long max) {
        moveSlots(in, i, in, i + 1, count[in] - i, false);
        int at = (in << SHIFT) + i;
        keys[at] = max;
        kids[at] = kid;
        count[in]++;
        summarize(in);
    }

    // ---------------------------------------------------------------------------------------------------------
    // internals: remove

    /** Remove the range starting at s below {@code node}; the caller fixes this node's key and fill. */
    private boolean remove(int node, int h, long s) {
        if (h == 0) {
            int l = node;
            int j = firstGreater(l, s);
            if (j == count[l] || starts[(l << SHIFT) + j] != s) {
                return false;
            }
            moveSlots(l, j + 1, l, j, count[l] - j - 1, true);
            count[l]--;
            clearSlots(l, count[l], count[l] + 1);
            summarize(l);
            return true;
        }
        int in = node;
        int i = firstGreater(in, s);
        if (i == count[in]) {
            return false;
        }
        int kid = kids[(in << SHIFT) + i];
        if (!remove(kid, h - 1, s)) {
            return false;
        }
        int kidN = count[kid];
        if (kidN >= MIN || count[in] == 1) {
            if (kidN > 0) {
                keys[(in << SHIFT) + i] = maxEnd(kid);
                summarize(in);
            } else {
                removeKid(in, i, h - 1);
            }
            return true;
        }
        rebalance(in, i, h - 1);
        return true;
    }

    /** Child i of {@code in} (at height kh) is below MIN: borrow from a sibling or merge with one. */
    private void rebalance(int in, int i, int kh) {
        int li = i > 0 ? i - 1 : i; // merge/borrow pair (li, li + 1)
        int ib = in << SHIFT;
        int a = kids[ib + li];
        int b = kids[ib + li + 1];
        boolean leaf = kh == 0;
        int na = count[a];
        int nb = count[b];
        if (na + nb <= CAP) {
            moveSlots(b, 0, a, na, nb, leaf);
            count[a] = na + nb;
            summarize(a);
            if (leaf) {
                int nx = nextLeaf[b];
                nextLeaf[a] = nx;
                if (nx != NONE) {
                    prevLeaf[nx] = a;
                }
            }
            keys[ib + li] = maxEnd(a);
            removeKid(in, li + 1, kh);
            return;
        }
        // redistribute evenly
        int wantA = (na + nb) / 2;
        if (na < wantA) {
            int k = wantA - na;
            moveSlots(b, 0, a, na, k, leaf);
            moveSlots(b, k, b, 0, nb - k, leaf);
            clearSlots(b, nb - k, nb);
            count[a] = na + k;
            count[b] = nb - k;
        } else {
            int k = na - wantA;
            moveSlots(b, 0, b, k, nb, leaf);
            moveSlots(a, wantA, b, 0, k, leaf);
            clearSlots(a, wantA, na);
            count[a] = wantA;
            count[b] = nb + k;
        }
        summarize(a);
        summarize(b);
        keys[ib + li] = maxEnd(a);
        keys[ib + li + 1] = maxEnd(b);
        summarize(in);
    }

    /**
     * Drop child i of {@code in} (an emptied node, or one merged into its left sibling, which then still has its
     * count) and free it.
     */
    private void removeKid(int in, int i, int kh) {
        int kid = kids[(in << SHIFT) + i];
        if (kh == 0 && count[kid] == 0) { // unlink an emptied leaf; a merged one was unlinked by the merge
            int p = prevLeaf[kid];
            int nx = nextLeaf[kid];
            if (p != NONE) {
                nextLeaf[p] = nx;
            }
            if (nx != NONE) {
                prevLeaf[nx] = p;
            }
        }
        moveSlots(in, i + 1, in, i, count[in] - i - 1, false);
        count[in]--;
        clearSlots(in, count[in], count[in] + 1);
        summarize(in);
        clearSlots(kid, 0, CAP);
        release(kid);
    }

    // ---------------------------------------------------------------------------------------------------------
    // internals: checks

    private void check(int node, int h, boolean isRoot, long[] last, int[] cnt, int[] prev, int[] seen) {
        seen[0]++;
        int base = node << SHIFT;
        int n = count[node];
        for (int b = 0; b < BLOCKS; b++) {
            if (sums[(node << 3) + b] != keys[base + 8 * b + 7]) {
                throw new IllegalStateException("stale node summary");
            }
        }
        for (int j = n; j < CAP; j++) {
            if (vals[base + j] != null || keys[base + j] != PAD) {
                throw new IllegalStateException("stale value reference or missing padding");
            }
        }
        if (h == 0) {
            if (!isRoot && n < 1) {
                throw new IllegalStateException("empty leaf");
            }
            if (prevLeaf[node] != prev[0] || (prev[0] != NONE && nextLeaf[prev[0]] != node)) {
                throw new IllegalStateException("broken leaf links");
            }
            prev[0] = node;
            for (int j = 0; j < n; j++) {
                long s = starts[base + j];
                long e = keys[base + j];
                if (s >= e || s < last[0]) {
                    throw new IllegalStateException("unordered or overlapping range at " + range("", s ^ FLIP,
                            e ^ FLIP));
                }
                last[0] = e;
                cnt[0]++;
            }
            return;
        }
        if (n < (isRoot ? 2 : 1)) {
            throw new IllegalStateException("inner node with " + n + " children");
        }
        for (int i = 0; i < n; i++) {
            int kid = kids[base + i];
            check(kid, h - 1, false, last, cnt, prev, seen);
            if (keys[base + i] != maxEnd(kid)) {
                throw new IllegalStateException("stale inner key");
            }
        }
    }

    private static String range(String what, long s, long e) {
        return what + "[0x" + Long.toHexString(s) + ", 0x" + Long.toHexString(e) + ")";
    }
}
