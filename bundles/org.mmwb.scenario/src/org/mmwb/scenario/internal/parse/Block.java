package org.mmwb.scenario.internal.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mmwb.scenario.Arg;
import org.mmwb.scenario.Expr;
import org.mmwb.scenario.Flag;
import org.mmwb.scenario.Op;
import org.mmwb.scenario.internal.run.LazyList;

/**
 * A sequence of operations and {@code repeat} loops, as parsed; {@link #expand()} is the flat list of operations it
 * runs. The list is computed on demand: operation i is found by a search over the items' operation counts and, in
 * a loop, by division, with the loop variables replaced by their values in that iteration. A loop of a million
 * iterations costs its body once, not a million copies.
 */
final class Block {

    /** One item of a block: an operation or a loop. */
    sealed interface Item {
        /** Operations this item runs. */
        long count();
    }

    /** A parsed operation; {@code loopy} when an argument or flag names a loop variable. */
    record OpItem(Op op, boolean loopy) implements Item {
        @Override
        public long count() {
            return 1;
        }
    }

    /** {@code repeat $var FROM TO STEP { body }}: var = FROM, FROM+STEP, ... while below TO. */
    record Loop(String var, long from, long step, long iterations, Block body) implements Item {
        @Override
        public long count() {
            return iterations * body.count();
        }
    }

    private final List<Item> items = new ArrayList<>();
    /** starts[i]: index of the first operation of item i. */
    private long[] starts = new long[0];
    private long count;

    void add(Item item) {
        items.add(item);
        count += item.count();
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    /** Operations this block runs. */
    long count() {
        return count;
    }

    /** The flat list of operations (count() must fit an int; the parser checks it). */
    List<Op> expand() {
        seal();
        int size = (int) count;
        return new LazyList<Op>() {
            @Override
            public Op get(int index) {
                java.util.Objects.checkIndex(index, size);
                return at(index, Map.of());
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    private void seal() {
        starts = new long[items.size()];
        long n = 0;
        for (int i = 0; i < items.size(); i++) {
            starts[i] = n;
            n += items.get(i).count();
            if (items.get(i) instanceof Loop l) {
                l.body().seal();
            }
        }
    }

    private Op at(long index, Map<String, Long> env) {
        int lo = 0;
        int hi = items.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        long inner = index - starts[lo];
        return switch (items.get(lo)) {
            case OpItem o -> o.loopy() ? substitute(o.op(), env) : o.op();
            case Loop l -> {
                long per = l.body().count();
                Map<String, Long> e = new java.util.HashMap<>(env);
                e.put(l.var(), l.from() + (inner / per) * l.step());
                yield l.body().at(inner % per, e);
            }
        };
    }

    /** The operation with every loop variable replaced by its value (sizes folded into numbers). */
    static Op substitute(Op op, Map<String, Long> env) {
        List<Arg> args = new ArrayList<>(op.args().size());
        for (Arg a : op.args()) {
            args.add(new Arg(a.spec(), value(a.value(), env)));
        }
        List<Flag> flags = new ArrayList<>(op.flags().size());
        for (Flag f : op.flags()) {
            flags.add(f.value() == null ? f : new Flag(f.spec(), f.column(), value(f.value(), env)));
        }
        return new Op(op.line(), op.column(), op.spec(), op.binding(), op.bindingColumn(), args, flags);
    }

    private static Expr value(Expr e, Map<String, Long> env) {
        return switch (e) {
            case Expr.LoopVar v -> {
                long x = env.get(v.name()) * v.factor();
                yield new Expr.Num(x, "0x" + Long.toHexString(x), v.column());
            }
            case Expr.Sum s -> {
                Expr base = value(s.base(), env);
                long t = env.get(s.term().name()) * s.term().factor();
                if (base instanceof Expr.Num n) {
                    long x = s.minus() ? n.value() - t : n.value() + t;
                    boolean wrapped = s.minus() ? Long.compareUnsigned(t, n.value()) > 0
                            : Long.compareUnsigned(x, n.value()) < 0;
                    if (!wrapped) {
                        yield new Expr.Num(x, "0x" + Long.toHexString(x), s.column());
                    }
                }
                yield new Expr.Offset(base, s.minus(), t, s.column()); // out of range: unresolved at run time
            }
            case Expr.Offset o -> {
                Expr base = value(o.base(), env);
                if (base instanceof Expr.Num n && !(o.minus() ? Long.compareUnsigned(o.size(), n.value()) > 0
                        : Long.compareUnsigned(n.value() + o.size(), n.value()) < 0)) {
                    long x = o.minus() ? n.value() - o.size() : n.value() + o.size();
                    yield new Expr.Num(x, "0x" + Long.toHexString(x), o.column());
                }
                yield new Expr.Offset(base, o.minus(), o.size(), o.column());
            }
            default -> e;
        };
    }

    /** Whether an expression names a loop variable. */
    static boolean loopy(Expr e) {
        return switch (e) {
            case Expr.LoopVar v -> true;
            case Expr.Sum s -> true;
            case Expr.Offset o -> loopy(o.base());
            case null -> false;
            default -> false;
        };
    }
}
