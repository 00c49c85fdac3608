package org.mmwb.core.internal.page;

import java.util.Arrays;

/**
 * Open-addressing (linear probing, backward-shift deletion) map from a non-negative long key, (pfn << 12) |
 * offset, to a non-zero byte: the sparse contents of simulated frames. Zero bytes are not stored.
 */
final class ByteMap {

    private static final long EMPTY = 0;

    private long[] keys = new long[16]; // key + 1, 0 = empty
    private byte[] vals = new byte[16];
    private int size;
    private int mask = 15;
    private int shift = 60; // 64 - log2(capacity)

    byte get(long key) {
        long k = key + 1;
        for (int i = slot(k); ; i = (i + 1) & mask) {
            long c = keys[i];
            if (c == k) {
                return vals[i];
            }
            if (c == EMPTY) {
                return 0;
            }
        }
    }

    void put(long key, byte b) {
        if (b == 0) {
            remove(key);
            return;
        }
        long k = key + 1;
        int i = slot(k);
        for (; ; i = (i + 1) & mask) {
            long c = keys[i];
            if (c == k) {
                vals[i] = b;
                return;
            }
            if (c == EMPTY) {
                break;
            }
        }
        keys[i] = k;
        vals[i] = b;
        if (++size * 4 > keys.length * 3) {
            rehash(keys.length * 2);
        }
    }

    void remove(long key) {
        long k = key + 1;
        int i = slot(k);
        for (; ; i = (i + 1) & mask) {
            long c = keys[i];
            if (c == EMPTY) {
                return;
            }
            if (c == k) {
                break;
            }
        }
        // backward-shift deletion: pull later members of the probe chain into the hole
        int hole = i;
        for (int j = (hole + 1) & mask; keys[j] != EMPTY; j = (j + 1) & mask) {
            int home = slot(keys[j]);
            // move j to hole if home is not cyclically in (hole, j]
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                keys[hole] = keys[j];
                vals[hole] = vals[j];
                hole = j;
            }
        }
        keys[hole] = EMPTY;
        vals[hole] = 0;
        size--;
    }

    /** Remove every byte of frame {@code pfn}. */
    void removeFrame(long pfn) {
        long[] ks = frameKeys(pfn);
        for (long k : ks) {
            remove(k);
        }
    }

    /**
     * Copy every byte of frame {@code from} to frame {@code to} (whose bytes other than 0 must be absent).
     *
     * @return true if anything was copied
     */
    boolean copyFrame(long from, long to) {
        long[] ks = frameKeys(from);
        for (long k : ks) {
            put((to << 12) | (k & 0xfff), get(k));
        }
        return ks.length > 0;
    }

    int size() {
        return size;
    }

    long bytesUsed() {
        return 16 + 8L * keys.length + 16 + vals.length + 32;
    }

    /** Keys of one frame: probe its 4095 offsets, or scan the table when that is cheaper. */
    private long[] frameKeys(long pfn) {
        long[] out = new long[16];
        int n = 0;
        if (keys.length <= 4096) {
            for (long c : keys) {
                if (c != EMPTY && ((c - 1) >>> 12) == pfn) {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = c - 1;
                }
            }
        } else {
            for (int off = 1; off < 4096; off++) {
                long key = (pfn << 12) | off;
                if (get(key) != 0) {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = key;
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    private int slot(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h >>> shift);
    }

    private void rehash(int cap) {
        long[] ok = keys;
        byte[] ov = vals;
        keys = new long[cap];
        vals = new byte[cap];
        mask = cap - 1;
        shift = 64 - Integer.numberOfTrailingZeros(cap);
        for (int i = 0; i < ok.length; i++) {
            long k = ok[i];
            if (k != EMPTY) {
                int j = slot(k);
                while (keys[j] != EMPTY) {
                    j = (j + 1) & mask;
                }
                keys[j] = k;
                vals[j] = ov[i];
            }
        }
    }
}
