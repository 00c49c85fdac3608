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
    private final boolean regular;
    private boolean thpUnmappedArea;
    private final int ino;
    private long size;
    private long[] cache = new long[0];

    private MemFile(String name, String mapsName, long size, boolean zeroFilled, int ino) {
        this(name, mapsName, size, zeroFilled, false, ino);
    }

    private MemFile(String name, String mapsName, long size, boolean zeroFilled, boolean regular, int ino) {
        this.name = name;
        this.mapsName = mapsName;
        this.size = size;
        this.zeroFilled = zeroFilled;
        this.regular = regular;
        this.ino = ino;
    }

    /**
     * A regular file of a real file system (a recording's ELF image, shared library, locale file...): its path,
     * i_size and inode number. Only the pages put into its cache ({@link Kernel#cachePage}) are cached, so
     * fault-around (filemap_map_pages) maps exactly those; a fault on another page reads it in.
     */
    public static MemFile file(String path, long size, int ino) {
        return new MemFile(path, path, Math.max(0, size), false, true, ino);
    }

    /**
     * A regular file whose file system places mappings with thp_get_unmapped_area (ext4, xfs): mmap(NULL) of a
     * range holding a whole 2 MiB block is aligned to 2 MiB.
     */
    public static MemFile file(String path, long size, int ino, boolean thpUnmappedArea) {
        MemFile f = file(path, size, ino);
        f.thpUnmappedArea = thpUnmappedArea;
        return f;
    }

    /** Whether mmap places this file's mappings with thp_get_unmapped_area. */
    public boolean thpUnmappedArea() {
        return thpUnmappedArea;
    }

    /** True for a regular file made by {@link #file}: fault-around maps only its cached pages. */
    public boolean regular() {
        return regular;
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

    /** The name given to memfd_create ("dev/zero" for a shared anonymous mapping). */
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

    /** Page indexes below this live in a dense array; a huge file's far pages in a sparse map. */
    private static final long DENSE_PAGES = 1 << 20;

    private java.util.TreeMap<Long, Long> sparse;

    /** The page-cache PFN of page index, or -1 when not cached (engine use). */
    public long cachedPfn(long index) {
        if (index >= 0 && index < cache.length) {
            return cache[(int) index];
        }
        if (index >= DENSE_PAGES && sparse != null) {
            Long pfn = sparse.get(index);
            return pfn == null ? -1 : pfn;
        }
        return -1;
    }

    /** Records a page-cache PFN (engine use); index is a page index inside the file (0 .. sizePages-1). */
    public void setCachedPfn(long index, long pfn) {
        if (index < 0) {
            throw new IllegalArgumentException("negative page index " + index);
        }
        if (index >= DENSE_PAGES) {
            if (sparse == null) {
                sparse = new java.util.TreeMap<>();
            }
            sparse.put(index, pfn);
            return;
        }
        if (index >= cache.length) {
            int n = (int) Math.min(DENSE_PAGES, Math.max(index + 1, cache.length * 2L));
            long[] c = Arrays.copyOf(cache, n);
            Arrays.fill(c, cache.length, n, -1L);
            cache = c;
        }
        cache[(int) index] = pfn;
    }

    /** Number of dense page-cache slots (engine use); see {@link #forEachCached} for every cached page. */
    public int cacheSlots() {
        return cache.length;
    }

    /** Receives one cached page: its index in the file and its PFN. */
    public interface CacheVisitor {
        /** Called once per cached page, in index order. */
        void visit(long index, long pfn);
    }

    /** Visits every page in the cache in index order (engine use: invariants, views). */
    public void forEachCached(CacheVisitor v) {
        for (int i = 0; i < cache.length; i++) {
            if (cache[i] >= 0) {
                v.visit(i, cache[i]);
            }
        }
        if (sparse != null) {
            sparse.forEach((i, pfn) -> v.visit(i, pfn));
        }
    }

    @Override
    public String toString() {
        return mapsName;
    }
}
