package org.mmwb.ui.internal.session;

import java.nio.file.Path;
import java.util.AbstractList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.mmwb.core.mm.Errno;
import org.mmwb.core.mm.KernelProfile;
import org.mmwb.core.mm.ReadOnlyFaultLog;
import org.mmwb.core.mm.Task;
import org.mmwb.record.Recording;
import org.mmwb.record.RecordingEvent;
import org.mmwb.record.RecordingEvent.Exec;
import org.mmwb.record.RecordingEvent.Exit;
import org.mmwb.record.RecordingEvent.Fault;
import org.mmwb.record.RecordingEvent.SysCall;
import org.mmwb.record.RecordingEvent.TaskNew;
import org.mmwb.record.elf.ElfSymbolCache;
import org.mmwb.record.replay.ReplayReport;
import org.mmwb.record.replay.ReplayStep;
import org.mmwb.record.replay.ReplayStep.Outcome;
import org.mmwb.record.replay.Replayer;
import org.mmwb.scenario.OpRecord;
import org.mmwb.scenario.OpResult;
import org.mmwb.ui.internal.widgets.faultlog.FaultOrigins;

/**
 * A recording (docs/recording.md) opened in the workbench: each exec, task_new, exit, sys and fault line is a step,
 * replayed by org.mmwb.record's {@link Replayer} (the one replay of {@code ./mmwb replay}). What the replay learns
 * about each step (its outcome, the simulator's result, its faults, where its ip was) is kept in columns, filled
 * as replays reach the step: the replay is deterministic, so every replay to step n learns the same. Rows of the
 * Results view are made from them when shown ({@link #steps}), so 100,000+ steps cost a few arrays, not 100,000+
 * objects.
 */
final class RecordingSession {

    /**
     * Steps before the target whose VMA changes are read (as {@link StepRecorder#DETAILED_TAIL}); the target's PTE
     * changes too.
     */
    static final int DETAILED_TAIL = StepRecorder.DETAILED_TAIL;

    final Path file;
    final String title;
    final Recording rec;
    final KernelProfile profile;
    final long readNanos;
    final ElfSymbolCache symbols;
    private final int total;
    /** The index in rec.events() of each step's event. */
    private final int[] stepEvents;

    // per step, learnt by the replays (written by a job or the UI thread, read after the state is published)
    private final byte[] outcome;
    private final int[] simPid;
    private final long[] simResult;
    private final long[] firstFault;
    private final long[] endFault;
    private final String[] why;
    private final String[] ipFile;
    private final long[] ipOffset;
    private final long[] ipVma;
    private final String[] ipName;
    private volatile int known;
    private final Map<Integer, List<StepChange>> changes = new ConcurrentHashMap<>();
    /** The fault log of the replay last shown: the same object for every state of one replay (the views compare). */
    private Replayer logOf;
    private RecordedFaultLog log;
    /** Rows made so far (UI thread): the Results view keys its rows by identity. */
    private final StepRecord[] rows;
    /** The changes each row was made with (a later replay may have read them, or read more). */
    private final Object[] rowChanges;

    RecordingSession(Path file, Recording rec, KernelProfile profile, long readNanos) {
        this.file = file;
        this.title = String.valueOf(file.getFileName());
        this.rec = rec;
        this.profile = profile;
        this.readNanos = readNanos;
        this.symbols = new ElfSymbolCache(rec);
        this.stepEvents = Replayer.stepEvents(rec.events());
        this.total = stepEvents.length;
        outcome = new byte[total];
        simPid = new int[total];
        simResult = new long[total];
        firstFault = new long[total];
        endFault = new long[total];
        why = new String[total];
        ipFile = new String[total];
        ipOffset = new long[total];
        ipVma = new long[total];
        ipName = new String[total];
        rows = new StepRecord[total];
        rowChanges = new Object[total];
    }

    /** The figures of the whole recording, once a replay reached its end (null before). */
    private volatile ReplayReport whole;

    /**
     * The step a recording opens at: before the exit lines (and exit/exit_group calls) it ends with, which tear
     * down every process; the views then show the processes as they ended. Run replays the exits.
     */
    int openAt() {
        int i = total;
        while (i > 0 && (event(i - 1) instanceof Exit || event(i - 1) instanceof SysCall c
                && (c.name().equals("exit") || c.name().equals("exit_group")))) {
            i--;
        }
        return i;
    }

    /** The recorded event of step i. */
    RecordingEvent event(int i) {
        return rec.events().get(stepEvents[i]);
    }

    /** Steps of the recording. */
    int total() {
        return total;
    }

    /**
     * A fresh replay run to step n (clamped), or null when cancelled; the last {@link #DETAILED_TAIL} steps have
     * their VMA changes read, step n its PTE changes too. Runs in a job.
     */
    Replayer replay(int n, long faultLogLimit, IProgressMonitor monitor) {
        int to = Math.max(0, Math.min(n, total));
        SubMonitor sub = SubMonitor.convert(monitor, to);
        Replayer r = new Replayer(profile, rec, faultLogLimit);
        MmProbe last = null;
        while (r.position() < to) {
            int i = r.position();
            if ((i & 1023) == 0) {
                if (sub.isCanceled()) {
                    return null;
                }
                sub.subTask("step " + i + " of " + to);
            }
            if (i == to - 1) {
                // the step shown: its PTE changes too (a probe of every PTE costs ~0.1 s at 115,000 PTEs, so
                // the steps before it get their VMA changes only)
                last = stepDetailed(r, last != null && last.ptes != null ? last
                        : MmProbe.take(r.kernel(), MmProbe.PTE_TABLE_BUDGET));
            } else if (i >= to - DETAILED_TAIL) {
                last = stepDetailed(r, last != null ? last : MmProbe.take(r.kernel(), 0));
            } else {
                Task before = r.task(pid(event(i)));
                learn(r, r.step(), before);
            }
            if ((i & 1023) == 1023) {
                sub.worked(1024);
            }
        }
        if (!r.hasNext()) {
            whole = r.report();
        }
        warmSymbols();
        return r;
    }

    /** One step of r with its changes read (a probe before and after); returns the probe after it. */
    MmProbe stepDetailed(Replayer r, MmProbe before) {
        MmProbe b = before != null ? before : MmProbe.take(r.kernel(), MmProbe.PTE_TABLE_BUDGET);
        Task t = r.task(pid(event(r.position())));
        ReplayStep s = r.step();
        MmProbe a = MmProbe.take(r.kernel(), b.ptes != null ? MmProbe.PTE_TABLE_BUDGET : 0);
        if (b.ptes != null || !changes.containsKey(s.index())) { // keep PTE changes read by an earlier replay
            changes.put(s.index(), StepDiff.compare(b, a));
        }
        learn(r, s, t);
        return a;
    }

    /** Keeps what step s did; before is its process's task before it (an exit removes it). */
    private void learn(Replayer r, ReplayStep s, Task before) {
        int i = s.index();
        outcome[i] = (byte) s.outcome().ordinal();
        Task t = r.task(pid(s.event()));
        simPid[i] = t != null ? t.pid() : before != null ? before.pid() : 0;
        simResult[i] = s.simResult();
        firstFault[i] = s.firstFault();
        endFault[i] = s.endFault();
        why[i] = s.difference() != null ? s.difference() : s.note();
        ipFile[i] = s.ipFile();
        ipOffset[i] = s.ipOffset();
        ipVma[i] = s.ipVmaStart();
        ipName[i] = s.ipVmaName();
        if (i >= known) {
            known = i + 1;
        }
    }

    /** Reads the symbols of the files faults ran in (off the UI thread, which then finds them cached). */
    private void warmSymbols() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < known; i++) {
            if (ipFile[i] != null && seen.add(ipFile[i])) {
                symbols.symbols(ipFile[i]);
            }
        }
    }

    private static int pid(RecordingEvent e) {
        return switch (e) {
            case Exec x -> x.pid();
            case SysCall s -> s.pid();
            case Fault f -> f.pid();
            case TaskNew n -> n.pid();
            case Exit x -> x.pid();
            default -> -1;
        };
    }

    // ----------------------------------------------------------------------------------------------- rows

    /** The first {@code position} steps as the Results view's rows, each made when first read (UI thread). */
    List<StepRecord> steps(int position) {
        int n = Math.min(position, known);
        return new AbstractList<>() {
            @Override
            public StepRecord get(int i) {
                if (i < 0 || i >= n) {
                    throw new IndexOutOfBoundsException(i);
                }
                StepRecord r = rows[i];
                List<StepChange> c = changes.get(i);
                if (r == null || rowChanges[i] != c) {
                    r = row(i, c);
                    rows[i] = r;
                    rowChanges[i] = c;
                }
                return r;
            }

            @Override
            public int size() {
                return n;
            }
        };
    }

    /** The fault sequence number each of the first n steps starts at (the timeline's ticks). */
    long[] stepStarts(int n) {
        return java.util.Arrays.copyOf(firstFault, Math.min(n, known));
    }

    private StepRecord row(int i, List<StepChange> c) {
        RecordingEvent e = event(i);
        Outcome o = Outcome.values()[outcome[i]];
        List<OpResult> result = List.of();
        StringBuilder remark = new StringBuilder();
        if (o == Outcome.DIFFERENT) {
            remark.append("DIFFERS: ").append(why[i]);
        } else if (o == Outcome.NOT_REPLAYED) {
            remark.append("not replayed: ").append(why[i]);
        }
        switch (e) {
            case SysCall s -> {
                if (s.returned()) {
                    result = List.of(result(s.ret()));
                }
                if (o != Outcome.DIFFERENT) {
                    sep(remark).append(call(s));
                }
            }
            case Fault f -> {
                if (o == Outcome.MATCHED) {
                    result = List.of(OpResult.ok());
                }
                sep(remark).append(String.format("0x%x, ip 0x%x", f.addr(), f.ip()));
                String where = where(i, false);
                if (!where.isEmpty()) {
                    remark.append(" in ").append(where);
                }
            }
            case Exec x -> sep(remark).append(x.exe()).append(" (recorded pid ").append(x.pid()).append(')');
            case TaskNew n -> sep(remark).append("recorded pid ").append(n.pid()).append(" tid ").append(n.tid())
                    .append(" from ").append(n.ppid()).append(n.sharesMm() ? " (CLONE_VM: shares its mm)" : "");
            case Exit x -> {
                if (o != Outcome.DIFFERENT) {
                    sep(remark).append("recorded pid ").append(x.pid()).append(": final maps identical");
                }
            }
            default -> { }
        }
        OpRecord record = new OpRecord(e.line(), simPid[i], opName(e), result, false, null);
        return new StepRecord(i, null, record, firstFault[i], endFault[i], c == null ? List.of() : c, c != null,
                remark.isEmpty() ? null : remark.toString(), o == Outcome.DIFFERENT);
    }

    private static StringBuilder sep(StringBuilder sb) {
        return sb.isEmpty() ? sb : sb.append("; ");
    }

    private static OpResult result(long r) {
        return r < 0 && r > -4096 ? OpResult.errno(Errno.name(r)) : OpResult.value(r);
    }

    private static String opName(RecordingEvent e) {
        return switch (e) {
            case SysCall s -> s.name();
            case Fault f -> f.kernel() ? "fault " + f.access() + " (kernel)" : "fault " + f.access();
            case Exec x -> "exec";
            case TaskNew n -> n.sharesMm() ? "clone" : "fork";
            case Exit x -> "exit";
            default -> "";
        };
    }

    private static String call(SysCall s) {
        int n = switch (s.name()) {
            case "brk" -> 1;
            case "munmap", "mlock", "munlock" -> 2;
            case "mprotect", "madvise", "mlock2", "mseal" -> 3;
            case "mremap" -> 5;
            default -> 6;
        };
        StringBuilder sb = new StringBuilder(s.name()).append('(');
        for (int k = 0; k < n; k++) {
            sb.append(k > 0 ? ", " : "").append("0x").append(Long.toHexString(s.args()[k]));
        }
        return sb.append(')').toString();
    }

    /**
     * Where the ip of step i was: "function+0x1f (libc.so.6)" (the file's full path when full), the file and offset
     * when no symbol covers it ("ld-linux-x86-64.so.2+0x1b7ad"), "[vdso]+0x9a0", "anonymous memory at 0x..+0x..",
     * or "".
     */
    String where(int i, boolean full) {
        if (ipFile[i] != null) {
            String file = full ? ipFile[i] : ipFile[i].substring(ipFile[i].lastIndexOf('/') + 1);
            String sym = symbols.symbol(ipFile[i], ipOffset[i]);
            return sym != null ? sym + " (" + file + ")" : file + "+0x" + Long.toHexString(ipOffset[i]);
        }
        if (ipVma[i] < 0 || !(event(i) instanceof Fault f)) {
            return "";
        }
        // no file: the vDSO, JIT code in anonymous memory...
        String off = "+0x" + Long.toHexString(f.ip() - ipVma[i]);
        return ipName[i] == null || ipName[i].isEmpty() ? "anonymous memory at 0x" + Long.toHexString(ipVma[i]) + off
                : ipName[i] + off;
    }

    /** Why step i's ip has no function name, or null (it has one, or is in no file). */
    String noSymbol(int i) {
        return ipFile[i] == null || symbols.symbol(ipFile[i], ipOffset[i]) != null ? null
                : symbols.symbols(ipFile[i]).why() != null ? ipFile[i] + ": " + symbols.symbols(ipFile[i]).why()
                        : "no symbol of " + ipFile[i] + " covers offset 0x" + Long.toHexString(ipOffset[i]);
    }

    // ----------------------------------------------------------------------------------------------- state

    /** The state after replay r's steps. */
    SessionState state(Replayer r) {
        int pos = r.position();
        ReplayReport rep = r.report();
        String status;
        if (pos == 0) {
            status = "Step 0 of " + total + ": nothing replayed yet";
        } else {
            StepRecord last = row(pos - 1, null); // (not kept: rows are made on the UI thread)
            status = "Step " + pos + " of " + total + ": line " + last.line() + " " + last.opName()
                    + (last.resultText().isEmpty() ? "" : " -> " + last.resultText())
                    + (last.differs() ? "  DIFFERS" : "");
        }
        // short: the status line is cut in the middle when it does not fit (the Results view has the long form)
        ReplayReport w = whole != null ? whole : rep;
        status += String.format("   [replay%s: %d/%d calls, %d/%d faults%s", whole != null ? "" : " so far",
                w.syscallsMatched(), w.syscalls(), w.faultsMatched(), w.faults(), whole == null ? ""
                        : w.mapsIdentical() ? ", maps identical" : ", maps DIFFER");
        if (whole != null && pos < total) {
            status += String.format("; to here: %d/%d, %d/%d", rep.syscallsMatched(), rep.syscalls(),
                    rep.faultsMatched(), rep.faults());
        }
        status += "]" + (rec.complete() ? "" : " INCOMPLETE recording");
        if (pos < total && pos == openAt()) {
            status += "  (Run replays the exits that follow)";
        }
        status += String.format("  (replayed in %.0f ms)", rep.replayNanos() / 1e6);
        synchronized (this) {
            if (logOf != r) {
                logOf = r;
                log = new RecordedFaultLog(r);
            }
        }
        return new SessionState(title, false, r.kernel(), log, KernelStates.processes(r.kernel()),
                r.kernel().providers(), pos, total, status, false);
    }

    /**
     * The fidelity verdict (docs/recording.md): the S/S' F/F' line of the whole recording once a replay reached its
     * end (every opening does), else the figures of replay r so far.
     */
    String verdict(Replayer r) {
        ReplayReport w = whole;
        if (w != null) {
            return w.summary() + (rec.complete() ? "" : " (the recording is INCOMPLETE)");
        }
        ReplayReport rep = r.report();
        return String.format("replayed so far: %d/%d system calls, %d/%d faults reproduced, %d differences",
                rep.syscallsMatched(), rep.syscalls(), rep.faultsMatched(), rep.faults(), rep.differenceCount());
    }

    /** {@link #verdict} in fewer words: "replay: 1279/1279 system calls, 124375/124375 faults, final maps identical". */
    String shortVerdict(Replayer r) {
        ReplayReport w = whole != null ? whole : r.report();
        return String.format("replay%s: %d/%d system calls, %d/%d faults reproduced%s%s", whole != null ? "" : " so far",
                w.syscallsMatched(), w.syscalls(), w.faultsMatched(), w.faults(), whole == null ? ""
                        : w.mapsIdentical() ? ", final maps identical" : ", final maps DIFFER",
                rec.complete() ? "" : " (INCOMPLETE recording)");
    }

    /** The step whose faults include seq, or -1 (binary search: steps take faults in order). */
    int stepOfFault(long seq) {
        int lo = 0;
        int hi = known - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (firstFault[mid] <= seq) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found >= 0 && seq < endFault[found] ? found : -1;
    }

    /**
     * The simulator's fault log of one replay, with the recorded ip of each fault and the function it ran in
     * (the faults an exec's snapshot took to bring its pages in have none).
     */
    final class RecordedFaultLog implements ReadOnlyFaultLog, FaultOrigins {
        private final ReadOnlyFaultLog log;

        RecordedFaultLog(Replayer r) {
            this.log = r.kernel().faultLog();
        }

        private Fault fault(long seq) {
            int i = stepOfFault(seq);
            return i >= 0 && event(i) instanceof Fault f ? f : null;
        }

        @Override
        public long ip(long seq) {
            Fault f = fault(seq);
            return f == null ? -1 : f.ip();
        }

        @Override
        public String function(long seq) {
            int i = stepOfFault(seq);
            return i >= 0 && event(i) instanceof Fault ? where(i, false) : "";
        }

        @Override
        public String location(long seq) {
            int i = stepOfFault(seq);
            if (i < 0 || !(event(i) instanceof Fault)) {
                return "";
            }
            String why = noSymbol(i);
            return where(i, true) + (why == null ? "" : "  (no function name: " + why + ")");
        }

        @Override
        public int recordedLine(long seq) {
            int i = stepOfFault(seq);
            return i < 0 ? 0 : event(i).line();
        }

        @Override
        public long limit() {
            return log.limit();
        }

        @Override
        public long size() {
            return log.size();
        }

        @Override
        public long firstSeq() {
            return log.firstSeq();
        }

        @Override
        public long nextSeq() {
            return log.nextSeq();
        }

        @Override
        public int pid(long seq) {
            return log.pid(seq);
        }

        @Override
        public long address(long seq) {
            return log.address(seq);
        }

        @Override
        public int access(long seq) {
            return log.access(seq);
        }

        @Override
        public long vmaStart(long seq) {
            return log.vmaStart(seq);
        }

        @Override
        public int handler(long seq) {
            return log.handler(seq);
        }

        @Override
        public long pgoff(long seq) {
            return log.pgoff(seq);
        }

        @Override
        public int result(long seq) {
            return log.result(seq);
        }

        @Override
        public long pfn(long seq) {
            return log.pfn(seq);
        }

        @Override
        public int path(long seq) {
            return log.path(seq);
        }

        @Override
        public String name(int id) {
            return log.name(id);
        }

        @Override
        public long bytesUsed() {
            return log.bytesUsed();
        }
    }
}
