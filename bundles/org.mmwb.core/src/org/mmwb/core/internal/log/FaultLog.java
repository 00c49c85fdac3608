package org.mmwb.core.internal.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mmwb.core.mm.ReadOnlyFaultLog;

/**
 * The fault log: one row per page fault handled (handle_mm_fault and its outcome), stored in columnar primitive
 * chunks, about 24 bytes per fault.
 *
 * <p>Columns per chunk: address (long), vma start as a signed page distance from the address (int), pgoff (int),
 * pfn (int) and a tuple id (int) naming the distinct combination (pid, access, handler, path, result) in a small
 * dictionary. Values that do not fit an int go to a per-chunk escape map, dropped with the chunk. Only the newest
 * {@code limit} faults are kept; sequence numbers keep counting, so a seq names the same fault for ever.
 * Appending allocates nothing except a new chunk every few ten thousand faults (and none once the limit is
 * reached: dropped chunks are reused).
 *
 * <p>Not thread-safe.
 */
public final class FaultLog implements ReadOnlyFaultLog {


    private static final int FIELDS = 5; // pid, access, handler, path, result
    private static final int ESC = Integer.MIN_VALUE;
    private static final int COL_VMA = 0;
    private static final int COL_PGOFF = 1;
    private static final int COL_PFN = 2;

    /** One chunk of rows. */
    private static final class Chunk {
        final long[] address;
        final int[] vmaDelta;
        final int[] pgoff;
        final int[] pfn;
        final int[] tuple;
        LongLongMap escapes;

        Chunk(int n) {
            address = new long[n];
            vmaDelta = new int[n];
            pgoff = new int[n];
            pfn = new int[n];
            tuple = new int[n];
        }

        long bytes() {
            return 5 * 16 + 32 + 8L * address.length + 16L * vmaDelta.length
                    + (escapes == null ? 0 : escapes.bytesUsed());
        }
    }

    private final long limit;
    private final int chunkShift;
    private final int chunkMask;

    private Chunk[] ring = new Chunk[8];
    private long firstChunk; // chunk number of ring's oldest live chunk
    private long liveChunks;
    private Chunk current;
    private Chunk spare;
    private long first;
    private long next;

    // tuple dictionary
    private int[] tuples = new int[FIELDS * 16];
    private int tupleCount;
    private int[] tupleIndex = new int[32]; // tuple id + 1, 0 = empty
    private int lastTuple = -1;

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private long nameBytes;

    /**
     * @param limit the most faults kept (older ones are dropped); {@code Long.MAX_VALUE} for no limit
     */
    public FaultLog(long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
        long want = Long.highestOneBit(Math.max(1, limit / 4));
        this.chunkShift = Long.numberOfTrailingZeros(Math.max(1 << 10, Math.min(1 << 16, want)));
        this.chunkMask = (1 << chunkShift) - 1;
    }

    /** The limit given at construction. */
    @Override
    public long limit() {
        return limit;
    }

    /**
     * Record one fault.
     *
     * @param pid      the faulting task
     * @param address  the faulting address (unmasked)
     * @param access   ACCESS_* bits
     * @param vmaStart vm_start of the VMA find_vma returned, {@link #NO_VMA} if none
     * @param handler  interned id of the handler (vm_ops / special mapping name)
     * @param pgoff    vmf->pgoff
     * @param result   VM_FAULT_* bits
     * @param pfn      the PFN mapped, {@link #NO_PFN} if none
     * @param path     interned id of the path taken, e.g. "do_anonymous_page"
     * @return the fault's sequence number
     */
    public long append(int pid, long address, int access, long vmaStart, int handler, long pgoff, int result,
            long pfn, int path) {
        long seq = next;
        int i = (int) seq & chunkMask;
        if (i == 0 || current == null) {
            current = newChunk(seq >>> chunkShift);
        }
        Chunk c = current;
        c.address[i] = address;
        c.vmaDelta[i] = encodeVma(c, i, address, vmaStart);
        c.pgoff[i] = encode(c, i, COL_PGOFF, pgoff);
        c.pfn[i] = encode(c, i, COL_PFN, pfn);
        c.tuple[i] = tuple(pid, access, handler, path, result);
        next = seq + 1;
        if (next - first > limit) {
            first = next - limit;
            dropBelow(first >>> chunkShift);
        }
        return seq;
    }

    /** Faults kept now. */
    @Override
    public long size() {
        return next - first;
    }

    /** Sequence number of the oldest fault kept (== nextSeq() when empty). */
    @Override
    public long firstSeq() {
        return first;
    }

    /** Sequence number the next append will get. */
    @Override
    public long nextSeq() {
        return next;
    }

    /** The faulting task. */
    @Override
    public int pid(long seq) {
        return tupleField(seq, 0);
    }

    /** The faulting address. */
    @Override
    public long address(long seq) {
        Chunk c = chunk(seq);
        return c.address[(int) seq & chunkMask];
    }

    /** ACCESS_* bits. */
    @Override
    public int access(long seq) {
        return tupleField(seq, 1);
    }

    /** vm_start of the VMA, {@link #NO_VMA} if none. */
    @Override
    public long vmaStart(long seq) {
        Chunk c = chunk(seq);
        int i = (int) seq & chunkMask;
        int d = c.vmaDelta[i];
        if (d == ESC) {
            return c.escapes.get(i * 4 + COL_VMA);
        }
        if (d == ESC + 1) {
            return NO_VMA;
        }
        return (c.address[i] & ~0xfffL) - ((long) d << 12);
    }

    /** Interned handler id. */
    @Override
    public int handler(long seq) {
        return tupleField(seq, 2);
    }

    /** vmf->pgoff. */
    @Override
    public long pgoff(long seq) {
        Chunk c = chunk(seq);
        int i = (int) seq & chunkMask;
        return decode(c, i, COL_PGOFF, c.pgoff[i]);
    }

    /** VM_FAULT_* bits. */
    @Override
    public int result(long seq) {
        return tupleField(seq, 4);
    }

    /** PFN mapped, {@link #NO_PFN} if none. */
    @Override
    public long pfn(long seq) {
        Chunk c = chunk(seq);
        int i = (int) seq & chunkMask;
        return decode(c, i, COL_PFN, c.pfn[i]);
    }

    /** Interned id of the path taken. */
    @Override
    public int path(long seq) {
        return tupleField(seq, 3);
    }

    /** Interned id of {@code name} (the same name always gets the same id). */
    public int intern(String name) {
        Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        int n = names.size();
        names.add(name);
        ids.put(name, n);
        nameBytes += 96 + 2L * name.length();
        return n;
    }

    /** The name of an interned id, or null if the id is unknown. */
    @Override
    public String name(int id) {
        return id >= 0 && id < names.size() ? names.get(id) : null;
    }

    /** Drop every fault; sequence numbers go on from where they were, interned names stay. */
    public void clear() {
        first = next;
        dropBelow(Long.MAX_VALUE);
        current = null;
        spare = null;
        firstChunk = next >>> chunkShift;
    }

    /** Approximate Java heap bytes: chunks, dictionary, interned names. */
    @Override
    public long bytesUsed() {
        long b = 128 + 16 + 4L * ring.length + 16 + 4L * tuples.length + 16 + 4L * tupleIndex.length + nameBytes;
        for (long k = 0; k < liveChunks; k++) {
            b += ring[(int) ((firstChunk + k) & (ring.length - 1))].bytes();
        }
        if (spare != null) {
            b += spare.bytes();
        }
        return b;
    }

    // ---------------------------------------------------------------------------------------------------------

    private Chunk chunk(long seq) {
        if (seq < first || seq >= next) {
            throw new IndexOutOfBoundsException("fault " + seq + " not in [" + first + ", " + next + ")");
        }
        return ring[(int) ((seq >>> chunkShift) & (ring.length - 1))];
    }

    private int tupleField(long seq, int field) {
        Chunk c = chunk(seq);
        return tuples[c.tuple[(int) seq & chunkMask] * FIELDS + field];
    }

    private Chunk newChunk(long number) {
        if (liveChunks == 0) {
            firstChunk = number;
        }
        if (liveChunks == ring.length) {
            Chunk[] bigger = new Chunk[ring.length * 2];
            for (long k = 0; k < liveChunks; k++) {
                long no = firstChunk + k;
                bigger[(int) (no & (bigger.length - 1))] = ring[(int) (no & (ring.length - 1))];
            }
            ring = bigger;
        }
        Chunk c = spare;
        spare = null;
        if (c == null) {
            c = new Chunk(1 << chunkShift);
        } else {
            c.escapes = null;
        }
        ring[(int) (number & (ring.length - 1))] = c;
        liveChunks++;
        return c;
    }

    /** Drop live chunks whose number is below {@code number}, keeping one for reuse. */
    private void dropBelow(long number) {
        while (liveChunks > 0 && firstChunk < number) {
            int slot = (int) (firstChunk & (ring.length - 1));
            Chunk c = ring[slot];
            ring[slot] = null;
            if (c == current) {
                current = null;
            }
            spare = c;
            firstChunk++;
            liveChunks--;
        }
    }

    private static int encode(Chunk c, int i, int col, long v) {
        if (v == (int) v && v != ESC) {
            return (int) v;
        }
        escape(c, i, col, v);
        return ESC;
    }

    private static long decode(Chunk c, int i, int col, int stored) {
        return stored == ESC ? c.escapes.get(i * 4 + col) : stored;
    }

    private static int encodeVma(Chunk c, int i, long address, long vmaStart) {
        if (vmaStart == NO_VMA) {
            return ESC + 1;
        }
        if ((vmaStart & 0xfff) == 0) {
            long d = ((address & ~0xfffL) - vmaStart) >> 12;
            if (d == (int) d && d > ESC + 1) {
                return (int) d;
            }
        }
        escape(c, i, COL_VMA, vmaStart);
        return ESC;
    }

    private static void escape(Chunk c, int i, int col, long v) {
        if (c.escapes == null) {
            c.escapes = new LongLongMap();
        }
        c.escapes.put(i * 4 + col, v);
    }

    /** The dictionary id of a (pid, access, handler, path, result) tuple, adding it if new. */
    private int tuple(int pid, int access, int handler, int path, int result) {
        int t = lastTuple;
        if (t >= 0) {
            int o = t * FIELDS;
            if (tuples[o] == pid && tuples[o + 1] == access && tuples[o + 2] == handler && tuples[o + 3] == path
                    && tuples[o + 4] == result) {
                return t;
            }
        }
        int h = pid * 0x9E3779B1 ^ access * 0x85EBCA6B ^ handler * 0xC2B2AE35 ^ path * 0x27D4EB2F ^ result * 0x165667B1;
        h ^= h >>> 15;
        int mask = tupleIndex.length - 1;
        for (int s = h & mask; ; s = (s + 1) & mask) {
            int id = tupleIndex[s] - 1;
            if (id < 0) {
                id = addTuple(pid, access, handler, path, result);
                tupleIndex[s] = id + 1;
                if (tupleCount * 2 > tupleIndex.length) {
                    rehashTuples();
                }
                lastTuple = id;
                return id;
            }
            int o = id * FIELDS;
            if (tuples[o] == pid && tuples[o + 1] == access && tuples[o + 2] == handler && tuples[o + 3] == path
                    && tuples[o + 4] == result) {
                lastTuple = id;
                return id;
            }
        }
    }

    private int addTuple(int pid, int access, int handler, int path, int result) {
        int id = tupleCount++;
        int o = id * FIELDS;
        if (o + FIELDS > tuples.length) {
            tuples = Arrays.copyOf(tuples, tuples.length * 2);
        }
        tuples[o] = pid;
        tuples[o + 1] = access;
        tuples[o + 2] = handler;
        tuples[o + 3] = path;
        tuples[o + 4] = result;
        return id;
    }

    private void rehashTuples() {
        tupleIndex = new int[tupleIndex.length * 2];
        int mask = tupleIndex.length - 1;
        for (int id = 0; id < tupleCount; id++) {
            int o = id * FIELDS;
            int h = tuples[o] * 0x9E3779B1 ^ tuples[o + 1] * 0x85EBCA6B ^ tuples[o + 2] * 0xC2B2AE35
                    ^ tuples[o + 3] * 0x27D4EB2F ^ tuples[o + 4] * 0x165667B1;
            h ^= h >>> 15;
            int s = h & mask;
            while (tupleIndex[s] != 0) {
                s = (s + 1) & mask;
            }
            tupleIndex[s] = id + 1;
        }
    }
}
