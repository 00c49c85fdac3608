package org.mmwb.scenario.internal.run;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * A read-only list that does not hold its elements as objects: they are computed on demand (from the engine's
 * columnar fault log) or stored compactly (runs of equal per-page results). Reports keep such a list as it is
 * instead of copying it, so a run of a million faults costs the log's bytes per fault, not a record per fault.
 */
public abstract class LazyList<E> extends AbstractList<E> implements RandomAccess {

    /** Whether a report may keep {@code list} without copying it. */
    public static boolean keepable(List<?> list) {
        return list instanceof LazyList<?>;
    }

    /** {@code fn} applied to each element of {@code base} when it is read. */
    public static <A, B> List<B> map(List<A> base, Function<? super A, ? extends B> fn) {
        return new LazyList<B>() {
            @Override
            public B get(int index) {
                return fn.apply(base.get(index));
            }

            @Override
            public int size() {
                return base.size();
            }
        };
    }
}
