package org.mmwb.core.mm;

/**
 * Where a special mapping provider's mapping goes when a task execs.
 *
 * @param kind    how the address is chosen
 * @param after   for {@link Kind#AFTER}: the name of the mapping this one follows directly
 * @param address for {@link Kind#FIXED} and {@link Kind#GATE}: the address
 */
public record Placement(Kind kind, String after, long address) {
    /** Placement kinds. */
    public enum Kind {
        /** get_unmapped_area top-down below mmap_base, reserving room for the AFTER chain that follows it. */
        TOP_DOWN,
        /** Directly after another provider's mapping (same exec). */
        AFTER,
        /** At a fixed address. */
        FIXED,
        /** A gate area (like [vsyscall]): shown in maps, not a VMA in the mm's tree. */
        GATE,
        /** Never at exec; installed on request ({@link Kernel#installSpecialMapping}). */
        ON_REQUEST
    }

    /** Placed like mmap(NULL): top-down below mmap_base. */
    public static Placement topDown() {
        return new Placement(Kind.TOP_DOWN, null, 0);
    }

    /** Placed right after the mapping with this name (as [vvar_vclock] follows [vvar]). */
    public static Placement after(String name) {
        return new Placement(Kind.AFTER, name, 0);
    }

    /** Placed at a fixed address. */
    public static Placement fixed(long address) {
        return new Placement(Kind.FIXED, null, address);
    }

    /** A gate area at this address (outside the VMA tree, like [vsyscall]). */
    public static Placement gate(long address) {
        return new Placement(Kind.GATE, null, address);
    }

    /** Not installed at exec: the provider or a user installs it with Kernel.installSpecialMapping. */
    public static Placement onRequest() {
        return new Placement(Kind.ON_REQUEST, null, 0);
    }
}
