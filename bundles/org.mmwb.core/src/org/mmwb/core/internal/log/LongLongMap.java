package org.mmwb.core.internal.log;

/**
 * Minimal open-addressing map from a non-negative int key to a long value (linear probing, never shrinks, no
 * removal): the escape values of one {@link FaultLog} chunk, dropped with the chunk.
 */
final class LongLongMap {

    private int[] keys = new int[8]; // key + 1, 0 = empty
    private long[] vals = new long[8];
    private int size;

    long get(int key) {
        int k = key + 1;
        int mask = keys.length - 1;
        for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
            int c = keys[i];
            if (c == k) {
                return vals[i];
            }
            if (c == 0) {
                throw new IllegalStateException("no escape value for " + key);
            }
        }
    }

    void put(int key, long value) {
        int k = key + 1;
        int mask = keys.length - 1;
        int i = mix(k) & mask;
        while (keys[i] != 0 && keys[i] != k) {
            i = (i + 1) & mask;
        }
        if (keys[i] == 0) {
            size++;
        }
        keys[i] = k;
        vals[i] = value;
        if (size * 2 > keys.length) {
            grow();
        }
    }

    long bytesUsed() {
        return 16 + 4L * keys.length + 16 + 8L * vals.length + 32;
    }

    private void grow() {
        int[] ok = keys;
        long[] ov = vals;
        keys = new int[ok.length * 2];
        vals = new long[ok.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < ok.length; j++) {
            if (ok[j] != 0) {
                int i = mix(ok[j]) & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = ok[j];
                vals[i] = ov[j];
            }
        }
    }

    private static int mix(int k) {
        int h = k * 0x9E3779B1;
        return h ^ (h >>> 16);
    }
}
