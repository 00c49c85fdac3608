package org.mmwb.scenario.internal.run;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.mmwb.core.mm.VmaSnapshot;

/**
 * Names addresses relative to bases that differ between machines (addresses the kernel chose, special mappings
 * placed by exec), so that a simulator run and a live-kernel run can be compared. See
 * {@link org.mmwb.scenario.ReportComparison} for the rule.
 */
public final class Symbolizer {

    /** A symbolic address: {@code base+offset}; {@code base == null} means absolute. */
    public record Sym(String base, long offset) {

        public static final Sym ABSOLUTE = new Sym(null, 0);

        public boolean absolute() {
            return base == null;
        }

        public Sym plus(long delta) {
            return absolute() ? this : new Sym(base, offset + delta);
        }

        /** {@code $a}, {@code $a+0x1000}, {@code [stack]-0x2000}; null when absolute. */
        public String text() {
            if (base == null) {
                return null;
            }
            if (offset == 0) {
                return base;
            }
            return offset > 0 ? base + "+0x" + Long.toHexString(offset) : base + "-0x" + Long.toHexString(-offset);
        }
    }

    /** Addresses in [lo, hi) are named relative to {@code baseAddr} under {@code base}. */
    private record Region(String base, long baseAddr, long lo, long hi) {
        boolean contains(long a) {
            return Long.compareUnsigned(a, lo) >= 0 && Long.compareUnsigned(a, hi) < 0;
        }

        Region clip(long from, long to) {
            return new Region(base, baseAddr, from, to);
        }
    }

    /** How far below its start an exec-time [stack] may grow and still be named relative to it (RLIMIT_STACK). */
    static final long STACK_GROWTH = 8L << 20;

    /**
     * Disjoint regions by start (unsigned order). A new region is painted over the old ones, which are clipped or
     * dropped where it covers them, so the newest region wins and a lookup is one floor search: a scenario that
     * maps 100,000 regions names each address in O(log n), not by scanning every region.
     */
    private final TreeMap<Long, Region> regions = new TreeMap<>(Long::compareUnsigned);

    /** Registers the bracketed mappings present before the first operation. */
    public void addInitial(List<VmaSnapshot> vmas, List<String> specialNames) {
        for (VmaSnapshot v : vmas) {
            if (specialNames.contains(v.name())) {
                long lo = v.name().equals("[stack]") ? Math.min(v.start(), v.end() - STACK_GROWTH) : v.start();
                paint(new Region(v.name(), v.start(), lo, v.end()));
            }
        }
    }

    /** Adds a region [lo, lo+len) named relative to {@code base} at {@code baseAddr}; newer regions win. */
    public void add(String base, long baseAddr, long lo, long len) {
        if (base != null && len > 0) {
            long hi = lo + len;
            paint(new Region(base, baseAddr, lo, Long.compareUnsigned(hi, lo) < 0 ? -1L : hi));
        }
    }

    private void paint(Region r) {
        if (Long.compareUnsigned(r.lo, r.hi) >= 0) {
            return;
        }
        Map.Entry<Long, Region> below = regions.lowerEntry(r.lo);
        if (below != null && Long.compareUnsigned(below.getValue().hi, r.lo) > 0) {
            Region b = below.getValue();
            regions.put(b.lo, b.clip(b.lo, r.lo));
            if (Long.compareUnsigned(b.hi, r.hi) > 0) {
                regions.put(r.hi, b.clip(r.hi, b.hi));
            }
        }
        for (Map.Entry<Long, Region> e = regions.ceilingEntry(r.lo);
                e != null && Long.compareUnsigned(e.getKey(), r.hi) < 0; e = regions.ceilingEntry(r.lo)) {
            Region o = regions.remove(e.getKey());
            if (Long.compareUnsigned(o.hi, r.hi) > 0) {
                regions.put(r.hi, o.clip(r.hi, o.hi));
            }
        }
        regions.put(r.lo, r);
    }

    /** The symbolic form of an address, absolute when no region contains it. */
    public Sym symbolize(long addr) {
        Map.Entry<Long, Region> e = regions.floorEntry(addr);
        if (e != null && e.getValue().contains(addr)) {
            Region r = e.getValue();
            return new Sym(r.base, addr - r.baseAddr);
        }
        return Sym.ABSOLUTE;
    }
}
