package org.mmwb.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

class RecordingReaderTest {
    static final String HEADER = "{\"mmwb_recording\":1,\"kernel\":\"6.18.44\",\"machine\":\"x86_64\",\"page_size\":4096,"
        + "\"cpus\":2,\"thp\":\"always [madvise] never\",\"command\":[\"./t\"],\"t0\":1}\n";

    static Recording read(String text) throws RecordingException, IOException {
        return RecordingReader.read(new BufferedReader(new StringReader(text)), "t.rec");
    }

    @Test
    void readsEveryLineType() throws Exception {
        Recording r = read(HEADER
            + "{\"t\":2,\"type\":\"file\",\"dev\":\"fe:00\",\"ino\":7,\"path\":\"/bin/t\",\"size\":8192,\"fs\":\"ef53\","
            + "\"cached\":[[0,2]]}\n"
            + "{\"t\":2,\"type\":\"exec\",\"pid\":10,\"tid\":10,\"exe\":\"/bin/t\",\"start_brk\":\"600000\","
            + "\"start_stack\":\"7ffff0000f00\",\"stack_rlimit\":8388608,\"vmas\":[{\"start\":\"400000\",\"end\":"
            + "\"402000\",\"perms\":\"r-xp\",\"pgoff\":\"0\",\"dev\":\"fe:00\",\"ino\":7,\"name\":\"/bin/t\","
            + "\"anon_present\":[],\"file_present\":[[1,1]],\"vmflags\":\"rd ex mr mw me\"}]}\n"
            + "{\"t\":3,\"t_enter\":3,\"type\":\"sys\",\"pid\":10,\"tid\":10,\"name\":\"mmap\",\"nr\":9,\"args\":[\"0\","
            + "\"1000\",\"3\",\"22\",\"ffffffff\",\"0\"],\"ret\":140737488289792}\n"
            + "{\"t\":4,\"type\":\"fault\",\"pid\":10,\"tid\":11,\"addr\":\"7ffff7ff0000\",\"ip\":\"401000\","
            + "\"error\":\"6\"}\n"
            + "{\"t\":5,\"type\":\"task_new\",\"pid\":10,\"tid\":11,\"ppid\":10,\"ptid\":10,\"clone_flags\":\"3d0f00\"}\n"
            + "{\"t\":6,\"type\":\"end\",\"complete\":true,\"lost\":0,\"throttled\":0,\"syscalls\":1,\"faults\":1,"
            + "\"wall_ns\":5,\"status\":0}\n");
        assertTrue(r.complete());
        assertEquals(5, r.events().size());
        RecordingEvent.FileInfo f = (RecordingEvent.FileInfo) r.events().get(0);
        assertEquals("fe:00:7", f.key());
        assertTrue(f.thpUnmappedArea());
        RecordingEvent.Exec x = (RecordingEvent.Exec) r.events().get(1);
        assertEquals(0x400000, x.vmas().get(0).start());
        assertArrayEquals(new long[] { 1, 1 }, x.vmas().get(0).filePresent().get(0));
        RecordingEvent.SysCall s = (RecordingEvent.SysCall) r.events().get(2);
        assertEquals(-1, (int) s.args()[4]);
        assertEquals(140737488289792L, s.ret());
        RecordingEvent.Fault fault = (RecordingEvent.Fault) r.events().get(3);
        assertEquals("write", fault.access());
        assertTrue(((RecordingEvent.TaskNew) r.events().get(4)).sharesMm());
    }

    @Test
    void aRecordingWithoutItsEndLineIsIncomplete() throws Exception {
        assertFalse(read(HEADER).complete());
        Recording lost = read(HEADER + "{\"t\":6,\"type\":\"end\",\"complete\":false,\"lost\":12,\"throttled\":0,"
            + "\"syscalls\":0,\"faults\":0,\"wall_ns\":5,\"status\":0}\n");
        assertFalse(lost.complete());
        assertEquals(12, lost.end().lost());
    }

    @Test
    void badLinesAreReportedWithFileAndLine() {
        assertEquals("t.rec:1: empty file: not a recording",
            assertThrows(RecordingException.class, () -> read("")).getMessage());
        assertEquals("t.rec:1: not an mmwb recording (the first line has no \"mmwb_recording\" version)",
            assertThrows(RecordingException.class, () -> read("{\"a\":1}\n")).getMessage());
        assertEquals("t.rec:1: recording format version 2 is not supported (this mmwb reads version 1)",
            assertThrows(RecordingException.class, () -> read("{\"mmwb_recording\":2}\n")).getMessage());
        assertTrue(assertThrows(RecordingException.class, () -> read(HEADER + "{oops\n")).getMessage()
            .startsWith("t.rec:2: not JSON"));
        assertEquals("t.rec:2: \"addr\" is not a hexadecimal number: 'xyz'",
            assertThrows(RecordingException.class, () -> read(HEADER + "{\"t\":1,\"type\":\"fault\",\"pid\":1,"
                + "\"tid\":1,\"addr\":\"xyz\",\"ip\":\"0\",\"error\":\"4\"}\n")).getMessage());
        assertEquals("t.rec:2: missing number \"pid\"", assertThrows(RecordingException.class,
            () -> read(HEADER + "{\"t\":1,\"type\":\"task_end\",\"tid\":1}\n")).getMessage());
    }
}
