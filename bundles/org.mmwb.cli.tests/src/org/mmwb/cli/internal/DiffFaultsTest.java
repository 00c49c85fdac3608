package org.mmwb.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwb.host.HostKernel;

/** {@code diff} compares the kernel's faults, and says plainly when the kernel side has none. */
class DiffFaultsTest extends CliTestSupport {

    private static final String SCENARIO = """
            kernel x86_64-6.18
            mmap 0x100000000000 16K rw- fixed populate
            mmap 0x100000010000 16K rw- fixed
            touch 0x100000010000 8K w
            fork
            write 0x100000010000 1
            read 0x100000013000
            """;

    @TempDir
    Path dir;

    /** The simulator's run as JSON, edited into what a recording would hold. */
    private String simulatorJson(Path mms) {
        assertEquals(0, run("run", mms.toString(), "--json"), err());
        String json = out();
        out.reset();
        return json;
    }

    @Test
    void aRecordingWithoutFaultsIsComparedInAllElseAndSaysSo() throws Exception {
        Path mms = Files.writeString(dir.resolve("s.mms"), SCENARIO);
        String json = simulatorJson(mms);
        // as written before faults were captured: no fault_capture, no faults, recorded_on
        String old = json.replaceFirst("\"fault_capture\": \\{[^}]*},", "")
                .replaceFirst("\"faults\": \\[[^]]*]", "\"faults\": [], \"recorded_on\": {\"kernel\": \"6.18.44\"}");
        Path rec = Files.writeString(dir.resolve("s.json"), old);
        assertEquals(0, run("diff", mms.toString(), "--against", rec.toString()), out() + err());
        assertEquals("""
                note: faults not compared: the recorded run did not capture faults (recorded before mmwb captured the \
                kernel's faults; record it again)
                sim and recorded agree
                1/1 scenarios match (against recorded kernel runs); faults not compared in 1 of them: the recorded run \
                did not capture faults (recorded before mmwb captured the kernel's faults; record it again)
                """, out());
    }

    @Test
    void userFaultsAreComparedAndTheFirstDifferenceShown() throws Exception {
        Path mms = Files.writeString(dir.resolve("s.mms"), SCENARIO);
        String json = simulatorJson(mms);
        assertTrue(json.contains("\"kernel\": true"), "MAP_POPULATE's faults are GUP's, kernel mode: " + json);
        // a kernel recording: user faults only (the populate's are not seen by exceptions:page_fault_user)
        String kernel = json.replace("\"scope\": \"all\"", "\"scope\": \"user\"")
                .replaceAll("\\n\\s*\\{[^\\n]*\"kernel\": true},?", "");
        Path rec = Files.writeString(dir.resolve("k.json"), kernel);
        assertEquals(0, run("diff", mms.toString(), "--against", rec.toString()), out() + err());
        assertEquals("sim and recorded agree\n1/1 scenarios match (against recorded kernel runs)\n", out());
        out.reset();
        // the child's COW write (pid 2) recorded as a read: a mismatch, exit 1
        Path changed = Files.writeString(dir.resolve("c.json"), kernel.replaceFirst(
                "(\"pid\": 2, \"address\": \"0x100000010000\", \"access\": )\"w\"", "$1\"r\""));
        assertEquals(1, run("diff", mms.toString(), "--against", changed.toString()), out() + err());
        assertEquals("""
                user fault 2: first difference (sim 4 faults, recorded 4): sim pid 2 w 0x100000010000, recorded pid 2 r \
                0x100000010000
                1 disagreement between sim and recorded
                0/1 scenarios match (against recorded kernel runs)
                """, out());
    }

    @Test
    void liveRunsCarryTheKernelsFaultsAndDiffComparesThem() throws Exception {
        String why = HostKernel.unavailableReason();
        Assumptions.assumeTrue(why == null, () -> "skipped: " + why);
        Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        Assumptions.assumeTrue(Integer.valueOf(0).equals(uid), "skipped: perf on the tracepoint needs root");
        Path mms = Files.writeString(dir.resolve("s.mms"), SCENARIO);
        assertEquals(0, run("run", mms.toString(), "--live", "--json"), err());
        String json = out();
        assertTrue(json.contains("\"fault_capture\": {\"captured\": true, \"scope\": \"user\"}"), json);
        assertTrue(json.contains("{\"seq\": 2, \"pid\": 2, \"address\": \"0x100000010000\", \"access\": \"w\""), json);
        assertFalse(json.contains("\"kernel\": true"), json);
        out.reset();
        assertEquals(0, run("diff", mms.toString()), out() + err());
        assertTrue(out().startsWith("sim and kernel agree\n1/1 scenarios match (on kernel "), out());
        assertFalse(out().contains("faults not compared"), out());
    }
}
