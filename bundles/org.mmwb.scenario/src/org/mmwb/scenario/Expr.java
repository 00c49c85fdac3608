package org.mmwb.scenario;

/**
 * An argument value as written in the scenario, with the column where it starts. Addresses are built from
 * {@link Num}, {@link Bound}, {@link Special} and {@link Offset}; the other nodes carry sizes, words and names.
 */
public sealed interface Expr {

    /** 1-based column of the first character. */
    int column();

    /** A number (decimal or 0x-hex, size suffix applied), an unsigned 64-bit value. */
    record Num(long value, String text, int column) implements Expr {
    }

    /** A binding {@code $name}; {@code name} excludes the dollar. */
    record Bound(String name, int column) implements Expr {
    }

    /** A special mapping's start, {@code [vdso]}; {@code name} includes the brackets. */
    record Special(String name, int column) implements Expr {
    }

    /** {@code base+size} or {@code base-size}. */
    record Offset(Expr base, boolean minus, long size, int column) implements Expr {
    }

    /**
     * A loop variable of {@code repeat} times a constant: {@code $i} (factor 1) or {@code $i*8K}. Only inside the
     * loop's body; {@link Scenario#ops()} hands out operations with it replaced by a {@link Num}.
     */
    record LoopVar(String name, long factor, int column) implements Expr {
    }

    /**
     * {@code base+$i*SIZE} or {@code base-$i*SIZE}: an address or size with a loop-variable term. Replaced by an
     * {@link Offset} (or a {@link Num}) in the operations {@link Scenario#ops()} hands out.
     */
    record Sum(Expr base, boolean minus, LoopVar term, int column) implements Expr {
    }

    /** A relative size, {@code +LEN} (brk). */
    record Relative(long size, int column) implements Expr {
    }

    /** A word from a fixed set (prot, advice, access, profile, flag choice) with its numeric meaning. */
    record Word(String text, long value, int column) implements Expr {
    }

    /** A plain name (a file name). */
    record Name(String text, int column) implements Expr {
    }

    /** {@code NAME[:OFFSET]} of a {@code file=} flag; offset in bytes. */
    record FileRef(String name, long offset, int column) implements Expr {
    }
}
