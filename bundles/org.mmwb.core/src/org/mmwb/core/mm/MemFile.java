package org.mmwb.core.mm;

import java.util.Arrays;

/**
 * A memfd-like shmem file: a size and a page cache. Page i, when first brought into the cache, holds
 * {@code 'A' + i % 26} in its byte 0, so tests and dumps can tell which file page a mapping shows.
 * Shared anonymous mappings use one of these too (the kernel's "/dev/zero (deleted)" shmem file),
 * with zero-filled pages.
 */
public final class MemFile {
    private static int nextIno = 1;

    private final String name;
    private final String mapsName;
    private final boolean zeroFilled;
    private final int ino;
    private long size;
    private long[] cache = new long[0];

    private MemFile(String name, String mapsName, long size, boolean zeroFilled, int ino) {
        this.name = name;
        this.mapsName = mapsName;
        this.size = size;
        this.zeroFilled = zeroFilled;
        this.ino = ino;
    }

    private static synchronized int nextIno() {
        return nextIno++;
    }

    /** memfd_create(name) + ftruncate(size): shown as "/memfd:NAME (deleted)"; prefer {@link Kernel#memfd}. */
    public static MemFile memfd(String name, long size) {
        return memfd(name, size, nextIno());
    }

    /** A memfd with a given inode number (the kernel numbers its own files, so runs are reproducible). */
    public static MemFile memfd(String name, long size, int ino) {
        return new MemFile(name, "/memfd:" + name + " (deleted)", Math.max(0, size), false, ino);
    }

    /** shmem_zero_setup: the hidden file behind a MAP_SHARED|MAP_ANONYMOUS mapping. */
    public static MemFile devZero(long size, int ino) {
        return new MemFile("dev/zero", "/dev/zero (deleted)", size, true, ino);
    }

    public String name() {
        return name;
    }

    /** The path /proc/PID/maps shows. */
    public String mapsName() {
        return mapsName;
    }

    /** i_size in bytes. */
    public long size() {
        return size;
    }

    /** ftruncate: pages beyond the new size leave the cache (they stay mapped until unmapped, as a simplification). */
    public void truncate(long newSize) {
        size = Math.max(0, newSize);
    }

    /** An inode number, for dumps. */
    public int ino() {
        return ino;
    }

    /** True for the shared-anonymous backing file (pages start zero-filled). */
    public boolean zeroFilled() {
        return zeroFilled;
    }

    /** Pages of the file: ceil(size / 4096). */
    public long sizePages() {
        return (size + 4095) >>> 12;
    }

    /** The page-cache PFN of page index, or -1 when not cached (engine use). */
    public long cachedPfn(long index) {
        return index >= 0 && index < cache.length ? cache[(int) index] : -1;
    }

    /** Records a page-cache PFN (engine use). */
    public void setCachedPfn(long index, long pfn) {
        if (index >= cache.length) {
            int n = Math.max((int) index + 1, cache.length * 2);
            long[] c = Arrays.copyOf(cache, n);
            Arrays.fill(c, cache.length, n, -1L);
            cache = c;
        }
        cache[(int) index] = pfn;
    }

    /** Number of page-cache slots (engine use, for walking the cache). */
    public int cacheSlots() {
        return cache.length;
    }

    @Override
    public String toString() {
        return mapsName;
    }
}
