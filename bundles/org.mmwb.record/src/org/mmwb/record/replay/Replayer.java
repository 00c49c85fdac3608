package org.mmwb.record.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mmwb.core.mm.Errno;
import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.KernelProfile;
import org.mmwb.core.mm.MapFlags;
import org.mmwb.core.mm.MemFile;
import org.mmwb.core.mm.Prot;
import org.mmwb.core.mm.Task;
import org.mmwb.core.mm.VmArea;
import org.mmwb.core.mm.VmaSnapshot;
import org.mmwb.record.RecordedVma;
import org.mmwb.record.Recording;
import org.mmwb.record.RecordingEvent;
import org.mmwb.record.RecordingEvent.Exec;
import org.mmwb.record.RecordingEvent.Exit;
import org.mmwb.record.RecordingEvent.Fault;
import org.mmwb.record.RecordingEvent.FileInfo;
import org.mmwb.record.RecordingEvent.SysCall;
import org.mmwb.record.RecordingEvent.TaskNew;
import org.mmwb.record.replay.ReplayStep.Outcome;

/**
 * Replays a recording on a simulated kernel (docs/recording.md, "Replay"): each exec snapshot becomes the
 * address space the live kernel built ({@link Kernel#execRecorded}, the ELF segments mapped from files with the
 * recorded size and page-cache residency, the special mappings at their addresses, the pages present touched),
 * then every mm system call runs with the recorded arguments and every recorded fault is replayed as one access
 * of its kind by its process. Threads share their process's simulated task; fork makes a COW copy.
 *
 * <p>A replay goes step by step ({@link #step()}): each exec, task_new, exit, sys and fault line is one step (the
 * file and task_end lines in between are read on the way), so that the workbench can replay a recording up to any
 * step; {@link #run()} takes every step. The replay is deterministic: replaying the same recording to step n twice
 * gives the same machine, which is how the workbench goes back.
 */
public final class Replayer {
    /** How many differences the report keeps (all are counted). */
    public static final int MAX_DIFFERENCES = 20;

    private final Kernel kernel;
    private final Recording rec;
    private final Map<Integer, Task> byPid = new HashMap<>();
    private final Map<String, FileInfo> fileInfo = new HashMap<>();
    private final Map<String, MemFile> files = new HashMap<>();
    private final List<String> diffs = new ArrayList<>();
    private long diffCount;
    private long sys, sysOk, faults, faultsOk, lifecycle;
    private int mapsCompared, mapsIdentical;
    /** The index in rec.events() of each step's event. */
    private final int[] stepEvents;
    private int position;
    /** The next event to read (file and task_end lines are read on the way to a step). */
    private int cursor;
    private long replayNanos;
    // what the step being replayed did (step() returns it)
    private Outcome outcome;
    private long simResult;
    private String difference;
    private String note;
    private long ipVmaStart;
    private String ipVmaName;
    private String ipFile;
    private long ipOffset;

    public Replayer(KernelProfile profile, Recording rec) {
        // the fault log keeps the faults of this replay only as far as the report needs: counts, not history
        this(profile, rec, 1L << 20);
    }

    /** A replay whose kernel keeps the newest faultLogLimit faults in its fault log (the workbench shows them). */
    public Replayer(KernelProfile profile, Recording rec, long faultLogLimit) {
        this.kernel = new Kernel(profile, faultLogLimit);
        kernel.setZeroPageForbidden(!rec.zeroPage()); // as the recording host did
        this.rec = rec;
        this.stepEvents = stepEvents(rec.events());
        markExecFaults();
    }

    /**
     * The index in events of each step: the exec, task_new, exit, sys and fault lines (what {@link #stepEvent}
     * gives, without a replayer).
     */
    public static int[] stepEvents(List<RecordingEvent> events) {
        int n = 0;
        for (RecordingEvent e : events) {
            n += isStep(e) ? 1 : 0;
        }
        int[] out = new int[n];
        n = 0;
        for (int i = 0; i < events.size(); i++) {
            if (isStep(events.get(i))) {
                out[n++] = i;
            }
        }
        return out;
    }

    private static boolean isStep(RecordingEvent e) {
        return e instanceof Exec || e instanceof SysCall || e instanceof Fault || e instanceof TaskNew
            || e instanceof Exit;
    }

    /** The number of steps of the recording. */
    public int steps() {
        return stepEvents.length;
    }

    /** The event of step i (0-based: step i + 1 in the workbench's numbering). */
    public RecordingEvent stepEvent(int i) {
        return rec.events().get(stepEvents[i]);
    }

    /** Steps replayed so far. */
    public int position() {
        return position;
    }

    /** Whether a step is left. */
    public boolean hasNext() {
        return position < stepEvents.length;
    }

    /** The recording replayed. */
    public Recording recording() {
        return rec;
    }

    /** The simulated task of a recorded process id now, or null (not followed, or exited). */
    public Task task(int recordedPid) {
        return byPid.get(recordedPid);
    }

    /** The simulated kernel (for views that show the replayed state). */
    public Kernel kernel() {
        return kernel;
    }

    /** Runs the rest of the recording (all of it on a new replayer) and returns the figures. */
    public ReplayReport run() {
        while (hasNext()) {
            step();
        }
        return report();
    }

    /** The figures of the steps replayed so far (of the whole recording once {@link #hasNext()} is false). */
    public ReplayReport report() {
        return new ReplayReport(sysOk, sys, faultsOk, faults, inExec, faultsDisabled, mapsCompared, mapsIdentical,
            lifecycle, List.copyOf(diffs), diffCount, replayNanos, rec.end() != null ? rec.end().wallNs() : 0);
    }

    /**
     * Replays the next step (and the file and task_end lines before it).
     *
     * @throws java.util.NoSuchElementException when no step is left
     */
    public ReplayStep step() {
        if (!hasNext()) {
            throw new java.util.NoSuchElementException("the recording has " + stepEvents.length + " steps");
        }
        long start = System.nanoTime();
        int index = position;
        int target = stepEvents[index];
        List<RecordingEvent> ev = rec.events();
        while (cursor < target) {
            if (ev.get(cursor++) instanceof FileInfo f) {
                fileInfo.putIfAbsent(f.key(), f);
            }
        }
        RecordingEvent e = ev.get(cursor++);
        outcome = Outcome.MATCHED;
        simResult = 0;
        difference = null;
        note = null;
        ipVmaStart = -1;
        ipVmaName = null;
        ipFile = null;
        ipOffset = -1;
        long faults0 = kernel.faultLog().nextSeq();
        switch (e) {
            case Exec x -> exec(x);
            case SysCall s -> syscall(s);
            case Fault f -> fault(f);
            case TaskNew n -> taskNew(n);
            case Exit x -> exit(x);
            default -> throw new IllegalStateException("not a step: " + e);
        }
        position++;
        replayNanos += System.nanoTime() - start;
        return new ReplayStep(index, e, outcome, simResult, difference, note, faults0, kernel.faultLog().nextSeq(),
            ipVmaStart, ipVmaName, ipFile, ipOffset);
    }

    /** Lines of faults taken inside a successful execve: in the new image, whose exec snapshot holds their pages. */
    private final java.util.Set<Integer> execFaults = new java.util.HashSet<>();
    private long inExec;

    /**
     * Lines of kernel-mode faults that the same task's next event repeats (same page, same error code): the first
     * attempt ran with page faults disabled (pagefault_disable(), e.g. a futex or copy_to_user in atomic context;
     * do_user_addr_fault: faulthandler_disabled -> bad_area_nosemaphore -> the exception fixup), mapped nothing,
     * and the kernel faulted the page in for real right after.
     */
    private final java.util.Set<Integer> disabledFaults = new java.util.HashSet<>();
    private long faultsDisabled;

    private void markDisabledFaults() {
        Map<Integer, Fault> last = new HashMap<>();
        for (RecordingEvent e : rec.events()) {
            int tid = switch (e) {
                case Fault f -> f.tid();
                case SysCall s -> s.tid();
                default -> -1;
            };
            if (tid < 0) {
                continue;
            }
            Fault prev = last.remove(tid);
            if (prev != null && e instanceof Fault f && f.kernel() && f.error() == prev.error()
                    && (f.addr() >>> 12) == (prev.addr() >>> 12)) {
                disabledFaults.add(prev.line());
            }
            if (e instanceof Fault f && f.kernel()) {
                last.put(tid, f);
            }
        }
    }

    private void markExecFaults() {
        markDisabledFaults();
        Map<Integer, long[]> open = new HashMap<>();
        List<RecordingEvent> ev = rec.events();
        for (int i = ev.size() - 1; i >= 0; i--) { // execve lines follow the faults they cover
            RecordingEvent e = ev.get(i);
            if (e instanceof SysCall s && s.returned() && s.ret() == 0
                    && (s.name().equals("execve") || s.name().equals("execveat"))) {
                open.put(s.tid(), new long[] { s.tEnter(), s.t() });
            } else if (e instanceof Fault f) {
                long[] w = open.get(f.tid());
                if (w != null && f.t() >= w[0] && f.t() <= w[1]) {
                    execFaults.add(f.line());
                }
            }
        }
    }

    private void diff(int line, String what) {
        outcome = Outcome.DIFFERENT;
        difference = what;
        diffCount++;
        if (diffs.size() < MAX_DIFFERENCES) {
            diffs.add(rec.source() + ":" + line + ": " + what);
        }
    }

    // --------------------------------------------------------------------------------------- processes

    /** The mm of process pid stays shared with another process (a vfork child before its exec)? */
    private boolean shared(Task t, int exceptPid) {
        for (Map.Entry<Integer, Task> e : byPid.entrySet()) {
            if (e.getKey() != exceptPid && e.getValue() == t) {
                return true;
            }
        }
        return false;
    }

    private void exec(Exec x) {
        lifecycle++;
        outcome = Outcome.LIFECYCLE;
        Task t = byPid.get(x.pid());
        if (t == null || shared(t, x.pid())) {
            t = kernel.spawn();
            byPid.put(x.pid(), t);
        }
        RecordedVma stack = null;
        long mmapBase = 0;
        for (RecordedVma v : x.vmas()) {
            if (v.name().equals("[stack]")) {
                stack = v;
            }
        }
        if (stack == null) {
            diff(x.line(), "the exec snapshot has no [stack]: cannot set up the address space");
            return;
        }
        for (RecordedVma v : x.vmas()) {
            if (v != stack && v.end() <= stack.start() && !v.name().equals("[vsyscall]")) {
                mmapBase = Math.max(mmapBase, v.end()); // ld.so (or the vdso) is mapped first, top-down
            }
        }
        long r = kernel.execRecorded(t, mmapBase, x.startBrk(), x.startStack(), stack.start(), stack.end());
        if (r < 0) {
            diff(x.line(), "exec: the simulator refused the recorded layout (" + Errno.name(r) + ")");
            return;
        }
        for (RecordedVma v : x.vmas()) {
            if (v != stack && !v.name().equals("[vsyscall]")) {
                installExecVma(t, x, v);
            }
        }
        for (RecordedVma v : x.vmas()) {
            touchRuns(t, v.start(), v.anonPresent(), Kernel.ACCESS_WRITE);
            touchRuns(t, v.start(), v.filePresent(), Kernel.ACCESS_READ);
        }
        String first = firstMapsDifference(t, x.vmas());
        if (first != null) {
            diff(x.line(), "exec layout not reproduced: " + first);
        }
    }

    private void installExecVma(Task t, Exec x, RecordedVma v) {
        long len = v.end() - v.start();
        long r;
        if (v.name().startsWith("[v") && kernel.specialMapping(v.name()) != null) {
            r = kernel.installSpecialMapping(t, v.name(), v.start());
        } else if (v.name().equals("[heap]")) {
            r = kernel.brk(t, v.end()) == v.end() ? 0 : -Errno.ENOMEM;
        } else if (v.ino() != 0 && v.name().startsWith("/")) {
            MemFile f = file(v.dev() + ":" + v.ino(), v.name(), v.offset() + len);
            r = kernel.mmap(t, v.start(), len, prot(v.perms()), MapFlags.FIXED
                | (v.perms().charAt(3) == 's' ? MapFlags.SHARED : MapFlags.PRIVATE), f, v.offset());
        } else if (v.ino() == 0 && v.name().isEmpty()) {
            r = kernel.mmap(t, v.start(), len, prot(v.perms()), MapFlags.FIXED | MapFlags.PRIVATE
                | MapFlags.ANONYMOUS, null, 0);
        } else {
            r = -Errno.EINVAL;
        }
        if (r < 0) {
            diff(x.line(), "exec: cannot set up " + v.mapsKey() + " (" + Errno.name(r) + ")");
        }
    }

    private void touchRuns(Task t, long start, List<long[]> runs, int access) {
        for (long[] run : runs) {
            for (long i = 0; i < run[1]; i++) {
                kernel.access(t, start + ((run[0] + i) << 12), access);
            }
        }
    }

    private static int prot(String perms) {
        return (perms.charAt(0) == 'r' ? Prot.READ : 0) | (perms.charAt(1) == 'w' ? Prot.WRITE : 0)
            | (perms.charAt(2) == 'x' ? Prot.EXEC : 0);
    }

    /** The simulated file for key, made on first use with the recorded size and page-cache residency. */
    private MemFile file(String key, String path, long minSize) {
        MemFile f = files.get(key);
        if (f != null) {
            return f;
        }
        FileInfo info = fileInfo.get(key);
        long size = info != null ? info.size() : minSize;
        int ino = (int) Long.parseLong(key.substring(key.lastIndexOf(':') + 1)); // "dev:ino", dev is "fe:00"
        f = MemFile.file(info != null ? info.path() : path, size, ino, info != null && info.thpUnmappedArea());
        if (info != null) {
            cache:
            for (long[] run : info.cached()) {
                for (long i = 0; i < run[1]; i++) {
                    if (kernel.cachePage(f, run[0] + i) < 0) {
                        break cache; // the simulated RAM is full: the rest cannot be cached either
                    }
                }
            }
        }
        files.put(key, f);
        return f;
    }

    private void taskNew(TaskNew n) {
        Task parent = byPid.get(n.ppid());
        if (parent == null || byPid.containsKey(n.pid())) {
            notReplayed(parent == null ? "a task of a process the replay does not follow"
                : "a thread: it shares its process's simulated task");
            return;
        }
        lifecycle++;
        outcome = Outcome.LIFECYCLE;
        if (n.sharesMm()) {
            byPid.put(n.pid(), parent); // vfork (CLONE_VM) child: the parent's mm until it execs
            return;
        }
        Task child = kernel.fork(parent);
        if (child == null) {
            diff(n.line(), "fork of process " + n.ppid() + " failed in the simulator");
            return;
        }
        byPid.put(n.pid(), child);
    }

    private void exit(Exit x) {
        lifecycle++;
        outcome = Outcome.LIFECYCLE;
        Task t = byPid.remove(x.pid());
        if (t == null) {
            diff(x.line(), "exit of process " + x.pid() + ", which the replay does not know");
            return;
        }
        mapsCompared++;
        String first = firstMapsDifference(t, x.vmas());
        if (first == null) {
            mapsIdentical++;
        } else {
            diff(x.line(), "final maps of process " + x.pid() + " differ: " + first);
        }
        if (!byPid.containsValue(t)) {
            kernel.exit(t);
        }
    }

    /** The first line where the simulator's maps differ from the recorded ones, or null. */
    private String firstMapsDifference(Task t, List<RecordedVma> recorded) {
        List<String> sim = new ArrayList<>();
        for (VmaSnapshot s : kernel.snapshot(t)) {
            sim.add(String.format("%x-%x %s %08x %s", s.start(), s.end(), s.perms(), s.mapsOffset(), s.name()));
        }
        for (int i = 0; i < Math.max(sim.size(), recorded.size()); i++) {
            // unlink is not recorded: a file deleted during the run is the same file, its name marked " (deleted)"
            String want = i < recorded.size() ? recorded.get(i).mapsKey().replaceFirst(" \\(deleted\\)$", "")
                : "(none)";
            String got = i < sim.size() ? sim.get(i).replaceFirst(" \\(deleted\\)$", "") : "(none)";
            if (!want.equals(got)) {
                return "kernel '" + want + "', simulator '" + got + "'";
            }
        }
        return null;
    }

    // --------------------------------------------------------------------------------------- system calls

    private void syscall(SysCall s) {
        switch (s.name()) {
            case "clone", "clone3", "fork", "vfork", "execve", "execveat", "exit", "exit_group" -> {
                notReplayed("the life cycle is replayed from the task_new, exec and exit lines");
                return;
            }
            default -> { }
        }
        Task t = byPid.get(s.pid());
        if (t == null || !s.returned()) {
            notReplayed(t == null ? "a process the replay does not follow" : "the call did not return");
            return;
        }
        sys++;
        long[] a = s.args();
        long r;
        switch (s.name()) {
            case "mmap" -> {
                int flags = (int) a[3];
                MemFile f = null;
                if ((flags & MapFlags.ANONYMOUS) == 0) {
                    if (s.file() == null) {
                        if (s.ret() >= 0) {
                            diff(s.line(), "mmap of fd " + (int) a[4] + ": the recording does not say which file");
                            return;
                        }
                        f = MemFile.file("(unknown)", 0, 0);
                    } else {
                        f = file(s.file(), "(unknown)", a[5] + a[1]);
                    }
                }
                r = kernel.mmap(t, a[0], a[1], (int) a[2], flags, f, a[5]);
            }
            case "munmap" -> r = kernel.munmap(t, a[0], a[1]);
            case "mprotect" -> r = kernel.mprotect(t, a[0], a[1], (int) a[2]);
            case "pkey_mprotect" -> {
                if ((int) a[3] != -1) {
                    unsupported(s, "protection keys are not modelled");
                    return;
                }
                r = kernel.mprotect(t, a[0], a[1], (int) a[2]);
            }
            case "madvise" -> r = kernel.madvise(t, a[0], a[1], (int) a[2]);
            case "mremap" -> r = kernel.mremap(t, a[0], a[1], a[2], (int) a[3], a[4]);
            case "brk" -> r = kernel.brk(t, a[0]);
            case "mlock" -> r = kernel.mlock(t, a[0], a[1]);
            case "mlock2" -> r = kernel.mlock2(t, a[0], a[1], (int) a[2]);
            case "munlock" -> r = kernel.munlock(t, a[0], a[1]);
            case "mlockall" -> r = kernel.mlockall(t, (int) a[0]); // the kernel takes an int
            case "munlockall" -> r = kernel.munlockall(t);
            case "mseal" -> {
                if (a[2] != 0) {
                    unsupported(s, "mseal flags other than 0");
                    return;
                }
                r = kernel.mseal(t, a[0], a[1]);
            }
            default -> {
                unsupported(s, "not modelled by the simulator");
                return;
            }
        }
        simResult = r;
        if (r == s.ret()) {
            sysOk++;
        } else {
            diff(s.line(), s.name() + "(" + args(s) + "): kernel " + result(s.ret()) + ", simulator " + result(r));
        }
    }

    private void unsupported(SysCall s, String why) {
        diff(s.line(), s.name() + "(" + args(s) + "): " + why);
    }

    private static String args(SysCall s) {
        int n = switch (s.name()) {
            case "munlockall" -> 0;
            case "brk", "mlockall" -> 1;
            case "munmap", "mlock", "munlock" -> 2;
            case "mprotect", "madvise", "mlock2", "mseal" -> 3;
            case "pkey_mprotect" -> 4;
            case "mremap" -> 5;
            default -> 6;
        };
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i > 0 ? ", " : "").append("0x").append(Long.toHexString(s.args()[i]));
        }
        return sb.toString();
    }

    private static String result(long r) {
        return r < 0 && r > -4096 ? Errno.name(r) : "0x" + Long.toHexString(r);
    }

    // --------------------------------------------------------------------------------------- faults

    private void notReplayed(String why) {
        outcome = Outcome.NOT_REPLAYED;
        note = why;
    }

    /**
     * Where the faulting instruction is: the file and file offset of the simulator's VMA holding ip (vm_pgoff is
     * the file offset in pages), read before the fault so that it names the mapping the program ran in.
     */
    private void ipOrigin(Task t, long ip) {
        VmArea v = t.mm() == null ? null : t.mm().vmaLookup(ip);
        if (v == null) {
            return;
        }
        ipVmaStart = v.start();
        ipVmaName = v.name();
        if (v.file() != null && v.file().regular()) {
            ipFile = v.file().name();
            ipOffset = (v.pgoff() << 12) + (ip - v.start());
        }
    }

    private void fault(Fault f) {
        Task t = byPid.get(f.pid());
        if (t == null) {
            notReplayed("a process the replay does not follow");
            return;
        }
        if (execFaults.contains(f.line())) {
            inExec++;
            notReplayed("taken inside execve, in the new image: its exec snapshot holds the page");
            return;
        }
        ipOrigin(t, f.ip());
        if (disabledFaults.contains(f.line())) {
            faultsDisabled++;
            notReplayed("taken with page faults disabled; the same task takes it again at once");
            return;
        }
        faults++;
        int access = switch (f.access()) {
            case "write" -> Kernel.ACCESS_WRITE;
            case "exec" -> Kernel.ACCESS_EXEC;
            default -> Kernel.ACCESS_READ;
        };
        char before = kernel.pageState(t, f.addr());
        long n0 = kernel.faultCount();
        kernel.access(t, f.addr(), access);
        long n = kernel.faultCount() - n0;
        if (n == 1) {
            faultsOk++;
        } else if (n == 0) {
            diff(f.line(), String.format("%s fault at 0x%x (ip 0x%x%s) not taken by the simulator: the page is "
                + "already mapped there (page state '%c')", f.access(), f.addr(), f.ip(), f.kernel() ? ", in the kernel"
                : "", before));
        } else {
            diff(f.line(), String.format("%s fault at 0x%x: the simulator took %d faults", f.access(), f.addr(), n));
        }
    }
}
