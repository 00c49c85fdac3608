package org.mmwb.core.internal.page;

import java.util.Arrays;
import java.util.HashMap;

/**
 * Simulated physical memory: the {@code struct page} metadata of every frame (refcount, _mapcount, kind,
 * PageAnonExclusive, byte 0 of the contents) packed into 6 bytes per frame (an int of counts and a short of
 * flags, in chunked primitive arrays), and the frames' contents stored sparsely. Counts beyond 65534 saturate
 * their 16-bit field and live exactly in a side map (a page shared by that many mappings is rare).
 *
 * <p>Physical layout (x86-64 like): RAM frames are handed out from {@link #RAM_START_PFN} upwards, skipping the
 * 32-bit PCI hole [{@link #IO_PFN_BASE}, {@link #IO_PFN_END}) (3 GiB..4 GiB) where simulated devices live (the HPET
 * at 0xfed00 for instance). Freed frames are reused first (a LIFO free list, like the per-cpu page lists).
 *
 * <p>Contents: byte 0 of each frame lives inline in the frame's flags (that is the byte scenarios touch);
 * any other written byte lives in an open-addressing map keyed by (pfn, offset). No frame ever owns a byte[4096].
 * Bytes of non-RAM frames (device registers) may be written and read too; they live in the map.
 *
 * <p>RAM has a size ({@link #ramFrames()}): frames with a {@code struct page} and page-table pages
 * ({@link #tryChargePgtable()}, the kernel's NR_PAGETABLE) share it. When it is used up {@link #alloc} answers
 * {@link #NO_PAGE} (the buddy allocator's NULL); the fault path turns that into the OOM killer and VM_FAULT_OOM.
 * Page-table pages also have a cap of their own ({@link #maxPgtableFrames()}): each costs 4 KiB of Java heap,
 * where a data frame costs about 6 bytes, so the cap keeps a sparse scenario from exhausting the Java heap.
 *
 * <p>Not thread-safe.
 */
public final class PhysMem {

    /** Kind of a RAM frame not allocated. */
    public static final int KIND_FREE = 0;
    /** Anonymous page (PageAnon). */
    public static final int KIND_ANON = 1;
    /** Page-cache page of a file or shmem. */
    public static final int KIND_FILE = 2;
    /** Kernel page (vdso image, vvar data, the zero page). */
    public static final int KIND_KERNEL = 3;
    /** What {@link #kind(long)} answers for a PFN outside RAM (device memory, PFNMAP/IO). */
    public static final int KIND_IO = 7;

    /** First PFN that is not RAM: start of the 32-bit PCI hole (3 GiB), for simulated devices. */
    public static final long IO_PFN_BASE = 0xc0000L;
    /** First PFN above the PCI hole (4 GiB): RAM continues here. */
    public static final long IO_PFN_END = 0x100000L;
    /** First PFN the allocator hands out (the first MiB stays with the firmware). */
    public static final long RAM_START_PFN = 0x100L;
    /** Highest physical address bits on x86-64 (52): PFNs at or above 1 << 40 do not exist. */
    public static final long MAX_PFN = 1L << 40;
    /** What {@link #alloc} answers when RAM is used up (alloc_page returning NULL). */
    public static final long NO_PAGE = -1;
    /** Default RAM size: 4 GiB (1M frames, about 6 MiB of Java heap when all are used). */
    public static final long DEFAULT_RAM_FRAMES = 1L << 20;
    /** Default cap on page-table pages: 64Ki tables, 256 MiB of Java heap (the tables of 128 GiB of 4 KiB PTEs). */
    public static final long DEFAULT_MAX_PGTABLE_FRAMES = 1L << 16;
    /** Largest RAM the frame index space holds (frames are int-indexed). */
    public static final long MAX_RAM_FRAMES = Integer.MAX_VALUE - 4096L;

    // Metadata: 6 bytes per frame in two chunked arrays.
    // counts (int): refcount in bits 0..15, mapcount in bits 16..31; a field at SAT means "see the big map".
    // flags (short): kind bits 0..2, PageAnonExclusive bit 3, HAS_EXTRA bit 4, byte 0 of the contents bits 8..15.
    private static final int SAT = 0xffff;
    private static final int KIND_MASK = 7;
    private static final int ANON_EXCLUSIVE = 1 << 3;
    /** Some byte other than byte 0 is in the content map. */
    private static final int HAS_EXTRA = 1 << 4;
    private static final int BYTE0_SHIFT = 8;

    private static final int CHUNK_SHIFT = 12;
    private static final int CHUNK = 1 << CHUNK_SHIFT;
    private static final long HOLE = IO_PFN_END - IO_PFN_BASE;

    private int[][] counts = new int[16][];
    private short[][] flags = new short[16][];
    private int frontier; // frames ever used (frame index space)
    private int[] freeList = new int[64];
    private int freeTop;
    private long allocated;
    private final ByteMap extra = new ByteMap();
    /** Frames whose refcount or mapcount reached SAT: frame -> {refcount, mapcount}. */
    private final HashMap<Integer, long[]> big = new HashMap<>();
    private final long zeroPfn;
    private long ramFrames;
    private long maxPgtableFrames = DEFAULT_MAX_PGTABLE_FRAMES;
    private long pgtableFrames;

    /** 4 GiB of RAM ({@link #DEFAULT_RAM_FRAMES}); the zero page is allocated first. */
    public PhysMem() {
        this(DEFAULT_RAM_FRAMES);
    }

    /**
     * RAM of {@code ramFrames} frames (clamped to [1, {@link #MAX_RAM_FRAMES}]), metadata growing as frames are
     * allocated; the zero page is allocated first.
     */
    public PhysMem(long ramFrames) {
        setRamFrames(ramFrames);
        zeroPfn = alloc(KIND_KERNEL);
    }

    /** totalram_pages: frames of RAM. */
    public long ramFrames() {
        return ramFrames;
    }

    /**
     * Resizes RAM (clamped to [1, {@link #MAX_RAM_FRAMES}]). Shrinking below what is in use frees nothing:
     * allocations fail until enough is freed.
     */
    public void setRamFrames(long frames) {
        ramFrames = Math.max(1, Math.min(frames, MAX_RAM_FRAMES));
    }

    /** Frames neither allocated nor holding page tables (never negative). */
    public long freeFrames() {
        return Math.max(0, ramFrames - allocated - pgtableFrames);
    }

    /** The cap on page-table pages (a Java heap guard on top of the RAM limit). */
    public long maxPgtableFrames() {
        return maxPgtableFrames;
    }

    /** Sets the cap on page-table pages (at least 1). */
    public void setMaxPgtableFrames(long n) {
        maxPgtableFrames = Math.max(1, n);
    }

    /** Page-table pages in use (NR_PAGETABLE), pgds excluded. */
    public long pgtableFrames() {
        return pgtableFrames;
    }

    /** pagetable_alloc for the fault path: charges one page-table page, false when RAM or the cap is used up. */
    public boolean tryChargePgtable() {
        if (pgtableFrames >= maxPgtableFrames || allocated + pgtableFrames >= ramFrames) {
            return false;
        }
        pgtableFrames++;
        return true;
    }

    /**
     * Charges one page-table page whatever the limits (splits, fork and mremap copies, which the simulator does
     * not fail; they never add more tables than already exist).
     */
    public void chargePgtable() {
        pgtableFrames++;
    }

    /** pagetable_free: gives a page-table page back. */
    public void unchargePgtable() {
        if (pgtableFrames > 0) {
            pgtableFrames--;
        }
    }

    /** The shared zero page (ZERO_PAGE(0) / my_zero_pfn): never freed, get/put on it change nothing. */
    public long zeroPfn() {
        return zeroPfn;
    }

    /**
     * alloc_page: a frame with refcount 1, mapcount 0, all-zero contents.
     *
     * @param kind {@link #KIND_ANON}, {@link #KIND_FILE} or {@link #KIND_KERNEL}
     * @return its PFN, or {@link #NO_PAGE} when RAM is used up
     */
    public long alloc(int kind) {
        if (kind != KIND_ANON && kind != KIND_FILE && kind != KIND_KERNEL) {
            throw new IllegalArgumentException("bad page kind " + kind);
        }
        if (allocated + pgtableFrames >= ramFrames) {
            return NO_PAGE;
        }
        int f;
        if (freeTop > 0) {
            f = freeList[--freeTop];
        } else {
            f = frontier++;
            int c = f >>> CHUNK_SHIFT;
            if (c == counts.length) {
                counts = Arrays.copyOf(counts, c * 2);
                flags = Arrays.copyOf(flags, c * 2);
            }
            if (counts[c] == null) {
                counts[c] = new int[CHUNK];
                flags[c] = new short[CHUNK];
            }
        }
        counts[f >>> CHUNK_SHIFT][f & (CHUNK - 1)] = 1;
        flags[f >>> CHUNK_SHIFT][f & (CHUNK - 1)] = (short) kind;
        allocated++;
        return pfnOf(f);
    }

    /** get_page: refcount + 1. */
    public void get(long pfn) {
        int f = frame(pfn);
        if (f < 0 || pfn == zeroPfn) {
            return;
        }
        checkAllocated(f, pfn);
        int c = countsOf(f);
        int r = c & SAT;
        if (r < SAT - 1) {
            setCounts(f, c + 1);
        } else {
            long[] b = bigOf(f, c);
            b[0]++;
            setCounts(f, c | SAT);
        }
    }

    /**
     * put_page: refcount - 1; at 0 the frame is freed (contents dropped, frame back on the free list).
     *
     * @return true if the frame was freed
     */
    public boolean put(long pfn) {
        int f = frame(pfn);
        if (f < 0 || pfn == zeroPfn) {
            return false;
        }
        checkAllocated(f, pfn);
        int c = countsOf(f);
        int r = c & SAT;
        if (r == SAT) {
            long[] b = big.get(f);
            if (--b[0] >= SAT) {
                return false;
            }
            c = (c & ~SAT) | (int) b[0];
            setCounts(f, c);
            dropBigIfSmall(f, c);
            return false;
        }
        if (r > 1) {
            setCounts(f, c - 1);
            return false;
        }
        if ((flagsOf(f) & HAS_EXTRA) != 0) {
            extra.removeFrame(pfn);
        }
        big.remove(f);
        setCounts(f, 0);
        setFlags(f, 0);
        allocated--;
        if (freeTop == freeList.length) {
            freeList = Arrays.copyOf(freeList, freeTop * 2);
        }
        freeList[freeTop++] = f;
        return true;
    }

    /** page_ref_count; 0 for free frames and non-RAM PFNs. */
    public int refcount(long pfn) {
        int f = frame(pfn);
        if (f < 0) {
            return 0;
        }
        int r = countsOf(f) & SAT;
        return r != SAT ? r : (int) big.get(f)[0];
    }

    /** page_mapcount: how many page-table entries map the frame (the kernel's _mapcount + 1). */
    public int mapcount(long pfn) {
        int f = frame(pfn);
        if (f < 0) {
            return 0;
        }
        int m = countsOf(f) >>> 16;
        return m != SAT ? m : (int) big.get(f)[1];
    }

    /** Mapcount + 1 (folio_add_*_rmap_pte). No-op for the zero page and non-RAM PFNs. */
    public void incMapcount(long pfn) {
        int f = frame(pfn);
        if (f < 0 || pfn == zeroPfn) {
            return;
        }
        checkAllocated(f, pfn);
        int c = countsOf(f);
        int m = c >>> 16;
        if (m < SAT - 1) {
            setCounts(f, c + (1 << 16));
        } else {
            long[] b = bigOf(f, c);
            b[1]++;
            setCounts(f, c | (SAT << 16));
        }
    }

    /** Mapcount - 1 (folio_remove_rmap_pte). No-op for the zero page and non-RAM PFNs. */
    public void decMapcount(long pfn) {
        int f = frame(pfn);
        if (f < 0 || pfn == zeroPfn) {
            return;
        }
        checkAllocated(f, pfn);
        int c = countsOf(f);
        int m = c >>> 16;
        if (m == 0) {
            throw new IllegalStateException("mapcount underflow of pfn 0x" + Long.toHexString(pfn));
        }
        if (m != SAT) {
            setCounts(f, c - (1 << 16));
            return;
        }
        long[] b = big.get(f);
        if (--b[1] < SAT) {
            c = (c & SAT) | ((int) b[1] << 16);
            setCounts(f, c);
            dropBigIfSmall(f, c);
        }
    }

    /** The frame's kind: KIND_FREE for unallocated RAM, KIND_IO outside RAM. */
    public int kind(long pfn) {
        int f = frame(pfn);
        if (f < 0) {
            return isRam(pfn) ? KIND_FREE : KIND_IO;
        }
        return flagsOf(f) & KIND_MASK;
    }

    /** pfn_valid for RAM: false in the IO hole and beyond the physical address width (device memory). */
    public boolean isRam(long pfn) {
        return pfn >= 0 && pfn < MAX_PFN && (pfn < IO_PFN_BASE || pfn >= IO_PFN_END);
    }

    /** True if the frame is allocated RAM (refcount > 0). */
    public boolean isAllocated(long pfn) {
        int f = frame(pfn);
        return f >= 0 && (flagsOf(f) & KIND_MASK) != 0;
    }

    /** PageAnonExclusive. */
    public boolean anonExclusive(long pfn) {
        int f = frame(pfn);
        return f >= 0 && (flagsOf(f) & ANON_EXCLUSIVE) != 0;
    }

    /** SetPageAnonExclusive / ClearPageAnonExclusive. No-op for non-RAM or free frames. */
    public void setAnonExclusive(long pfn, boolean exclusive) {
        int f = frame(pfn);
        if (f < 0) {
            return;
        }
        int m = flagsOf(f);
        if ((m & KIND_MASK) == 0) {
            return;
        }
        setFlags(f, exclusive ? m | ANON_EXCLUSIVE : m & ~ANON_EXCLUSIVE);
    }

    /** One byte of a frame's contents; 0 where never written. */
    public byte read(long pfn, int offset) {
        checkOffset(offset);
        int f = frame(pfn);
        if (f < 0) {
            return extra.get(key(pfn, offset));
        }
        int m = flagsOf(f);
        if (offset == 0) {
            return (byte) (m >>> BYTE0_SHIFT);
        }
        return (m & HAS_EXTRA) == 0 ? 0 : extra.get(key(pfn, offset));
    }

    /**
     * Store one byte into a frame (non-RAM frames: a device register byte). Writes to RAM frames that are not
     * allocated are dropped.
     */
    public void write(long pfn, int offset, byte b) {
        checkOffset(offset);
        int f = frame(pfn);
        if (f < 0) {
            if (pfn >= 0 && pfn < MAX_PFN && !isRam(pfn)) {
                extra.put(key(pfn, offset), b);
            }
            return;
        }
        int m = flagsOf(f);
        if ((m & KIND_MASK) == 0) {
            return; // a free frame has no contents
        }
        if (offset == 0) {
            setFlags(f, (m & 0xff) | ((b & 0xff) << BYTE0_SHIFT));
            return;
        }
        if (b == 0 && (m & HAS_EXTRA) == 0) {
            return;
        }
        extra.put(key(pfn, offset), b);
        if ((m & HAS_EXTRA) == 0) {
            setFlags(f, m | HAS_EXTRA);
        }
    }

    /** copy_user_highpage: the contents of {@code toPfn} become those of {@code fromPfn}. */
    public void copy(long fromPfn, long toPfn) {
        int from = frame(fromPfn);
        int to = frame(toPfn);
        if (from < 0 || to < 0 || fromPfn == toPfn) {
            if (fromPfn != toPfn) {
                for (int off = 0; off < 4096; off++) {
                    write(toPfn, off, read(fromPfn, off));
                }
            }
            return;
        }
        int mt = flagsOf(to);
        if ((mt & KIND_MASK) == 0) {
            return;
        }
        if ((mt & HAS_EXTRA) != 0) {
            extra.removeFrame(toPfn);
            mt &= ~HAS_EXTRA;
        }
        int mf = flagsOf(from);
        mt = (mt & 0xff) | (mf & (0xff << BYTE0_SHIFT));
        if ((mf & HAS_EXTRA) != 0 && extra.copyFrame(fromPfn, toPfn)) {
            mt |= HAS_EXTRA;
        }
        setFlags(to, mt);
    }

    /** Frames allocated now, the zero page included. */
    public long allocatedFrames() {
        return allocated;
    }

    /** Approximate Java heap bytes of this structure (about 6 bytes per frame ever used). */
    public long bytesUsed() {
        long b = 2 * (16 + 4L * counts.length) + 16 + 4L * freeList.length + extra.bytesUsed() + 64
                + 80L * big.size();
        for (int[] c : counts) {
            if (c != null) {
                b += 16 + 4L * c.length + 16 + 2L * c.length;
            }
        }
        return b;
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Frame index of a PFN that the allocator has handed out at some time, -1 otherwise. */
    private int frame(long pfn) {
        long f;
        if (pfn < IO_PFN_BASE) {
            f = pfn - RAM_START_PFN;
        } else if (pfn >= IO_PFN_END) {
            f = pfn - RAM_START_PFN - HOLE;
        } else {
            return -1;
        }
        return f >= 0 && f < frontier ? (int) f : -1;
    }

    private static long pfnOf(int f) {
        long pfn = f + RAM_START_PFN;
        return pfn < IO_PFN_BASE ? pfn : pfn + HOLE;
    }

    private int countsOf(int f) {
        return counts[f >>> CHUNK_SHIFT][f & (CHUNK - 1)];
    }

    private void setCounts(int f, int c) {
        counts[f >>> CHUNK_SHIFT][f & (CHUNK - 1)] = c;
    }

    private int flagsOf(int f) {
        return flags[f >>> CHUNK_SHIFT][f & (CHUNK - 1)] & 0xffff;
    }

    private void setFlags(int f, int m) {
        flags[f >>> CHUNK_SHIFT][f & (CHUNK - 1)] = (short) m;
    }

    /**
     * The side entry of a frame with a saturated field. Only saturated fields are read from it; a packed field
     * below SAT is authoritative, so it is copied in here before the caller saturates it.
     */
    private long[] bigOf(int f, int c) {
        long[] b = big.computeIfAbsent(f, k -> new long[2]);
        if ((c & SAT) != SAT) {
            b[0] = c & SAT;
        }
        if ((c >>> 16) != SAT) {
            b[1] = c >>> 16;
        }
        return b;
    }

    private void dropBigIfSmall(int f, int c) {
        if ((c & SAT) != SAT && (c >>> 16) != SAT) {
            big.remove(f);
        }
    }

    private void checkAllocated(int f, long pfn) {
        if ((flagsOf(f) & KIND_MASK) == 0) {
            throw new IllegalStateException("pfn 0x" + Long.toHexString(pfn) + " is not allocated");
        }
    }

    private static void checkOffset(int offset) {
        if (offset < 0 || offset >= 4096) {
            throw new IndexOutOfBoundsException("offset " + offset);
        }
    }

    private static long key(long pfn, int offset) {
        return (pfn << 12) | offset;
    }
}
