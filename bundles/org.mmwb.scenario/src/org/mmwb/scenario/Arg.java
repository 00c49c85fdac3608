package org.mmwb.scenario;

/**
 * A positional argument of an operation.
 *
 * @param spec  its declaration in the operation table
 * @param value what was written
 */
public record Arg(ArgSpec spec, Expr value) {

    public int column() {
        return value.column();
    }
}
