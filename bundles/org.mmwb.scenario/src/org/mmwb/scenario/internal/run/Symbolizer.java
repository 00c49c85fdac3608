package org.mmwb.scenario.internal.run;

import java.util.ArrayList;
import java.util.List;

import org.mmwb.scenario.VmaSnapshot;

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
    }

    /** How far below its start an exec-time [stack] may grow and still be named relative to it (RLIMIT_STACK). */
    static final long STACK_GROWTH = 8L << 20;

    private final List<Region> regions = new ArrayList<>();

    /** Registers the bracketed mappings present before the first operation. */
    public void addInitial(List<VmaSnapshot> vmas, List<String> specialNames) {
        for (VmaSnapshot v : vmas) {
            if (specialNames.contains(v.name())) {
                long lo = v.name().equals("[stack]") ? Math.min(v.start(), v.end() - STACK_GROWTH) : v.start();
                regions.add(new Region(v.name(), v.start(), lo, v.end()));
            }
        }
    }

    /** Adds a region [lo, lo+len) named relative to {@code base} at {@code baseAddr}; newer regions win. */
    public void add(String base, long baseAddr, long lo, long len) {
        if (base != null && len > 0) {
            regions.add(new Region(base, baseAddr, lo, lo + len));
        }
    }

    /** The symbolic form of an address, absolute when no region contains it. */
    public Sym symbolize(long addr) {
        for (int i = regions.size() - 1; i >= 0; i--) {
            Region r = regions.get(i);
            if (r.contains(addr)) {
                return new Sym(r.base, addr - r.baseAddr);
            }
        }
        return Sym.ABSOLUTE;
    }
}
