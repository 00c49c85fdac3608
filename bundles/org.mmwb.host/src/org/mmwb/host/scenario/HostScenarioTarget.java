package org.mmwb.host.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.mmwb.core.mm.FaultRecord;
import org.mmwb.core.mm.Rlimit;
import org.mmwb.core.mm.VmaSnapshot;
import org.mmwb.host.HostFault;
import org.mmwb.host.HostFaults;
import org.mmwb.host.HostKernel;
import org.mmwb.host.HostProcess;
import org.mmwb.host.HostResult;
import org.mmwb.host.HostScenario;
import org.mmwb.host.HostVma;
import org.mmwb.scenario.Access;
import org.mmwb.scenario.OpResult;
import org.mmwb.scenario.RunReport;
import org.mmwb.scenario.ScenarioTarget;

/**
 * Runs a scenario on the live kernel: each operation goes to the scenario's process in the C helper
 * ({@link HostKernel}) and its answer becomes the scenario's {@link OpResult}. {@link #faults()} are the user page
 * faults the scenario's accesses took, captured by the helper with perf (exceptions:page_fault_user); where perf is
 * not available (no root) {@link #faultCapture()} says so and why.
 * <p>
 * The scenario process is the helper's own program, with its binary, libc, ld.so and their data mapped. Those
 * VMAs are the background of every dump, not part of the scenario: dumps leave out every VMA that was there when
 * the scenario began, unchanged, unless it has a bracketed kernel name ([stack], [vdso], ...).
 */
public final class HostScenarioTarget implements ScenarioTarget {

    private final HostScenario scenario;
    /** memfd descriptors by scenario file name; a fork inherits them, as the kernel's fd table does. */
    private final Map<String, Long> files = new HashMap<>();
    /** The helper program's own VMAs at the start, by start address; see the class comment. */
    private final Map<Long, HostVma> background = new HashMap<>();
    private int current = 1;
    private final HostKernel kernel;

    /** Starts a new scenario (a fresh process tree) in the given helper. */
    public HostScenarioTarget(HostKernel kernel) {
        this.kernel = kernel;
        this.scenario = kernel.newScenario();
        HostProcess first = scenario.process(1);
        if (first != null) {
            for (HostVma v : first.dump(0)) {
                if (!isKernelNamed(v.name())) {
                    background.put(v.start(), v);
                }
            }
        }
    }

    private static boolean isKernelNamed(String name) {
        return name.startsWith("[") && name.endsWith("]");
    }

    private boolean isBackground(HostVma v) {
        HostVma b = background.get(v.start());
        return b != null && b.end() == v.end() && b.perms().equals(v.perms()) && b.name().equals(v.name())
                && b.offset() == v.offset();
    }

    /** Runs an operation on the current process; when no process is left the scenario gets ESRCH. */
    private OpResult on(java.util.function.Function<HostProcess, HostResult> op) {
        HostProcess p = current == 0 ? null : scenario.process(current);
        return p == null ? OpResult.errno("ESRCH") : convert(op.apply(p));
    }

    @Override
    public OpResult createFile(String name, long size) {
        return on(p -> {
            HostResult r = p.file(name, size);
            if (r.kind() == HostResult.Kind.VALUE) {
                files.put(name, r.value());
                return HostResult.ok();
            }
            return r;
        });
    }

    @Override
    public OpResult mmap(long addr, long len, int prot, int flags, String file, long offset) {
        Long fd = file == null ? Long.valueOf(-1) : files.get(file);
        if (fd == null) {
            return OpResult.errno("EBADF");
        }
        return on(p -> p.mmap(addr, len, prot, flags, fd.intValue(), offset));
    }

    @Override
    public OpResult munmap(long addr, long len) {
        return on(p -> p.munmap(addr, len));
    }

    @Override
    public OpResult mprotect(long addr, long len, int prot) {
        return on(p -> p.mprotect(addr, len, prot));
    }

    @Override
    public OpResult mremap(long oldAddr, long oldLen, long newLen, int flags, long newAddr) {
        return on(p -> p.mremap(oldAddr, oldLen, newLen, flags, newAddr));
    }

    @Override
    public OpResult madvise(long addr, long len, int advice) {
        return on(p -> p.madvise(addr, len, advice));
    }

    @Override
    public OpResult mlock(long addr, long len) {
        return on(p -> p.mlock(addr, len));
    }

    @Override
    public OpResult munlock(long addr, long len) {
        return on(p -> p.munlock(addr, len));
    }

    @Override
    public OpResult mlockall(int flags) {
        return on(p -> p.mlockall(flags));
    }

    @Override
    public OpResult munlockall() {
        return on(HostProcess::munlockall);
    }

    @Override
    public OpResult capdrop(int cap) {
        return on(p -> p.capdrop(cap));
    }

    @Override
    public OpResult mseal(long addr, long len, long flags) {
        if (flags != 0) {
            return OpResult.errno("EINVAL"); // the helper always passes 0; mseal(2) refuses any other flags
        }
        return on(p -> p.mseal(addr, len));
    }

    @Override
    public OpResult brk(long addr) {
        return on(p -> p.brk(addr));
    }

    @Override
    public OpResult touch(long addr, Access access) {
        return on(p -> {
            List<HostResult> rs = p.touch(addr, 1, access.letter().charAt(0));
            return rs.isEmpty() ? HostResult.failure("no answer for touch") : rs.get(0);
        });
    }

    /** One request to the helper for the whole range (it touches up to 1M pages per request). */
    @Override
    public List<OpResult> touchRange(long addr, long pages, Access access) {
        HostProcess p = current == 0 ? null : scenario.process(current);
        if (p == null) {
            return List.of(OpResult.errno("ESRCH"));
        }
        long len = ((addr & ~0xfffL) + pages * 4096) - addr;
        // the per-operation deadline is for one access; a range gets 1 ms more per 8 pages (64K pages: +8 s)
        java.time.Duration deadline = kernel.operationTimeout();
        java.time.Duration needed = deadline.plusMillis(pages / 8);
        if (pages > 64) {
            kernel.setOperationTimeout(needed);
        }
        List<HostResult> rs;
        try {
            rs = p.touch(addr, len, access.letter().charAt(0));
        } finally {
            if (pages > 64) {
                kernel.setOperationTimeout(deadline);
            }
        }
        List<OpResult> out = new java.util.ArrayList<>(rs.size());
        for (HostResult r : rs) {
            out.add(convert(r));
        }
        return out;
    }

    @Override
    public OpResult read(long addr) {
        return on(p -> p.read(addr));
    }

    @Override
    public OpResult write(long addr, int value) {
        return on(p -> p.write(addr, value));
    }

    @Override
    public OpResult fork() {
        OpResult r = on(HostProcess::fork);
        if (r.kind() != OpResult.Kind.VALUE) {
            return r;
        }
        current = (int) r.value();
        return OpResult.pid(current);
    }

    @Override
    public OpResult exit() {
        OpResult r = on(HostProcess::exit);
        if (r.kind() != OpResult.Kind.VALUE) {
            return r;
        }
        current = (int) r.value();
        return OpResult.ok();
    }

    @Override
    public OpResult switchTo(int pid) {
        if (scenario.process(pid) == null) {
            return OpResult.errno("ESRCH");
        }
        current = pid;
        return OpResult.ok();
    }

    @Override
    public int currentPid() {
        return current != 0 && scenario.process(current) != null ? current : 0;
    }

    @Override
    public OptionalLong specialMappingStart(String name) {
        HostProcess p = current == 0 ? null : scenario.process(current);
        return p == null ? OptionalLong.empty()
                : p.special(name).map(r -> OptionalLong.of(r.start())).orElse(OptionalLong.empty());
    }

    @Override
    public List<VmaSnapshot> dump() {
        return dump(current);
    }

    @Override
    public List<Integer> liveProcesses() {
        List<Integer> pids = new ArrayList<>();
        for (HostProcess p : scenario.processes()) {
            pids.add(p.pid());
        }
        pids.sort(null);
        return pids;
    }

    @Override
    public List<VmaSnapshot> dump(int pid) {
        HostProcess p = scenario.process(pid);
        if (p == null) {
            return List.of();
        }
        List<VmaSnapshot> out = new ArrayList<>();
        for (HostVma v : p.dump()) {
            if (isBackground(v)) {
                continue;
            }
            out.add(new VmaSnapshot(v.start(), v.end(), v.perms(), v.pgoff(), v.name(), v.flags(), v.pages()));
        }
        return out;
    }

    /** The lowest vm.max_map_count the helper sets (MAP_COUNT_FLOOR of mmwb-hostd.c). */
    static final long MAP_COUNT_FLOOR = 4096;

    /**
     * A relative {@code vm.max_map_count} is the current process's VMA count plus N. The helper refuses limits below
     * {@link #MAP_COUNT_FLOOR} (the sysctl is global: other processes must stay far below it), so when count + N
     * is lower every live process of the scenario is first padded with as many one-page VMAs (the same for all, so
     * each keeps the headroom it has on the simulator; later forks inherit the padding); they join the
     * background.
     */
    @Override
    public OpResult sysctl(String name, long value, boolean relative) {
        if (!name.startsWith("vm.")) {
            return OpResult.errno("ENOENT");
        }
        String key = name.substring(3);
        if (relative) {
            HostProcess p = current == 0 ? null : scenario.process(current);
            if (p == null) {
                return OpResult.errno("ESRCH");
            }
            if (!key.equals("max_map_count")) {
                return OpResult.errno("EINVAL");
            }
            long[] use = p.usage();
            if (use == null) {
                return OpResult.error("host: cannot read the VMA count of process " + current);
            }
            long count = use[0];
            if (count + value < MAP_COUNT_FLOOR) {
                long n = MAP_COUNT_FLOOR - (count + value);
                // every live process gets the same padding, so each keeps the headroom it has on the simulator
                for (HostProcess q : scenario.processes()) {
                    var range = q.pad(n);
                    if (range.isEmpty()) {
                        return OpResult.error("host: cannot pad process " + q.pid() + " with " + n + " VMAs");
                    }
                    for (HostVma v : q.dump(0)) {
                        if (v.start() >= range.get().start() && v.end() <= range.get().end()) {
                            background.put(v.start(), v);
                        }
                    }
                }
                count += n;
            }
            value += count;
        }
        return convert(scenario.kernel().sysctl(key, value));
    }

    @Override
    public OpResult setrlimit(int resource, long value, boolean relative) {
        return on(p -> {
            long v = value;
            if (relative) {
                long[] use = p.usage();
                if (use == null) {
                    return HostResult.failure("cannot read the memory use of process " + current);
                }
                long base = switch (resource) {
                    case Rlimit.AS -> use[1];
                    case Rlimit.DATA -> use[2];
                    case Rlimit.MEMLOCK -> use[3];
                    case Rlimit.STACK -> use[4];
                    default -> -1;
                };
                if (base < 0) {
                    return HostResult.errno(22, "EINVAL");
                }
                v += base;
            }
            return p.setrlimit(resource, v, -2);
        });
    }

    /** The scenario's faults as the helper captured them, asked for once at the end of the run. */
    private HostFaults captured;

    private HostFaults captured() {
        if (captured == null) {
            captured = scenario.faults();
        }
        return captured;
    }

    /**
     * The user page faults of the scenario's own accesses (exceptions:page_fault_user), in the order taken. What
     * the tracepoint does not say is left empty: the VMA, the handler, the result (0) and the PFN (none).
     */
    @Override
    public List<FaultRecord> faults() {
        List<FaultRecord> out = new ArrayList<>();
        long seq = 0;
        for (HostFault f : captured().faults()) {
            out.add(new FaultRecord(seq++, f.pid(), f.address(), f.access(), "", "", 0, 0, -1, null));
        }
        return out;
    }

    @Override
    public RunReport.FaultCapture faultCapture() {
        HostFaults f = captured();
        return f.captured() ? new RunReport.FaultCapture(true, RunReport.FaultCapture.USER, null)
                : RunReport.FaultCapture.notCaptured(f.notCapturedBecause());
    }

    @Override
    public void close() {
        scenario.close();
    }

    /** The helper's answer as a scenario result; si_code names lose their SEGV_/BUS_ prefix ({@code ACCERR}). */
    static OpResult convert(HostResult r) {
        return switch (r.kind()) {
            case OK -> OpResult.ok();
            case VALUE -> OpResult.value(r.value());
            case ERRNO -> OpResult.errno(r.errnoName().isEmpty() ? "E" + r.errno() : r.errnoName());
            case SIGNAL -> OpResult.signal(r.signal(), r.code().replaceFirst("^(SEGV|BUS)_", ""));
            case FAILURE -> OpResult.error("host: " + r.message());
        };
    }
}
