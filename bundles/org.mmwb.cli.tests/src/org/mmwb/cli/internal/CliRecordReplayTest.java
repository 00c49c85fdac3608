package org.mmwb.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code record} and {@code replay}: usage errors, unreadable recordings, and a replay's report. */
class CliRecordReplayTest extends CliTestSupport {

    @TempDir
    Path dir;

    @Test
    void recordWithoutACommandIsAUsageError() {
        assertEquals(Cli.USAGE, run("record", "-o", dir.resolve("x.rec").toString(), "--"));
        assertTrue(err().contains("record: give the command to record"), err());
        assertEquals(Cli.USAGE, run("record", "--bogus", "--", "true"));
        assertTrue(err().contains("record: unknown option '--bogus'"), err());
    }

    @Test
    void replayOfAMissingOrBrokenFileSaysWhereAndWhy() throws IOException {
        assertEquals(Cli.BAD_INPUT, run("replay", dir.resolve("none.rec").toString()));
        assertTrue(err().contains("none.rec: no such file"), err());
        Path bad = dir.resolve("bad.rec");
        Files.writeString(bad, "{\"mmwb_recording\":1}\n{\"t\":1,\"type\":\"fault\",\"pid\":1}\n");
        assertEquals(Cli.BAD_INPUT, run("replay", bad.toString()));
        assertTrue(err().contains("bad.rec:2: missing number \"tid\""), err());
        assertTrue(!err().contains("Exception"), err());
    }

    @Test
    void replayPrintsTheFiguresAndTheFirstDifferences() throws IOException {
        Path rec = dir.resolve("t.rec");
        Files.writeString(rec, "{\"mmwb_recording\":1,\"kernel\":\"6.18.44\",\"command\":[\"./t\"]}\n"
            + "{\"t\":1,\"type\":\"exec\",\"pid\":10,\"tid\":10,\"exe\":\"/t\",\"start_brk\":\"600000\","
            + "\"start_stack\":\"7fffffffe000\",\"vmas\":[{\"start\":\"7ffff7ff0000\",\"end\":\"7ffff7ff2000\","
            + "\"perms\":\"rw-p\",\"pgoff\":\"0\",\"dev\":\"00:00\",\"ino\":0,\"name\":\"\"},{\"start\":\"7ffffffde000\","
            + "\"end\":\"7ffffffff000\",\"perms\":\"rw-p\",\"pgoff\":\"0\",\"dev\":\"00:00\",\"ino\":0,"
            + "\"name\":\"[stack]\"}]}\n"
            + "{\"t\":2,\"type\":\"sys\",\"pid\":10,\"tid\":10,\"name\":\"mmap\",\"nr\":9,\"args\":[\"0\",\"1000\",\"3\","
            + "\"22\",\"ffffffff\",\"0\"],\"ret\":" + 0x7ffff7fef000L + "}\n"
            + "{\"t\":3,\"type\":\"sys\",\"pid\":10,\"tid\":10,\"name\":\"munmap\",\"nr\":11,\"args\":[\"7ffff7fef001\","
            + "\"1000\",\"0\",\"0\",\"0\",\"0\"],\"ret\":0}\n"
            + "{\"t\":4,\"type\":\"fault\",\"pid\":10,\"tid\":10,\"addr\":\"7ffff7fef000\",\"ip\":\"401000\",\"error\":\"6\"}\n"
            + "{\"t\":5,\"type\":\"end\",\"complete\":true,\"lost\":0,\"throttled\":0,\"syscalls\":2,\"faults\":1,"
            + "\"wall_ns\":4,\"status\":0}\n");
        assertEquals(Cli.FAILURE, run("replay", rec.toString()), err());
        String o = out();
        assertTrue(o.contains("1/2 system calls gave the kernel's result (mmap(NULL) at the kernel's address), 1/1 "
            + "recorded faults reproduced in order with no extra faults, final maps identical: no"), o);
        assertTrue(o.contains("t.rec:4: munmap(0x7ffff7fef001, 0x1000): kernel 0x0, simulator EINVAL"), o);
    }
}
