package org.mmwb.scenario.internal.run;

/** A number resolved at run time, with its symbolic form for comparisons. */
public record Resolved(long value, Symbolizer.Sym sym) {

    public static Resolved absolute(long v) {
        return new Resolved(v, Symbolizer.Sym.ABSOLUTE);
    }
}
