package org.mmwb.record.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;
import org.mmwb.record.Recording;
import org.mmwb.record.RecordingEvent;
import org.mmwb.record.RecordingReader;
import org.mmwb.record.replay.ReplayStep.Outcome;
import org.mmwb.x86.X86Profiles;

/** A hand-written recording replayed on the simulator: what is counted, and how a difference is shown. */
class ReplayerTest {
    private static final String VMAS_AT_EXEC = "[{\"start\":\"7ffff7ff0000\",\"end\":\"7ffff7ff2000\",\"perms\":\"rw-p\","
        + "\"pgoff\":\"0\",\"dev\":\"00:00\",\"ino\":0,\"name\":\"\",\"anon_present\":[[1,1]],\"file_present\":[]},"
        + "{\"start\":\"7ffffffde000\",\"end\":\"7ffffffff000\",\"perms\":\"rw-p\",\"pgoff\":\"0\",\"dev\":\"00:00\","
        + "\"ino\":0,\"name\":\"[stack]\",\"anon_present\":[[32,1]],\"file_present\":[]},"
        + "{\"start\":\"ffffffffff600000\",\"end\":\"ffffffffff601000\",\"perms\":\"--xp\",\"pgoff\":\"0\","
        + "\"dev\":\"00:00\",\"ino\":0,\"name\":\"[vsyscall]\"}]";

    private static final String VMAS_AT_EXIT = "[{\"start\":\"7ffff7fef000\",\"end\":\"7ffff7ff2000\",\"perms\":\"rw-p\","
        + "\"pgoff\":\"0\",\"dev\":\"00:00\",\"ino\":0,\"name\":\"\"},"
        + "{\"start\":\"7ffffffde000\",\"end\":\"7ffffffff000\",\"perms\":\"rw-p\",\"pgoff\":\"0\",\"dev\":\"00:00\","
        + "\"ino\":0,\"name\":\"[stack]\"},"
        + "{\"start\":\"ffffffffff600000\",\"end\":\"ffffffffff601000\",\"perms\":\"--xp\",\"pgoff\":\"0\","
        + "\"dev\":\"00:00\",\"ino\":0,\"name\":\"[vsyscall]\"}]";

    private static Recording recording(String mprotectResult) throws Exception {
        String text = "{\"mmwb_recording\":1,\"kernel\":\"6.18.44\",\"command\":[\"./t\"]}\n"
            + "{\"t\":1,\"type\":\"exec\",\"pid\":10,\"tid\":10,\"exe\":\"/t\",\"start_brk\":\"600000\","
            + "\"start_stack\":\"7fffffffe000\",\"vmas\":" + VMAS_AT_EXEC + "}\n"
            // mmap(NULL) lands just below the highest mapping under the stack (mmap_base)
            + "{\"t\":2,\"type\":\"sys\",\"pid\":10,\"tid\":10,\"name\":\"mmap\",\"nr\":9,\"args\":[\"0\",\"1000\","
            + "\"3\",\"22\",\"ffffffff\",\"0\"],\"ret\":" + 0x7ffff7fef000L + "}\n"
            + "{\"t\":3,\"type\":\"fault\",\"pid\":10,\"tid\":10,\"addr\":\"7ffff7fef010\",\"ip\":\"401000\","
            + "\"error\":\"6\"}\n"
            // present since exec (anon_present): the kernel took no fault there, a recorded one is not reproduced
            + "{\"t\":4,\"type\":\"fault\",\"pid\":10,\"tid\":10,\"addr\":\"7ffff7ff1000\",\"ip\":\"401000\","
            + "\"error\":\"6\"}\n"
            + "{\"t\":5,\"type\":\"sys\",\"pid\":10,\"tid\":10,\"name\":\"mprotect\",\"nr\":10,\"args\":[\"7ffff7fef000\","
            + "\"1000\",\"3\",\"0\",\"0\",\"0\"],\"ret\":" + mprotectResult + "}\n"
            + "{\"t\":6,\"type\":\"exit\",\"pid\":10,\"tid\":10,\"status\":0,\"vmas\":" + VMAS_AT_EXIT + "}\n"
            + "{\"t\":7,\"type\":\"end\",\"complete\":true,\"lost\":0,\"throttled\":0,\"syscalls\":2,\"faults\":2,"
            + "\"wall_ns\":6,\"status\":0}\n";
        return RecordingReader.read(new BufferedReader(new StringReader(text)), "t.rec");
    }

    @Test
    void countsResultsFaultsAndFinalMaps() throws Exception {
        ReplayReport r = new Replayer(X86Profiles.x86_64_6_18(), recording("0")).run();
        assertEquals("2/2 system calls gave the kernel's result (mmap(NULL) at the kernel's address), 1/2 recorded "
            + "faults reproduced in order with no extra faults, final maps identical: yes", r.summary());
        assertEquals(1, r.differenceCount());
        assertTrue(r.differences().get(0).startsWith("t.rec:5: write fault at 0x7ffff7ff1000 (ip 0x401000) not "
            + "taken by the simulator"), r.differences().get(0));
    }

    @Test
    void aDifferentResultIsShownWithItsLine() throws Exception {
        ReplayReport r = new Replayer(X86Profiles.x86_64_6_18(), recording("-22")).run();
        assertEquals(1, r.syscallsMatched());
        assertEquals("t.rec:6: mprotect(0x7ffff7fef000, 0x1000, 0x3): kernel EINVAL, simulator 0x0",
            r.differences().get(1));
    }

    /** mlockall(MCL_CURRENT | MCL_FUTURE), a mapping it locks, a bad flag, munlockall: replayed, not differences. */
    @Test
    void mlockallAndMunlockallAreReplayed() throws Exception {
        String text = "{\"mmwb_recording\":1,\"kernel\":\"6.18.44\",\"command\":[\"./t\"]}\n"
            + "{\"t\":1,\"type\":\"exec\",\"pid\":10,\"tid\":10,\"exe\":\"/t\",\"start_brk\":\"600000\","
            + "\"start_stack\":\"7fffffffe000\",\"vmas\":" + VMAS_AT_EXEC + "}\n"
            + sys(2, "mlockall", 151, "3", 0)
            + sys(3, "mmap", 9, "0\",\"1000\",\"3\",\"22\",\"ffffffff\",\"0", 0x7ffff7fef000L)
            + sys(4, "mlockall", 151, "8", -22) // unknown MCL_* bit
            + sys(5, "mlockall", 151, "4", -22) // MCL_ONFAULT alone
            + sys(6, "munlockall", 152, "0", 0)
            + "{\"t\":7,\"type\":\"exit\",\"pid\":10,\"tid\":10,\"status\":0,\"vmas\":" + VMAS_AT_EXIT + "}\n"
            + "{\"t\":8,\"type\":\"end\",\"complete\":true,\"lost\":0,\"throttled\":0,\"syscalls\":5,\"faults\":0,"
            + "\"wall_ns\":6,\"status\":0}\n";
        Recording rec = RecordingReader.read(new BufferedReader(new StringReader(text)), "t.rec");
        ReplayReport r = new Replayer(X86Profiles.x86_64_6_18(), rec).run();
        assertEquals(5, r.syscallsMatched(), r.differences()::toString);
        assertEquals(0, r.differenceCount(), r.differences()::toString);
    }

    private static String sys(int t, String name, int nr, String firstArgs, long ret) {
        String args = "[\"" + firstArgs + "\"";
        for (int i = firstArgs.split(",").length; i < 6; i++) {
            args += ",\"0\"";
        }
        return "{\"t\":" + t + ",\"type\":\"sys\",\"pid\":10,\"tid\":10,\"name\":\"" + name + "\",\"nr\":" + nr
            + ",\"args\":" + args + "],\"ret\":" + ret + "}\n";
    }

    @Test
    void eachExecSysFaultAndExitLineIsOneStep() throws Exception {
        Replayer r = new Replayer(X86Profiles.x86_64_6_18(), recording("-22"));
        assertEquals(6, r.steps(), "exec, mmap, 2 faults, mprotect, exit (the end line is no step)");
        List<ReplayStep> steps = new ArrayList<>();
        while (r.hasNext()) {
            steps.add(r.step());
        }
        assertThrows(NoSuchElementException.class, r::step);
        assertEquals(List.of(Outcome.LIFECYCLE, Outcome.MATCHED, Outcome.MATCHED, Outcome.DIFFERENT,
            Outcome.DIFFERENT, Outcome.LIFECYCLE), steps.stream().map(ReplayStep::outcome).toList());
        assertEquals(0x7ffff7fef000L, steps.get(1).simResult(), "mmap(NULL) gave the kernel's address");
        assertEquals(0, steps.get(4).simResult(), "the simulator's mprotect succeeded where the kernel's failed");
        assertEquals("mprotect(0x7ffff7fef000, 0x1000, 0x3): kernel EINVAL, simulator 0x0",
            steps.get(4).difference());
        assertNull(steps.get(2).difference());
        // the exec touches its present pages, the first fault is one fault, the second none
        assertTrue(steps.get(0).endFault() > steps.get(0).firstFault());
        assertEquals(1, steps.get(2).endFault() - steps.get(2).firstFault());
        assertEquals(steps.get(2).endFault(), steps.get(3).firstFault());
        assertEquals(0, steps.get(3).endFault() - steps.get(3).firstFault());
        assertEquals(-1, steps.get(2).ipVmaStart(), "ip 0x401000 is in no mapping of this hand-made process");
        for (int i = 0; i < steps.size(); i++) {
            assertEquals(i, steps.get(i).index());
            assertTrue(steps.get(i).event() == r.stepEvent(i));
        }
        assertEquals(new Replayer(X86Profiles.x86_64_6_18(), recording("-22")).run().summary(), r.report().summary(),
            "stepping to the end gives the figures of run()");
    }

    /** A real program's recording replayed to step n twice gives the same machine: how the workbench goes back. */
    @Test
    void replayToAStepIsDeterministicAndNamesTheFaultingInstructionsMapping() throws Exception {
        Recording rec;
        try (var in = ReplayerTest.class.getResourceAsStream("/recordings/sh-c-true.mmwb-rec")) {
            rec = RecordingReader.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
                "sh-c-true.mmwb-rec");
        }
        Replayer whole = new Replayer(X86Profiles.x86_64_6_18(), rec);
        assertEquals(rec.count(RecordingEvent.Fault.class) + rec.count(RecordingEvent.SysCall.class)
            + rec.count(RecordingEvent.Exec.class) + rec.count(RecordingEvent.TaskNew.class)
            + rec.count(RecordingEvent.Exit.class), whole.steps());
        int half = whole.steps() / 2;
        ReplayStep fileFault = null;
        for (int i = 0; i < half; i++) {
            ReplayStep s = whole.step();
            if (s.event() instanceof RecordingEvent.Fault f && s.ipFile() != null && fileFault == null) {
                fileFault = s;
                long off = s.ipOffset();
                assertTrue(off >= 0 && s.ipVmaStart() <= f.ip(), s.toString());
            }
        }
        assertTrue(fileFault != null, "dash faults in its own text or in ld.so before half of its steps");
        assertTrue(fileFault.ipFile().startsWith("/usr/"), fileFault.ipFile());
        Replayer again = new Replayer(X86Profiles.x86_64_6_18(), rec);
        for (int i = 0; i < half; i++) {
            again.step();
        }
        assertEquals(half, again.position());
        assertEquals(whole.kernel().faultCount(), again.kernel().faultCount());
        assertEquals(whole.kernel().tasks().size(), again.kernel().tasks().size());
        for (int i = 0; i < whole.kernel().tasks().size(); i++) {
            var a = whole.kernel().tasks().get(i);
            var b = again.kernel().tasks().get(i);
            assertEquals(whole.kernel().maps(a), again.kernel().maps(b));
        }
        assertEquals(whole.report().summary(), again.report().summary());
        ReplayReport end = whole.run();
        assertFalse(whole.hasNext());
        assertEquals(end.faults(), end.faultsMatched(), end.summary());
    }
}
