package org.mmwb.scenario.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

import org.mmwb.core.mm.Errno;
import org.mmwb.core.mm.FaultRecord;
import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.KernelProfile;
import org.mmwb.core.mm.MemFile;
import org.mmwb.core.mm.PteWalk;
import org.mmwb.core.mm.Rlimit;
import org.mmwb.core.mm.Signals;
import org.mmwb.core.mm.Task;
import org.mmwb.core.mm.VmArea;
import org.mmwb.core.mm.VmaSnapshot;
import org.mmwb.scenario.Access;
import org.mmwb.scenario.OpResult;
import org.mmwb.scenario.RunReport;
import org.mmwb.scenario.Scenario;
import org.mmwb.scenario.ScenarioRunner;
import org.mmwb.scenario.ScenarioTarget;

/**
 * Runs a scenario on the simulator: a {@link Kernel} of the scenario's profile with one exec'd task, pid 1.
 * Scenario pids are the engine's pids (1, then 2, 3, ... in fork order), so nothing needs mapping.
 */
public final class SimulatorTarget implements ScenarioTarget {

    private final Kernel kernel;
    private final Map<String, MemFile> files = new HashMap<>();
    private Task current;

    /**
     * @param profile the engine profile, with its special-mapping providers and the scenario's paging levels
     */
    public SimulatorTarget(KernelProfile profile) {
        this(profile, DEFAULT_FAULT_LOG_LIMIT);
    }

    /**
     * @param profile       the engine profile, as above
     * @param faultLogLimit how many faults the fault log keeps (older ones are dropped, their seqs stay counted)
     */
    public SimulatorTarget(KernelProfile profile, long faultLogLimit) {
        this.kernel = new Kernel(profile, faultLogLimit);
        this.current = kernel.spawn();
    }

    /** The fault log limit of {@link #SimulatorTarget(KernelProfile)}: 16M faults. */
    public static final long DEFAULT_FAULT_LOG_LIMIT = 1L << 24;

    /**
     * Opens a simulator for a scenario.
     *
     * @param profiles resolves a profile name ("x86_64-6.18") to the engine profile, or null if unknown
     * @throws IllegalArgumentException when the scenario's profile is unknown to the resolver
     */
    public static SimulatorTarget open(Scenario scenario, Function<String, KernelProfile> profiles) {
        return open(scenario, profiles, DEFAULT_FAULT_LOG_LIMIT);
    }

    /** As {@link #open(Scenario, Function)}, keeping at most {@code faultLogLimit} faults. */
    public static SimulatorTarget open(Scenario scenario, Function<String, KernelProfile> profiles,
            long faultLogLimit) {
        KernelProfile p = profiles.apply(scenario.profile().name());
        if (p == null) {
            throw new IllegalArgumentException("no simulator profile named " + scenario.profile().name());
        }
        SimulatorTarget sim = new SimulatorTarget(p.withLevels(scenario.levels()), faultLogLimit);
        if (scenario.ram() != 0) {
            sim.kernel.setRamPages(scenario.ram() >>> 12);
        }
        return sim;
    }

    /** Runs the whole scenario on this simulator. */
    public RunReport run(Scenario scenario) {
        return ScenarioRunner.run(scenario, this);
    }

    /** The simulated machine, for views and checks that need more than the scenario contract. */
    public Kernel kernel() {
        return kernel;
    }

    /** {@code Kernel.class}: the simulated machine (its tasks' pids are the scenario pids). */
    @Override
    public <T> T adapt(Class<T> type) {
        return type == Kernel.class ? type.cast(kernel) : null;
    }

    private static OpResult syscall(long r) {
        return r < 0 ? OpResult.errno(Errno.name(-r)) : OpResult.value(r);
    }

    private static OpResult status(long r) {
        return r < 0 ? OpResult.errno(Errno.name(-r)) : OpResult.ok();
    }

    private static OpResult signal(int r) {
        return r == Signals.OK ? OpResult.ok() : OpResult.signal(Signals.signo(r), Signals.code(r));
    }

    /**
     * The result of an operation, unless the OOM killer chose the current task while it ran: then the task never
     * returns to user space, the operation reads SIGKILL, and the scenario continues in the parent (as after
     * {@code exit}).
     */
    private OpResult killed(OpResult r) {
        if (current == null || current.alive() || current.exitSignal() != Signals.SIGKILL) {
            return r;
        }
        Task parent = current.parent();
        current = parent != null && parent.alive() ? parent : null;
        return OpResult.signal(Signals.SIGKILL, Signals.SI_KERNEL);
    }

    private boolean live() {
        return current != null && current.alive();
    }

    @Override
    public OpResult createFile(String name, long size) {
        files.put(name, kernel.memfd(name, size));
        return OpResult.ok();
    }

    @Override
    public OpResult mmap(long addr, long len, int prot, int flags, String file, long offset) {
        MemFile f = null;
        if (file != null) {
            f = files.get(file);
            if (f == null) {
                return OpResult.errno("EBADF");
            }
        }
        return live() ? killed(syscall(kernel.mmap(current, addr, len, prot, flags, f, offset)))
                : OpResult.errno("ESRCH");
    }

    @Override
    public OpResult munmap(long addr, long len) {
        return live() ? killed(status(kernel.munmap(current, addr, len))) : OpResult.errno("ESRCH");
    }

    @Override
    public OpResult mprotect(long addr, long len, int prot) {
        return live() ? killed(status(kernel.mprotect(current, addr, len, prot))) : OpResult.errno("ESRCH");
    }

    @Override
    public OpResult mremap(long oldAddr, long oldLen, long newLen, int flags, long newAddr) {
        return live() ? killed(syscall(kernel.mremap(current, oldAddr, oldLen, newLen, flags, newAddr)))
                : OpResult.errno("ESRCH");
    }

    @Override
    public OpResult madvise(long addr, long len, int advice) {
        return live() ? killed(status(kernel.madvise(current, addr, len, advice))) : OpResult.errno("ESRCH");
    }

    @Override
    public OpResult mlock(long addr, long len) {
        return live() ? killed(status(kernel.mlock(current, addr, len))) : OpResult.errno("ESRCH");
    }

    @Override
    public OpResult munlock(long addr, long len) {
        return live() ? killed(status(kernel.munlock(current, addr, len))) : OpResult.errno("ESRCH");
    }

    @Override
    public OpResult mlockall(int flags) {
        return live() ? killed(status(kernel.mlockall(current, flags))) : OpResult.errno("ESRCH");
    }

    @Override
    public OpResult munlockall() {
        return live() ? killed(status(kernel.munlockall(current))) : OpResult.errno("ESRCH");
    }

    /** Only CAP_IPC_LOCK is modelled (the only capability the engine asks about besides root's others). */
    @Override
    public OpResult capdrop(int cap) {
        if (!live()) {
            return OpResult.errno("ESRCH");
        }
        return cap == CAP_IPC_LOCK ? status(kernel.setCapIpcLock(current, false)) : OpResult.errno("EINVAL");
    }

    /** CAP_IPC_LOCK (include/uapi/linux/capability.h). */
    public static final int CAP_IPC_LOCK = 14;

    @Override
    public OpResult mseal(long addr, long len, long flags) {
        if (flags != 0) {
            return OpResult.errno("EINVAL"); // mseal(2) accepts no flags yet
        }
        return live() ? killed(status(kernel.mseal(current, addr, len))) : OpResult.errno("ESRCH");
    }

    @Override
    public OpResult brk(long addr) {
        return live() ? killed(syscall(kernel.brk(current, addr))) : OpResult.errno("ESRCH");
    }

    @Override
    public OpResult touch(long addr, Access access) {
        if (!live()) {
            return OpResult.errno("ESRCH");
        }
        return killed(switch (access) {
            case READ -> signal(kernel.access(current, addr, Kernel.ACCESS_READ));
            case WRITE -> signal(kernel.write(current, addr, (byte) 0x5a)); // docs/scenarios.md: a write touch stores 'Z'
            case EXEC -> signal(kernel.access(current, addr, Kernel.ACCESS_EXEC));
        });
    }

    @Override
    public OpResult read(long addr) {
        if (!live()) {
            return OpResult.errno("ESRCH");
        }
        long r = kernel.read(current, addr);
        return killed(r >= 0 ? OpResult.value(r) : signal((int) -r));
    }

    @Override
    public OpResult write(long addr, int value) {
        return live() ? killed(signal(kernel.write(current, addr, (byte) value))) : OpResult.errno("ESRCH");
    }

    @Override
    public OpResult fork() {
        if (!live()) {
            return OpResult.errno("ESRCH");
        }
        Task child = kernel.fork(current);
        if (child == null) {
            return OpResult.errno("ENOMEM");
        }
        current = child;
        return OpResult.pid(child.pid());
    }

    @Override
    public OpResult exit() {
        if (!live()) {
            return OpResult.errno("ESRCH");
        }
        long r = kernel.exit(current);
        if (r < 0) {
            return status(r);
        }
        Task parent = current.parent();
        current = parent != null && parent.alive() ? parent : null;
        return OpResult.ok();
    }

    @Override
    public OpResult switchTo(int pid) {
        Task t = kernel.task(pid);
        if (t == null || !t.alive()) {
            return OpResult.errno("ESRCH");
        }
        current = t;
        return OpResult.ok();
    }

    @Override
    public int currentPid() {
        return live() ? current.pid() : 0;
    }

    @Override
    public OptionalLong specialMappingStart(String name) {
        if (!live()) {
            return OptionalLong.empty();
        }
        // the VMAs without their page letters: resolving [stack] must not cost a walk of every page
        for (VmArea v : current.mm().vmas()) {
            if (v.name().equals(name)) {
                return OptionalLong.of(v.start());
            }
        }
        for (VmaSnapshot v : kernel.snapshot(current)) {
            if (v.gate() && v.name().equals(name)) {
                return OptionalLong.of(v.start()); // [vsyscall] is no VMA
            }
        }
        return OptionalLong.empty();
    }

    @Override
    public List<VmaSnapshot> dump() {
        return live() ? kernel.snapshot(current) : List.of();
    }

    @Override
    public List<Integer> liveProcesses() {
        List<Integer> pids = new ArrayList<>();
        for (Task t : kernel.tasks()) {
            if (t.alive()) {
                pids.add(t.pid());
            }
        }
        return pids;
    }

    @Override
    public List<VmaSnapshot> dump(int pid) {
        Task t = kernel.task(pid);
        return t == null || !t.alive() ? List.of() : kernel.snapshot(t);
    }

    /** The fault log as a lazy list: records are built as they are read (see FaultRecordList). */
    @Override
    public List<FaultRecord> faults() {
        return new FaultRecordList(kernel);
    }

    /** Every mapped page of every live process, walked like crash's vtop: for {@code run --print pagetable}. */
    public String pageTablesText() {
        StringBuilder sb = new StringBuilder();
        try {
            writePageTables(sb);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e); // a StringBuilder does not fail
        }
        return sb.toString();
    }

    /** As {@link #pageTablesText()}, written line by line. */
    public void writePageTables(Appendable out) throws java.io.IOException {
        for (Task t : kernel.tasks()) {
            if (!t.alive()) {
                continue;
            }
            out.append("page tables of pid ").append(String.valueOf(t.pid())).append(" (")
                    .append(String.valueOf(kernel.profile().levels())).append(" levels)\n");
            for (VmArea v : t.mm().vmas()) {
                for (long va = v.start(); Long.compareUnsigned(va, v.end()) < 0; va += 4096) {
                    PteWalk w = kernel.vtop(t, va);
                    if (w == null || w.entries().length == 0 || w.entries()[w.entries().length - 1] == 0) {
                        continue;
                    }
                    int last = w.entries().length - 1;
                    out.append(String.format("  %016x %s %016x %s%n", va, w.levelNames()[last],
                            w.entries()[last], w.decoded()[last]));
                }
            }
        }
    }

    @Override
    public OpResult sysctl(String name, long value, boolean relative) {
        if (!name.startsWith("vm.")) {
            return OpResult.errno("ENOENT");
        }
        if (relative) {
            if (!name.equals("vm.max_map_count") || !live()) {
                return OpResult.errno(live() ? "EINVAL" : "ESRCH");
            }
            value += kernel.limitCounters(current)[0];
        }
        return status(kernel.setSysctl(name.substring(3), value));
    }

    @Override
    public OpResult setrlimit(int resource, long value, boolean relative) {
        if (!live()) {
            return OpResult.errno("ESRCH");
        }
        if (relative) {
            long[] c = kernel.limitCounters(current);
            long use = switch (resource) {
                case Rlimit.AS -> c[1] << 12;
                case Rlimit.DATA -> c[2] << 12;
                case Rlimit.MEMLOCK -> c[3] << 12;
                case Rlimit.STACK -> stackSize();
                default -> -1;
            };
            if (use < 0) {
                return OpResult.errno("EINVAL");
            }
            value += use;
        }
        return status(kernel.setrlimit(current, resource, value, kernel.getrlimitMax(current, resource)));
    }

    /** The size of the current process's [stack] VMA (the one holding start_stack). */
    private long stackSize() {
        org.mmwb.core.mm.VmArea v = current.mm().findVma(current.mm().startStack());
        return v == null ? 0 : v.end() - v.start();
    }
}
