package org.mmwb.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.mmwb.core.mm.FaultRecord;
import org.mmwb.core.mm.VmFaultResult;
import org.mmwb.core.mm.VmaSnapshot;

/** JSON shape and round trip, text layout. */
class ReportFormatsTest {

    private static RunReport sample() {
        VmaSnapshot anon = new VmaSnapshot(0x100000000000L, 0x100000004000L, "rw-p", 0, "",
                List.of("rd", "wr", "mr", "mw", "me", "ac"), "AZ.a");
        VmaSnapshot vvar = new VmaSnapshot(0x7f87e56b0000L, 0x7f87e56b4000L, "r--p", 0, "[vvar]",
                List.of("rd", "mr", "pf", "io", "de", "dd"), "....").withSym("[vvar]");
        VmaSnapshot file = new VmaSnapshot(0x7f0000000000L, 0x7f0000002000L, "r--s", 1, "/memfd:f (deleted)",
                List.of("rd", "sh", "mr", "ms"), "F.").withSym("$b");
        return new RunReport("t.mms", "x86_64-6.18", 4,
                List.of(new OpRecord(3, 1, "mmap", List.of(OpResult.value(0x100000000000L)), false, null),
                        new OpRecord(4, 1, "mmap", List.of(OpResult.value(0x7f0000000000L)), false, "$b"),
                        new OpRecord(5, 1, "touch", List.of(OpResult.ok(), OpResult.signal("SIGSEGV", "ACCERR")), true,
                                null),
                        new OpRecord(6, 2, "fork", List.of(OpResult.pid(2)), false, null),
                        new OpRecord(7, 2, "munmap", List.of(OpResult.errno("EINVAL")), false, null),
                        new OpRecord(8, 2, "touch", List.of(OpResult.unresolved("$x")), true, null)),
                List.of(new DumpRecord(7, 1, List.of(anon, file)), new DumpRecord(null, 1, List.of(anon, vvar))),
                List.of(new FaultRecord(0, 1, 0x100000000000L, "w", "", "do_anonymous_page", 0, VmFaultResult.NOPAGE, 0x1234,
                        null),
                        new FaultRecord(1, 1, 0x7f87e56b1000L, "r", "[vvar]", "vvar_fault", 1, VmFaultResult.SIGBUS, -1,
                                null).withSym("[vvar]+0x1000")));
    }

    @Test
    void jsonHasTheContractShape() {
        String json = ReportJson.toJson(sample());
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        assertEquals("x86_64-6.18", o.get("profile").getAsString());
        JsonObject r0 = o.getAsJsonArray("results").get(0).getAsJsonObject();
        assertEquals(List.of("line", "pid", "op", "result"), List.copyOf(r0.keySet()));
        assertEquals("0x100000000000", r0.get("result").getAsString());
        JsonObject touch = o.getAsJsonArray("results").get(2).getAsJsonObject();
        assertEquals("[\"ok\",\"SIGSEGV(ACCERR)\"]", touch.get("result").toString());
        assertEquals("2", o.getAsJsonArray("results").get(3).getAsJsonObject().get("result").getAsString());
        JsonObject d0 = o.getAsJsonArray("dumps").get(0).getAsJsonObject();
        assertEquals(List.of("line", "pid", "vmas"), List.copyOf(d0.keySet()));
        JsonObject v = d0.getAsJsonArray("vmas").get(0).getAsJsonObject();
        assertEquals(List.of("start", "end", "perms", "pgoff", "name", "flags", "pages"), List.copyOf(v.keySet()));
        assertEquals("0x100000000000", v.get("start").getAsString());
        assertEquals("[\"rd\",\"wr\",\"mr\",\"mw\",\"me\",\"ac\"]", v.get("flags").toString());
        assertEquals("AZ.a", v.get("pages").getAsString());
        assertEquals(0, v.get("pgoff").getAsInt());
        JsonObject fin = o.getAsJsonArray("dumps").get(1).getAsJsonObject();
        assertTrue(fin.get("line").isJsonNull(), "final state has \"line\": null");
        assertTrue(json.contains("\"line\": null"));
        JsonObject f0 = o.getAsJsonArray("faults").get(0).getAsJsonObject();
        assertEquals(List.of("seq", "pid", "address", "access", "vma", "handler", "pgoff", "result", "pfn"),
                List.copyOf(f0.keySet()));
        assertEquals("0x1234", f0.get("pfn").getAsString());
        assertTrue(o.getAsJsonArray("faults").get(1).getAsJsonObject().get("pfn").isJsonNull());
    }

    @Test
    void jsonRoundTrip() throws ReportFormatException {
        RunReport r = sample();
        assertEquals(r, ReportJson.read(ReportJson.toJson(r)));
        RunReport run = ScenarioRunner.run(ScenarioRunnerTest.parse("$a = mmap 0 8K rw-\ntouch $a 8K w\n$c = fork\n"
                + "dump\n"), new FakeTarget());
        assertEquals(run, ReportJson.read(ReportJson.toJson(run)));
    }

    @Test
    void jsonReaderNamesWhatIsWrong() {
        assertEquals("report.results: missing (an array)", assertThrows(ReportFormatException.class,
                () -> ReportJson.read("{\"profile\":\"x\",\"dumps\":[],\"faults\":[]}")).getMessage());
        assertEquals("results[0].result: expected a result (0x.., ok, an errno or SIGxxx(CODE)) but found 'maybe'",
                assertThrows(ReportFormatException.class, () -> ReportJson.read("{\"profile\":\"x\",\"results\":"
                        + "[{\"line\":1,\"pid\":1,\"op\":\"mmap\",\"result\":\"maybe\"}],\"dumps\":[]}"))
                        .getMessage());
        assertTrue(assertThrows(ReportFormatException.class, () -> ReportJson.read("{nope"))
                .getMessage().startsWith("not valid JSON"));
        // a recorded report from a tool that knows only the contract fields reads fine
        assertTrue(assertDoesNotThrowRead("{\"profile\":\"x86_64-6.18\",\"results\":[],\"dumps\":[{\"line\":null,"
                + "\"pid\":1,\"vmas\":[]}],\"faults\":[]}"));
    }

    private static boolean assertDoesNotThrowRead(String json) {
        try {
            return ReportJson.read(json).dumps().get(0).line() == null;
        } catch (ReportFormatException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void mapsLinesUseTheKernelColumns() {
        // lines copied from /proc/self/maps on the 6.18 host
        assertEquals("7f87e56b0000-7f87e56b4000 r--p 00000000 00:00 0                          [vvar]",
                ReportText.mapsLine(new VmaSnapshot(0x7f87e56b0000L, 0x7f87e56b4000L, "r--p", 0, "[vvar]", List.of(),
                        "")));
        assertEquals("7f87e539c000-7f87e5460000 rw-p 00000000 00:00 0 ", ReportText.mapsLine(
                new VmaSnapshot(0x7f87e539c000L, 0x7f87e5460000L, "rw-p", 0, "", List.of(), "")));
        // short addresses are padded to 8 digits; pgoff prints in bytes
        assertEquals("00400000-00402000 r--s 00002000 00:00 0                                  /memfd:f (deleted)",
                ReportText.mapsLine(new VmaSnapshot(0x400000, 0x402000, "r--s", 2, "/memfd:f (deleted)", List.of(),
                        "")));
        assertEquals("VmFlags: rd wr mr mw me ac ", ReportText.vmFlagsLine(List.of("rd", "wr", "mr", "mw", "me", "ac")));
    }

    @Test
    void textReport() {
        String text = ReportText.format(sample());
        assertEquals("""
                3 1 mmap -> 0x100000000000
                4 1 mmap -> 0x7f0000000000
                5 1 touch -> ok SIGSEGV(ACCERR)
                6 2 fork -> 2
                7 2 munmap -> EINVAL
                8 2 touch -> unresolved($x)
                dump line 7 pid 1:
                100000000000-100000004000 rw-p 00000000 00:00 0\s
                VmFlags: rd wr mr mw me ac\s
                Pages: AZ.a
                7f0000000000-7f0000002000 r--s 00001000 00:00 0                          /memfd:f (deleted)
                VmFlags: rd sh mr ms\s
                Pages: F.
                final pid 1:
                100000000000-100000004000 rw-p 00000000 00:00 0\s
                VmFlags: rd wr mr mw me ac\s
                Pages: AZ.a
                7f87e56b0000-7f87e56b4000 r--p 00000000 00:00 0                          [vvar]
                VmFlags: rd mr pf io de dd\s
                Pages: ....
                """, text);
        String faults = ReportText.format(sample(), new ReportText.Options(false, false, false, false, true, true));
        assertEquals("""
                fault 0 pid 1 0x100000000000 w vma=- handler=do_anonymous_page pgoff=0 result=NOPAGE pfn=0x1234
                fault 1 pid 1 0x7f87e56b1000 r vma=[vvar] handler=vvar_fault pgoff=1 result=SIGBUS pfn=-  # [vvar]+0x1000
                """, faults);
        List<OpResult> many = new java.util.ArrayList<>(java.util.Collections.nCopies(6, OpResult.ok()));
        many.add(OpResult.signal(7, 2));
        assertEquals("9 1 touch -> ok*6 SIGBUS(ADRERR)",
                ReportText.resultLine(new OpRecord(9, 1, "touch", many, true, null)));
    }

    @Test
    void resultTextsParseBack() {
        for (OpResult r : List.of(OpResult.ok(), OpResult.value(0), OpResult.value(-1), OpResult.pid(7),
                OpResult.errno(22), OpResult.errno("EEXIST"), OpResult.signal(11, 1), OpResult.signal(11, 2),
                OpResult.signal(7, 2), OpResult.unresolved("[vvar_vclock]"), OpResult.error("x: y"))) {
            assertEquals(r, OpResult.parse(r.text()), r.text());
        }
        assertEquals("EINVAL", OpResult.errno(22).text());
        assertEquals("SIGSEGV(MAPERR)", OpResult.signal(11, 1).text());
        assertEquals("0xffffffffffffffff", OpResult.value(-1).text());
    }
}
