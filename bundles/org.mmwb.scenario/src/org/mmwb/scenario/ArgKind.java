package org.mmwb.scenario;

/** What an argument accepts; the parser reads it, the editor completes it, the help names it. */
public enum ArgKind {
    /** A number, {@code $binding} or {@code [special]}, optionally {@code +}/{@code -} a size. */
    ADDRESS("an address (number, $name or [special], optionally +/- a size)"),
    /** A number, decimal or 0x-hex, optionally with K, M or G. */
    SIZE("a size (decimal or 0x-hex, optionally K, M or G)"),
    /** rwx letters or '-'. */
    PROT("PROT as rwx letters or '-' (rw-, r-x, ---)"),
    /** A word from {@link ArgSpec#choices()}. */
    WORD("one of the listed words"),
    /** 0..255. */
    BYTE("a byte value 0..255"),
    /** A decimal pid or {@code $binding}. */
    PID("a pid (decimal or $name)"),
    /** A file name made of letters, digits, '_', '.', '-'. */
    NAME("a name (letters, digits, '_', '.', '-')"),
    /** An address, or {@code +SIZE} relative to the current value. */
    ADDRESS_OR_RELATIVE("an address or +SIZE"),
    /** A limit: a number or size, {@code +SIZE} above what the process uses now, or {@code unlimited}. */
    LIMIT("a number or size, +SIZE (above the current use) or 'unlimited'");

    private final String expected;

    ArgKind(String expected) {
        this.expected = expected;
    }

    /** What the parser says it expected, e.g. "a size (decimal or 0x-hex, optionally K, M or G)". */
    public String expected() {
        return expected;
    }
}
