package org.mmwb.ui.internal.widgets.addrmap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Vertical placement of the address map: bands in address order, each {@code max(minHeight, size * pxPerByte)}
 * pixels tall, and every hole between two bands compressed into a fixed {@code gapHeight} break. Plain Java, no
 * SWT, so it can be tested on its own.
 */
public final class BandLayout {

    /** A placed piece: a band (index into {@link #bands()}) or a gap (band == -1) from start to end. */
    public record Segment(int band, long start, long end, int y, int height) {
        /** Whether this segment is a compressed gap. */
        public boolean isGap() {
            return band < 0;
        }
    }

    private final List<AddressBand> bands;
    private final List<Segment> segments = new ArrayList<>();
    private final int[] segmentOfBand;
    private final double scale;
    private final int totalHeight;

    /**
     * @param input     bands in any order; overlapping ones are clipped to their predecessor's end
     * @param pxPerByte vertical scale of mapped bytes
     * @param minHeight the least height of a band (room for its label)
     * @param gapHeight the height of a compressed gap
     */
    public BandLayout(List<AddressBand> input, double pxPerByte, int minHeight, int gapHeight) {
        scale = pxPerByte;
        List<AddressBand> sorted = input;
        if (!inAddressOrder(input)) { // the bands of a process's VMAs come sorted: no copy, no sort
            sorted = new ArrayList<>(input);
            sorted.sort(Comparator.comparing(AddressBand::start, Long::compareUnsigned));
        }
        bands = new ArrayList<>(sorted.size());
        long prevEnd = 0;
        boolean first = true;
        for (AddressBand b : sorted) {
            long s = b.start();
            if (!first && Long.compareUnsigned(s, prevEnd) < 0) {
                s = prevEnd; // overlap: keep what is left
            }
            if (Long.compareUnsigned(b.end(), s) <= 0) {
                continue;
            }
            bands.add(s == b.start() ? b : new AddressBand(s, b.end(), b.kind(), b.name(), b.perms()));
            prevEnd = b.end();
            first = false;
        }
        int y = 0;
        segmentOfBand = new int[bands.size()];
        for (int i = 0; i < bands.size(); i++) {
            AddressBand b = bands.get(i);
            if (i > 0 && bands.get(i - 1).end() != b.start()) {
                segments.add(new Segment(-1, bands.get(i - 1).end(), b.start(), y, gapHeight));
                y += gapHeight;
            }
            int h = height(b.size(), pxPerByte, minHeight);
            segmentOfBand[i] = segments.size();
            segments.add(new Segment(i, b.start(), b.end(), y, h));
            y += h;
        }
        totalHeight = y;
    }

    /** The height of a band of {@code size} bytes. */
    public static int height(long size, double pxPerByte, int minHeight) {
        double unsigned = size >= 0 ? size : size + 0x1p64;
        double h = unsigned * pxPerByte;
        return (int) Math.max(minHeight, Math.min(1 << 28, Math.round(h)));
    }

    /**
     * The layout at the scale at which the bands and gaps fill {@code height} pixels, or at the scale that gives the
     * largest band {@code minHeight} when even the minimum heights do not fit (then it is the first layout made,
     * so a map of 200,000 VMAs is laid out once).
     */
    public static BandLayout fit(List<AddressBand> input, int height, int minHeight, int gapHeight) {
        if (input.isEmpty()) {
            return new BandLayout(input, 1, minHeight, gapHeight);
        }
        double largest = 1;
        for (AddressBand b : input) {
            largest = Math.max(largest, b.size() >= 0 ? b.size() : b.size() + 0x1p64);
        }
        double floor = minHeight / largest;
        BandLayout atFloor = new BandLayout(input, floor, minHeight, gapHeight);
        if (atFloor.totalHeight() >= height) {
            return atFloor;
        }
        double lo = floor;
        double hi = height / largest * 2 + floor;
        while (new BandLayout(input, hi, minHeight, gapHeight).totalHeight() < height) {
            hi *= 2;
        }
        for (int i = 0; i < 50; i++) {
            double mid = (lo + hi) / 2;
            if (new BandLayout(input, mid, minHeight, gapHeight).totalHeight() <= height) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new BandLayout(input, lo, minHeight, gapHeight);
    }

    /** The pixels per byte of this layout. */
    public double scale() {
        return scale;
    }

    private static boolean inAddressOrder(List<AddressBand> bands) {
        for (int i = 1; i < bands.size(); i++) {
            if (Long.compareUnsigned(bands.get(i - 1).start(), bands.get(i).start()) > 0) {
                return false;
            }
        }
        return true;
    }

    /** The index of the band containing {@code address}, or -1 (a binary search: the bands are in order). */
    public int bandAt(long address) {
        int lo = 0;
        int hi = bands.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            AddressBand b = bands.get(mid);
            if (Long.compareUnsigned(address, b.start()) < 0) {
                hi = mid - 1;
            } else if (Long.compareUnsigned(address, b.end()) >= 0) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** The index of the first segment that ends below content coordinate {@code y} (segments.size() if none). */
    public int firstEndingBelow(int y) {
        int lo = 0;
        int hi = segments.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            Segment s = segments.get(mid);
            if (s.y() + s.height() > y) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The segment of band {@code band}. */
    public Segment segmentOf(int band) {
        return segments.get(segmentOfBand[band]);
    }

    /** The bands in address order (clipped where they overlapped). */
    public List<AddressBand> bands() {
        return bands;
    }

    /** Bands and gaps top-down. */
    public List<Segment> segments() {
        return segments;
    }

    /** Pixels from the first band's top to the last band's bottom. */
    public int totalHeight() {
        return totalHeight;
    }

    /** The segment at content coordinate {@code y}, or null. */
    public Segment at(int y) {
        int lo = 0;
        int hi = segments.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Segment s = segments.get(mid);
            if (y < s.y()) {
                hi = mid - 1;
            } else if (y >= s.y() + s.height()) {
                lo = mid + 1;
            } else {
                return s;
            }
        }
        return null;
    }
}
