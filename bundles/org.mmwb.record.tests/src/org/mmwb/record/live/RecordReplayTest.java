package org.mmwb.record.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwb.host.internal.HelperBuild;
import org.mmwb.record.RecordedVma;
import org.mmwb.record.Recording;
import org.mmwb.record.RecordingEvent;
import org.mmwb.record.RecordingEvent.Exec;
import org.mmwb.record.RecordingEvent.Exit;
import org.mmwb.record.RecordingEvent.Fault;
import org.mmwb.record.RecordingEvent.SysCall;
import org.mmwb.record.RecordingEvent.TaskNew;
import org.mmwb.record.RecordingReader;
import org.mmwb.record.replay.ReplayReport;
import org.mmwb.record.replay.Replayer;
import org.mmwb.x86.X86Profiles;

/**
 * The small C programs of programs/ (static, so only their own mm activity and glibc's start-up show) recorded on
 * the live kernel and replayed on the simulator, with exact expectations on the recordings' content. Skipped, with
 * the reason, where recording is impossible (not root, no gcc, no static libc).
 */
class RecordReplayTest {
    private static final long BASE = 0x200000000000L;

    @TempDir
    static Path dir;

    @BeforeAll
    static void canRecord() throws IOException {
        Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        Assumptions.assumeTrue(Integer.valueOf(0).equals(uid), "skipped: recording needs root (perf + ptrace)");
        Assumptions.assumeTrue(HelperBuild.platformProblem() == null, "skipped: " + HelperBuild.platformProblem());
        Assumptions.assumeTrue(HelperBuild.findCompiler() != null, "skipped: no C compiler");
    }

    private static Path program(String name) throws Exception {
        Path src = dir.resolve(name + ".c");
        try (InputStream in = RecordReplayTest.class.getResourceAsStream("/programs/" + name + ".c")) {
            assertTrue(in != null, "programs/" + name + ".c is not on the class path");
            Files.write(src, in.readAllBytes());
        }
        Path bin = dir.resolve(name);
        Process p = new ProcessBuilder(HelperBuild.findCompiler().toString(), "-O1", "-static", "-pthread", "-o",
            bin.toString(), src.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        Assumptions.assumeTrue(p.exitValue() == 0, () -> "skipped: cannot link a static test program: " + out);
        return bin;
    }

    private static Recording record(String name) throws Exception {
        Path bin = program(name);
        Path rec = dir.resolve(name + ".rec");
        int code = Recorder.record(rec, List.of(bin.toString()));
        Assumptions.assumeTrue(code != Recorder.UNAVAILABLE, "skipped: the kernel's tracepoints are not available");
        assertEquals(Recorder.OK, code, "the recorder's exit code");
        Recording r = RecordingReader.read(rec);
        assertTrue(r.complete(), "complete recording");
        assertEquals(0, r.end().status(), "the program's wait status");
        return r;
    }

    /** The faults at [BASE, BASE + 16 TiB) as "pid:tid:addr:access". */
    private static List<String> faultsNearBase(Recording r) {
        List<String> out = new ArrayList<>();
        for (RecordingEvent e : r.events()) {
            if (e instanceof Fault f && f.addr() >= BASE && f.addr() < BASE + (1L << 44) && !f.kernel()) {
                out.add(f.pid() + ":" + f.tid() + ":" + Long.toHexString(f.addr()) + ":" + f.access());
            }
        }
        return out;
    }

    /** The mm system calls on [BASE, BASE + 16 TiB) as "name(addr,len) = ret". */
    private static List<String> callsNearBase(Recording r) {
        List<String> out = new ArrayList<>();
        for (RecordingEvent e : r.events()) {
            if (e instanceof SysCall s && s.args()[0] >= BASE && s.args()[0] < BASE + (1L << 44)
                    && !s.name().startsWith("exec")) {
                out.add(s.name() + "(" + Long.toHexString(s.args()[0]) + "," + Long.toHexString(s.args()[1]) + ") = "
                    + Long.toHexString(s.ret()));
            }
        }
        return out;
    }

    private static int rootPid(Recording r) {
        return ((Exec) r.events().stream().filter(Exec.class::isInstance).findFirst().orElseThrow()).pid();
    }

    private static void assertFaithful(Recording r) {
        ReplayReport rep = new Replayer(X86Profiles.x86_64_6_18(), r).run();
        assertEquals(rep.syscalls(), rep.syscallsMatched(), () -> rep.summary() + "\n" + rep.differences());
        assertEquals(rep.faults(), rep.faultsMatched(), () -> rep.summary() + "\n" + rep.differences());
        assertTrue(rep.mapsIdentical(), () -> rep.summary() + "\n" + rep.differences());
        assertTrue(rep.faults() > 0 && rep.syscalls() > 0, rep::summary);
    }

    @Test
    void mmapTouchMprotectMunmap() throws Exception {
        Recording r = record("mm_sequence");
        int pid = rootPid(r);
        assertEquals(List.of("mmap(200000000000,4000) = 200000000000", "mprotect(200000002000,1000) = 0",
            "munmap(200000000000,4000) = 0"), callsNearBase(r));
        assertEquals(List.of(pid + ":" + pid + ":200000000000:write", pid + ":" + pid + ":200000001000:read",
            pid + ":" + pid + ":200000002000:read"), faultsNearBase(r));
        Fault first = (Fault) r.events().stream().filter(e -> e instanceof Fault f && f.addr() == BASE).findFirst()
            .orElseThrow();
        assertEquals(0x6, first.error(), "x86 error code of a user write to a missing page");
        assertFaithful(r);
    }

    @Test
    void mlockallAndMunlockallReplay() throws Exception {
        Recording r = record("mlockall");
        int pid = rootPid(r);
        List<String> locks = r.events().stream().filter(e -> e instanceof SysCall s && s.name().contains("lockall"))
            .map(e -> ((SysCall) e).name() + "=" + ((SysCall) e).ret()).toList();
        assertEquals(List.of("mlockall=-22", "mlockall=-22", "mlockall=0", "munlockall=0", "mlockall=0",
            "munlockall=0"), locks);
        // the MCL_FUTURE mapping was populated by mmap (no fault at BASE); the MCL_ONFAULT one faults when written
        assertEquals(List.of(pid + ":" + pid + ":200000101000:write"), faultsNearBase(r));
        assertFaithful(r);
    }

    @Test
    void forkWithCopyOnWrite() throws Exception {
        Recording r = record("fork_cow");
        int pid = rootPid(r);
        TaskNew child = (TaskNew) r.events().stream().filter(TaskNew.class::isInstance).findFirst().orElseThrow();
        assertEquals(pid, child.ppid());
        assertFalse(child.sharesMm(), "fork: the child has its own mm");
        int c = child.pid();
        // the parent's first write, the child's COW fault (present + write + user = 0x7), the parent's reuse
        assertEquals(List.of(pid + ":" + pid + ":200000000000:write", c + ":" + c + ":200000000000:write",
            pid + ":" + pid + ":200000000000:write"), faultsNearBase(r));
        List<Integer> errors = r.events().stream().filter(e -> e instanceof Fault f && f.addr() == BASE)
            .map(e -> ((Fault) e).error()).toList();
        assertEquals(List.of(0x6, 0x7, 0x7), errors);
        assertEquals(2, r.count(Exit.class), "both processes' final maps");
        assertFaithful(r);
    }

    @Test
    void aThreadFaultsInTheSharedMm() throws Exception {
        Recording r = record("thread_fault");
        int pid = rootPid(r);
        TaskNew thread = (TaskNew) r.events().stream().filter(TaskNew.class::isInstance).findFirst().orElseThrow();
        assertTrue(thread.sharesMm(), "pthread_create: CLONE_VM");
        assertEquals(pid, thread.pid(), "a thread of the same process");
        int tid = thread.tid();
        assertTrue(tid != pid);
        assertEquals(List.of(pid + ":" + tid + ":200000001000:write", pid + ":" + pid + ":200000000000:write"),
            faultsNearBase(r));
        assertFaithful(r);
    }

    @Test
    void execReplacesTheMm() throws Exception {
        Recording r = record("exec_child");
        List<Exec> execs = r.events().stream().filter(Exec.class::isInstance).map(Exec.class::cast).toList();
        assertEquals(2, execs.size());
        assertEquals(execs.get(0).pid(), execs.get(1).pid());
        int pid = execs.get(0).pid();
        assertEquals(List.of(pid + ":" + pid + ":200000000000:write", pid + ":" + pid + ":210000000000:write"),
            faultsNearBase(r));
        for (RecordedVma v : execs.get(1).vmas()) {
            assertFalse(v.start() <= BASE && BASE < v.end(), "the old image's mapping survived exec: " + v);
        }
        assertFaithful(r);
    }
}
