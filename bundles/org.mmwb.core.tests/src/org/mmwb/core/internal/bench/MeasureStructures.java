package org.mmwb.core.internal.bench;

import java.util.Arrays;
import java.util.Random;

import org.mmwb.core.internal.log.FaultLog;
import org.mmwb.core.internal.page.PhysMem;
import org.mmwb.core.internal.pgtable.PageTable;
import org.mmwb.core.internal.pgtable.Pte;
import org.mmwb.core.internal.vma.SpreadVmas;
import org.mmwb.core.internal.vma.VmaTree;

/**
 * Plain-Java measurements of the engine's primitive structures (not a unit test, not JMH): prints the median of
 * several runs of
 * <ul>
 * <li>ns per find_vma with 100k VMAs (random addresses, and an mmap-like local pattern),</li>
 * <li>bytes per resident page (PageTable + PhysMem bytesUsed / pages) for 1M populated 4K pages in realistic
 * regions, and the populate rate,</li>
 * <li>bytes per fault log entry for 10M faults, and the append rate,</li>
 * <li>insert + update + remove triples per second on a small VMA tree (the mmap/mprotect/munmap shape).</li>
 * </ul>
 * Run: {@code java -Xmx4g -cp main:test org.mmwb.core.internal.bench.MeasureStructures [runs]}.
 */
public final class MeasureStructures {

    private static volatile Object sink;

    private MeasureStructures() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double[] findRandom = new double[runs];
        double[] findLocal = new double[runs];
        double[] bytesPerPage = new double[runs];
        double[] populateNs = new double[runs];
        double[] bytesPerFault = new double[runs];
        double[] appendNs = new double[runs];
        double[] tripleNs = new double[runs];
        for (int r = 0; r < runs; r++) {
            double[] f = findVma(r);
            findRandom[r] = f[0];
            findLocal[r] = f[1];
            double[] p = residentPages(r);
            bytesPerPage[r] = p[0];
            populateNs[r] = p[1];
            double[] l = faultLog(r);
            bytesPerFault[r] = l[0];
            appendNs[r] = l[1];
            tripleNs[r] = triples(r);
            System.out.printf("run %d: find_vma random %.1f ns, local %.1f ns | %.2f B/resident page, populate "
                    + "%.1f ns/page | %.2f B/fault, append %.1f ns | insert+update+remove %.1f ns%n", r, f[0], f[1],
                    p[0], p[1], l[0], l[1], tripleNs[r]);
        }
        System.out.printf("MEDIAN of %d: find_vma(100k VMAs) random %.1f ns, local %.1f ns%n", runs,
                median(findRandom), median(findLocal));
        System.out.printf("MEDIAN of %d: bytes per resident page %.2f (PageTable+PhysMem, 1M pages), populate "
                + "%.1f ns/page (%.1f M pages/s)%n", runs, median(bytesPerPage), median(populateNs),
                1000 / median(populateNs));
        System.out.printf("MEDIAN of %d: fault log %.2f bytes/fault (10M faults), append %.1f ns (%.1f M/s)%n", runs,
                median(bytesPerFault), median(appendNs), 1000 / median(appendNs));
        System.out.printf("MEDIAN of %d: VmaTree insert+update+remove %.1f ns (%.1f M triples/s, 20 VMAs)%n", runs,
                median(tripleNs), 1000 / median(tripleNs));
    }

    /** find_vma over 100k VMAs of 1..64 pages with 0..16 page gaps. */
    private static double[] findVma(int seed) {
        Random rnd = new Random(seed);
        int n = 100_000;
        SpreadVmas layout = SpreadVmas.build(n, rnd);
        VmaTree<Object> t = layout.tree();
        long[] starts = layout.starts();
        int q = 1 << 22;
        long[] random = new long[q];
        long[] local = new long[q];
        long span = layout.span();
        int cur = rnd.nextInt(n);
        for (int i = 0; i < q; i++) {
            random[i] = starts[0] + (long) (rnd.nextDouble() * span);
            if (rnd.nextInt(16) == 0) {
                cur = rnd.nextInt(n);
            }
            cur = Math.min(n - 1, Math.max(0, cur + rnd.nextInt(5) - 2)); // nearby VMAs, as faults are
            local[i] = starts[cur] + rnd.nextInt(4096);
        }
        return new double[] {timeFind(t, random), timeFind(t, local)};
    }

    private static double timeFind(VmaTree<Object> t, long[] addrs) {
        int hits = 0;
        for (int w = 0; w < 3; w++) { // warm-up
            for (long x : addrs) {
                hits += t.find(x) != null ? 1 : 0;
            }
        }
        long t0 = System.nanoTime();
        for (int rep = 0; rep < 3; rep++) {
            for (long x : addrs) {
                hits += t.find(x) != null ? 1 : 0;
            }
        }
        long t1 = System.nanoTime();
        sink = hits;
        return (t1 - t0) / (3.0 * addrs.length);
    }

    /**
     * 1M resident anonymous pages in regions like a big process: heap, a few large anonymous mmaps (partly
     * touched), many small libraries-like mappings, thread stacks.
     */
    private static double[] residentPages(int seed) {
        Random rnd = new Random(seed);
        PhysMem pm = new PhysMem();
        PageTable pt = new PageTable(4);
        long flags = Pte.PRESENT | Pte.RW | Pte.USER | Pte.ACCESSED | Pte.DIRTY | Pte.NX;
        int target = 1 << 20;
        long[] regionStart = new long[4096];
        int[] regionPages = new int[4096];
        int regions = 0;
        int planned = 0;
        // heap: 256 MiB fully touched
        regionStart[regions] = 0x5555_5600_0000L;
        regionPages[regions++] = 65536;
        planned += 65536;
        // large anonymous mmaps, 70% touched
        long mm = 0x7f00_0000_0000L;
        while (planned < target * 3 / 4) {
            int pages = 16384 + rnd.nextInt(65536);
            int touched = Math.min(target * 3 / 4 - planned, pages * 7 / 10);
            regionStart[regions] = mm;
            regionPages[regions++] = touched;
            planned += touched;
            mm += ((long) pages << 12) + 0x20_0000L;
        }
        // small mappings (library data, arenas): 8..256 pages
        while (planned < target - 64 * 64) {
            int pages = Math.min(8 + rnd.nextInt(249), target - 64 * 64 - planned);
            regionStart[regions] = mm;
            regionPages[regions++] = pages;
            planned += pages;
            mm += ((long) pages << 12) + ((long) (1 + rnd.nextInt(8)) << 12);
        }
        // 64 thread stacks, 64 pages touched each, at the top of 8 MiB stacks
        long stack = 0x7ffd_0000_0000L;
        for (int s = 0; s < 64; s++) {
            regionStart[regions] = stack - (64L << 12);
            regionPages[regions++] = 64;
            planned += 64;
            stack -= 0x80_1000L;
        }
        long t0 = System.nanoTime();
        for (int r = 0; r < regions; r++) {
            long va = regionStart[r];
            for (int i = 0; i < regionPages[r]; i++, va += 4096) {
                long pfn = pm.alloc(PhysMem.KIND_ANON);
                pm.incMapcount(pfn);
                pm.setAnonExclusive(pfn, true);
                pm.write(pfn, 0, (byte) 'Z');
                pt.set(va, Pte.mk(pfn, flags));
            }
        }
        long t1 = System.nanoTime();
        double bytes = (pt.bytesUsed() + pm.bytesUsed()) / (double) planned;
        sink = pt;
        return new double[] {bytes, (t1 - t0) / (double) planned};
    }

    /** 10M faults, several pids, handlers and paths. */
    private static double[] faultLog(int seed) {
        Random rnd = new Random(seed);
        FaultLog log = new FaultLog(Long.MAX_VALUE);
        int[] paths = {log.intern("do_anonymous_page"), log.intern("do_wp_page"), log.intern("do_read_fault"),
            log.intern("do_cow_fault"), log.intern("do_shared_fault")};
        int[] handlers = {log.intern("anon"), log.intern("[vdso]"), log.intern("[vvar]"), log.intern("/memfd:f")};
        int n = 10_000_000;
        long[] addrs = new long[1 << 16];
        for (int i = 0; i < addrs.length; i++) {
            addrs[i] = 0x7f00_0000_0000L + ((long) rnd.nextInt(1 << 24) << 12) + rnd.nextInt(4096);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long addr = addrs[i & 0xffff];
            int k = i % 5;
            log.append(1 + (i >>> 20), addr, 2 | 8, addr & ~0x3f_ffffL, handlers[k & 3], (addr >>> 12) & 0xffff, 0,
                    0x100 + i, paths[k]);
        }
        long t1 = System.nanoTime();
        double bytes = log.bytesUsed() / (double) n;
        sink = log;
        return new double[] {bytes, (t1 - t0) / (double) n};
    }

    /** insert (mmap) + update (mprotect-like split bound change) + remove (munmap) on a 20-VMA tree. */
    private static double triples(int seed) {
        VmaTree<Object> t = new VmaTree<>();
        for (int i = 0; i < 20; i++) {
            t.insert(0x1000_0000L * (i + 1), 0x1000_0000L * (i + 1) + 0x10_0000, new Object());
        }
        Object v = new Object();
        int n = 5_000_000;
        long t0 = 0;
        for (int w = 0; w < 2; w++) {
            t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long a = 0x1000_0000L * (1 + (i % 19)) + 0x20_0000;
                t.insert(a, a + 0x4000, v);
                t.update(a, a, a + 0x2000);
                t.remove(a);
            }
        }
        long t1 = System.nanoTime();
        return (t1 - t0) / (double) n;
    }

    private static double median(double[] xs) {
        double[] c = xs.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }
}
