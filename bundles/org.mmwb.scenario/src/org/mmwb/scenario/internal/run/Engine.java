package org.mmwb.scenario.internal.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.mmwb.core.mm.FaultRecord;
import org.mmwb.core.mm.KernelProfile;
import org.mmwb.core.mm.VmaSnapshot;
import org.mmwb.scenario.Arg;
import org.mmwb.scenario.DumpRecord;
import org.mmwb.scenario.Expr;
import org.mmwb.scenario.Flag;
import org.mmwb.scenario.Op;
import org.mmwb.scenario.OpContext;
import org.mmwb.scenario.OpRecord;
import org.mmwb.scenario.OpResult;
import org.mmwb.scenario.OpSpec;
import org.mmwb.scenario.RunReport;
import org.mmwb.scenario.Scenario;
import org.mmwb.scenario.ScenarioTarget;
import org.mmwb.scenario.TargetException;
import org.mmwb.scenario.internal.run.Symbolizer.Sym;

/**
 * Executes a scenario's operations one at a time on a target: resolves bindings and addresses, runs each
 * operation's executor, records results and dumps, names addresses symbolically.
 */
public final class Engine {

    private final Scenario scenario;
    private final ScenarioTarget target;
    private final Symbolizer symbolizer = new Symbolizer();
    private final Map<String, Resolved> bindings = new HashMap<>();
    private final List<OpRecord> results = new ArrayList<>();
    private final List<DumpRecord> dumps = new ArrayList<>();
    private Long brkBase;
    private int next;
    private boolean started;
    private RunReport report;

    public Engine(Scenario scenario, ScenarioTarget target) {
        this.scenario = scenario;
        this.target = target;
    }

    public boolean hasNext() {
        return report == null && next < scenario.ops().size();
    }

    public Op peek() {
        return hasNext() ? scenario.ops().get(next) : null;
    }

    /** Index of the next operation. */
    public int position() {
        return next;
    }

    /** Runs the next operation; returns its record, or null when it reports none (dump). */
    public OpRecord step() {
        if (!hasNext()) {
            throw new IllegalStateException("no operation left");
        }
        start();
        Op op = scenario.ops().get(next++);
        int pid = safePid();
        Context ctx = new Context(op, pid);
        List<OpResult> res;
        try {
            ctx.resolveAll();
            res = op.spec().executor().execute(ctx);
            if (res == null) {
                res = List.of(OpResult.error("executor returned nothing"));
            }
        } catch (Unresolved u) {
            res = List.of(OpResult.unresolved(u.getMessage()));
        } catch (RuntimeException e) {
            res = List.of(OpResult.error(describe(e)));
        }
        Sym sym = Sym.ABSOLUTE;
        if (res.size() == 1) {
            try {
                sym = place(ctx, res.get(0));
            } catch (RuntimeException e) {
                sym = Sym.ABSOLUTE; // an extension operation without the arguments its placement needs
            }
        }
        bind(op, res, sym);
        if (!op.spec().reportsResult()) {
            return null;
        }
        boolean perPage = op.name().equals("touch") || res.size() != 1;
        OpRecord rec = new OpRecord(op.line(), pid, op.name(), res, perPage, sym.text());
        results.add(rec);
        return rec;
    }

    /** Runs what is left, then collects the final state of every live process and the faults. */
    public RunReport finish() {
        if (report != null) {
            return report;
        }
        while (hasNext()) {
            step();
        }
        start();
        List<DumpRecord> all = new ArrayList<>(dumps);
        List<FaultRecord> faults = List.of();
        RunReport.FaultCapture capture;
        try {
            for (int pid : target.liveProcesses()) {
                all.add(new DumpRecord(null, pid, named(target.dump(pid))));
            }
            // named as they are read: no second list of a million records
            faults = LazyList.map(target.faults(), f -> f.withSym(symbolizer.symbolize(f.address()).text()));
            capture = target.faultCapture();
        } catch (TargetException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TargetException("the target could not report the processes' final state: " + describe(e), e);
        }
        report = new RunReport(scenario.fileName(), scenario.profile().name(), scenario.levels(), results, all,
                faults, capture);
        return report;
    }

    /** The report so far (without final states), for stepping UIs. */
    public RunReport partial() {
        return new RunReport(scenario.fileName(), scenario.profile().name(), scenario.levels(), results, dumps,
                List.of());
    }

    private void start() {
        if (started) {
            return;
        }
        started = true;
        try {
            symbolizer.addInitial(target.dump(), scenario.profile().mappingNames());
        } catch (RuntimeException e) {
            // a target that cannot dump yet still runs; names then stay absolute
        }
    }

    private int safePid() {
        try {
            return target.currentPid();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private List<VmaSnapshot> named(List<VmaSnapshot> vmas) {
        List<VmaSnapshot> out = new ArrayList<>(vmas.size());
        for (VmaSnapshot v : vmas) {
            out.add(v.withSym(symbolizer.symbolize(v.start()).text()));
        }
        return out;
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private void bind(Op op, List<OpResult> res, Sym sym) {
        if (op.binding() == null) {
            return;
        }
        OpResult r = res.isEmpty() ? null : res.get(0);
        if (r != null && (r.kind() == OpResult.Kind.VALUE || r.kind() == OpResult.Kind.PID)) {
            bindings.put(op.binding(), new Resolved(r.value(), sym));
        } else {
            bindings.remove(op.binding()); // later uses become unresolved($name)
        }
    }

    /** Decides the symbolic form of an address result (see ReportComparison) and records new regions. */
    private Sym place(Context ctx, OpResult r) {
        Op op = ctx.op;
        if (r.kind() != OpResult.Kind.VALUE) {
            return Sym.ABSOLUTE;
        }
        long a = r.value();
        String fresh = op.binding() != null ? "$" + op.binding() : "@" + op.line();
        switch (op.spec().placement()) {
            case MMAP -> {
                Resolved hint = ctx.resolved.get("ADDR");
                long len = pageUp(ctx.values.get("LEN").value());
                boolean fixed = op.hasFlag("fixed") || op.hasFlag("noreplace");
                if ((fixed || hint.value() != 0) && a == hint.value()) {
                    return remember(hint.sym(), a, len);
                }
                return remember(new Sym(fresh, 0), a, len);
            }
            case MREMAP -> {
                long len = pageUp(ctx.values.get("NEWLEN").value());
                Resolved to = ctx.flagResolved.get("fixed");
                if (to != null && a == to.value()) {
                    return remember(to.sym(), a, len);
                }
                Resolved old = ctx.resolved.get("ADDR");
                if (a == old.value()) {
                    return remember(old.sym(), a, len);
                }
                return remember(new Sym(fresh, 0), a, len);
            }
            case BRK -> {
                if (brkBase == null) {
                    return Sym.ABSOLUTE;
                }
                if (Long.compareUnsigned(a, brkBase) > 0) {
                    // the heap's addresses (faults) are named relative to it, as [heap] in the scenario names them:
                    // a fresh process's [heap] starts at the first break
                    symbolizer.add("[heap]", brkBase, brkBase, pageUp(a - brkBase));
                }
                return new Sym("[brk]", a - brkBase);
            }
            case CHOSEN -> {
                return remember(new Sym(fresh, 0), a, KernelProfile.PAGE_SIZE);
            }
            default -> {
                return Sym.ABSOLUTE;
            }
        }
    }

    private Sym remember(Sym sym, long addr, long len) {
        if (!sym.absolute()) {
            symbolizer.add(sym.base(), addr - sym.offset(), addr, len);
        }
        return sym;
    }

    private static long pageUp(long len) {
        long l = (len + KernelProfile.PAGE_SIZE - 1) & -KernelProfile.PAGE_SIZE;
        return Long.compareUnsigned(l, len) < 0 ? len : l;
    }

    /** The per-operation view handed to executors. */
    private final class Context implements OpContext {
        final Op op;
        final int pid;
        final Map<String, Resolved> resolved = new HashMap<>();
        final Map<String, Resolved> values = new HashMap<>();
        final Map<String, Resolved> flagResolved = new HashMap<>();
        final Map<String, String> texts = new HashMap<>();
        final Map<String, String> flagTexts = new HashMap<>();

        Context(Op op, int pid) {
            this.op = op;
            this.pid = pid;
        }

        void resolveAll() throws Unresolved {
            for (Arg a : op.args()) {
                Resolved r = resolve(a.value());
                values.put(a.spec().name(), r);
                resolved.put(a.spec().name(), r);
                if (a.value() instanceof Expr.Name n) {
                    texts.put(a.spec().name(), n.text());
                } else if (a.value() instanceof Expr.Word w) {
                    texts.put(a.spec().name(), w.text());
                }
            }
            for (Flag f : op.flags()) {
                if (f.value() instanceof Expr.FileRef fr) {
                    flagResolved.put(f.name(), Resolved.absolute(fr.offset()));
                    flagTexts.put(f.name(), fr.name());
                } else if (f.value() != null) {
                    flagResolved.put(f.name(), resolve(f.value()));
                    if (f.value() instanceof Expr.Word w) {
                        flagTexts.put(f.name(), w.text());
                    }
                }
            }
            if (op.spec().placement() == OpSpec.Placement.BRK && brkBase == null) {
                OpResult cur = target.brk(0);
                if (cur.kind() == OpResult.Kind.VALUE) {
                    brkBase = cur.value();
                }
            }
        }

        private Resolved resolve(Expr e) throws Unresolved {
            return switch (e) {
                case Expr.Num n -> Resolved.absolute(n.value());
                case Expr.Word w -> Resolved.absolute(w.value());
                case Expr.Relative r -> Resolved.absolute(r.size());
                case Expr.Name n -> Resolved.absolute(0);
                // Scenario.ops() replaces loop variables by their values; these reach here only from a bare Op
                case Expr.LoopVar v -> throw new Unresolved("$" + v.name() + " outside its repeat loop");
                case Expr.Sum v -> throw new Unresolved("$" + v.term().name() + " outside its repeat loop");
                case Expr.FileRef f -> Resolved.absolute(f.offset());
                case Expr.Bound b -> {
                    Resolved r = bindings.get(b.name());
                    if (r == null) {
                        throw new Unresolved("$" + b.name());
                    }
                    yield r;
                }
                case Expr.Special s -> {
                    OptionalLong start = target.specialMappingStart(s.name());
                    if (start.isEmpty()) {
                        throw new Unresolved(s.name());
                    }
                    Sym sym = symbolizer.symbolize(start.getAsLong());
                    yield new Resolved(start.getAsLong(), sym.absolute() ? new Sym(s.name(), 0) : sym);
                }
                case Expr.Offset o -> {
                    Resolved base = resolve(o.base());
                    long v = o.minus() ? base.value() - o.size() : base.value() + o.size();
                    boolean wrapped = o.minus() ? Long.compareUnsigned(v, base.value()) > 0
                            : Long.compareUnsigned(v, base.value()) < 0;
                    if (wrapped) {
                        throw new Unresolved("address out of range");
                    }
                    yield new Resolved(v, base.sym().plus(o.minus() ? -o.size() : o.size()));
                }
            };
        }

        @Override
        public Op op() {
            return op;
        }

        @Override
        public ScenarioTarget target() {
            return target;
        }

        @Override
        public boolean present(String argName) {
            return values.containsKey(argName);
        }

        @Override
        public long value(String argName) {
            Resolved r = values.get(argName);
            if (r == null) {
                throw new IllegalArgumentException("no argument " + argName + " on line " + op.line());
            }
            return r.value();
        }

        @Override
        public String text(String argName) {
            return texts.get(argName);
        }

        @Override
        public boolean has(String flagName) {
            return op.hasFlag(flagName);
        }

        @Override
        public long flagValue(String flagName) {
            Resolved r = flagResolved.get(flagName);
            return r == null ? 0 : r.value();
        }

        @Override
        public String flagText(String flagName) {
            return flagTexts.get(flagName);
        }

        @Override
        public void dump() {
            dumps.add(new DumpRecord(op.line(), pid, named(target.dump())));
        }
    }
}
