package org.mmwb.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} end to end on the simulator: text, the JSON contract of docs/scenarios.md, and bad input. */
class CliRunTest extends CliTestSupport {

    @TempDir
    Path dir;

    private Path scenario(String text) throws IOException {
        Path f = dir.resolve("s.mms");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void textShowsResultsAndMapsLines() throws IOException {
        Path f = scenario("""
                $a = mmap 0x100000000000 16K rw- fixed
                touch $a 8K w
                mprotect $a+4K 4K r--
                touch $a+4K 4K w
                dump
                """);
        assertEquals(Cli.OK, run("run", f.toString()), err());
        String o = out();
        assertTrue(o.contains("1 1 mmap -> 0x100000000000"), o);
        assertTrue(o.contains("4 1 touch -> SIGSEGV(ACCERR)"), o);
        assertTrue(o.contains("100000001000-100000002000 r--p 00000000 00:00 0"), o);
        assertTrue(o.contains("[vdso]"), o);
    }

    @Test
    void jsonFollowsTheContract() throws IOException {
        Path f = scenario("""
                $a = mmap 0x100000000000 8K rw- fixed
                touch $a 8K r
                touch $a 4K w
                dump
                """);
        assertEquals(Cli.OK, run("run", f.toString(), "--json"), err());
        JsonObject o = JsonParser.parseString(out()).getAsJsonObject();
        assertEquals("x86_64-6.18", o.get("profile").getAsString());
        JsonArray results = o.getAsJsonArray("results");
        assertEquals("0x100000000000", results.get(0).getAsJsonObject().get("result").getAsString());
        assertEquals("mmap", results.get(0).getAsJsonObject().get("op").getAsString());
        assertEquals(1, results.get(0).getAsJsonObject().get("pid").getAsInt());
        JsonArray touch = results.get(1).getAsJsonObject().getAsJsonArray("result");
        assertEquals(2, touch.size());
        JsonArray dumps = o.getAsJsonArray("dumps");
        JsonObject first = dumps.get(0).getAsJsonObject();
        assertEquals(4, first.get("line").getAsInt());
        JsonObject vma = first.getAsJsonArray("vmas").get(0).getAsJsonObject();
        assertEquals("0x100000000000", vma.get("start").getAsString());
        assertEquals("rw-p", vma.get("perms").getAsString());
        assertEquals("AZ", vma.get("pages").getAsString());
        assertEquals("rd", vma.getAsJsonArray("flags").get(0).getAsString());
        assertTrue(dumps.get(dumps.size() - 1).getAsJsonObject().get("line").isJsonNull(), "final state has line null");
        JsonObject fault = o.getAsJsonArray("faults").get(0).getAsJsonObject();
        for (String key : new String[] {"seq", "pid", "address", "access", "vma", "handler", "pgoff", "result", "pfn"}) {
            assertTrue(fault.has(key), "fault lacks " + key + ": " + fault);
        }
    }

    @Test
    void malformedScenarioNamesEveryErrorAndRunsNothing() throws IOException {
        Path f = scenario("""
                mmap 0x100000000000 4K rwz
                frob 1
                touch $nope 4K r
                """);
        assertEquals(Cli.FAILURE, run("run", f.toString()));
        String e = err();
        assertTrue(e.contains(f + ":1:"), e);
        assertTrue(e.contains(f + ":2:1:"), e);
        assertTrue(e.contains(f + ":3:"), e);
        assertTrue(e.contains("nothing was run"), e);
        assertFalse(e.contains("Exception"), e);
        assertEquals("", out());
    }

    @Test
    void populatingMoreThanRamEndsInTheOomKillerNotAJavaError() throws IOException {
        // 5 GiB populated on a 4 GiB machine: mmap's populate is best effort (mm_populate), but the allocator's
        // out_of_memory() kills the largest task, this one: the syscall never returns to it.
        Path f = scenario("""
                mmap 0x100000000000 5G rw- populate noreserve
                mmap 0x200000000000 4K rw-
                """);
        assertEquals(Cli.OK, run("run", f.toString()), err());
        String o = out();
        assertTrue(o.contains("1 1 mmap -> SIGKILL(KERNEL)"), o);
        assertTrue(o.contains("2 0 mmap -> ESRCH"), o);
        assertFalse(err().contains("Exception") || err().contains("Error"), err());
    }

    @Test
    void unknownProfileIsAUsageError() throws IOException {
        Path f = scenario("mmap 0x100000000000 4K rw-\n");
        assertEquals(Cli.USAGE, run("run", f.toString(), "--kernel", "vax-1.0"));
        assertTrue(err().contains("unknown kernel profile 'vax-1.0'"), err());
    }

    @Test
    void unknownPrintPartIsAUsageError() throws IOException {
        Path f = scenario("mmap 0x100000000000 4K rw-\n");
        assertEquals(Cli.USAGE, run("run", f.toString(), "--print", "maps,colours"));
        assertTrue(err().contains("unknown part 'colours'"), err());
    }
}
