package org.mmwb.ui.internal.widgets.addrmap;

/**
 * One mapped range of the address map, usually one VMA: {@code [start, end)} (unsigned, so the [vsyscall] page at
 * 0xffffffffff600000 sorts last), its kind, the name /proc/PID/maps shows and its permissions ("r-xp").
 *
 * @param start first address
 * @param end   first address after the range (unsigned compare; 0 is not allowed)
 * @param kind  decides the colour
 * @param name  "" for anonymous memory, "[vdso]", "/usr/lib/libc.so.6", ...
 * @param perms as /proc/PID/maps, e.g. "rw-p"
 */
public record AddressBand(long start, long end, BandKind kind, String name, String perms) {

    /** Normalizes nulls to "" and "----". */
    public AddressBand {
        name = name == null ? "" : name;
        perms = perms == null ? "----" : perms;
        kind = kind == null ? BandKind.ANON : kind;
    }

    /** Bytes covered (end - start, unsigned). */
    public long size() {
        return end - start;
    }

    /** Whether {@code addr} lies inside (unsigned compare). */
    public boolean contains(long addr) {
        return Long.compareUnsigned(addr, start) >= 0 && Long.compareUnsigned(addr, end) < 0;
    }

    /** The name, or a description for anonymous memory. */
    public String displayName() {
        if (!name.isEmpty()) {
            return name;
        }
        return kind == BandKind.GUARD ? "[anon] guard (" + perms + ")" : "[anon]";
    }
}
