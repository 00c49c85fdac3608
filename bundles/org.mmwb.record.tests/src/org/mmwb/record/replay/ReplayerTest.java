package org.mmwb.record.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;

import org.junit.jupiter.api.Test;
import org.mmwb.record.Recording;
import org.mmwb.record.RecordingReader;
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
}
