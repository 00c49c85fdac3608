package org.mmwb.scenario;

/**
 * A flag of an operation, {@code shared} or {@code fixed=ADDR}.
 *
 * @param spec   its declaration
 * @param column 1-based column of the flag's name
 * @param value  the value after '=', or null for a flag without value
 */
public record Flag(FlagSpec spec, int column, Expr value) {

    public String name() {
        return spec.name();
    }
}
