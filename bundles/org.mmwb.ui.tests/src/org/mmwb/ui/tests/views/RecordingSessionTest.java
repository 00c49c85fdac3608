package org.mmwb.ui.tests.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.mmwb.core.mm.ReadOnlyFaultLog;
import org.mmwb.record.elf.ElfSymbols;
import org.mmwb.ui.internal.ViewIds;
import org.mmwb.ui.internal.session.Session;
import org.mmwb.ui.internal.session.SessionState;
import org.mmwb.ui.internal.session.StepRecord;
import org.mmwb.ui.internal.views.FaultLogView;
import org.mmwb.ui.internal.views.ResultsView;
import org.mmwb.ui.internal.widgets.faultlog.FaultColumn;
import org.mmwb.ui.internal.widgets.faultlog.FaultOrigins;
import org.mmwb.ui.tests.Screenshots;

/**
 * A recording (docs/recording.md) opened in the workbench: each exec, system call, fault and exit is a step; the
 * Fault Log shows a fault's recorded ip and the function there (from the ELF symbols of the file mapped at the
 * ip); Step, Step Back and going to a step replay the same machine; a difference from the kernel is marked on its
 * step; a malformed recording says FILE:LINE and replays nothing.
 */
class RecordingSessionTest {
    private static final long BASE = 0x7f0000000000L;
    private static final String STACK = "{\"start\":\"7ffffffde000\",\"end\":\"7ffffffff000\",\"perms\":\"rw-p\","
            + "\"pgoff\":\"0\",\"dev\":\"00:00\",\"ino\":0,\"name\":\"[stack]\",\"anon_present\":[[32,1]],"
            + "\"file_present\":[]}";
    private static final String VSYSCALL = "{\"start\":\"ffffffffff600000\",\"end\":\"ffffffffff601000\","
            + "\"perms\":\"--xp\",\"pgoff\":\"0\",\"dev\":\"00:00\",\"ino\":0,\"name\":\"[vsyscall]\"}";

    /** libjvm.so of the JVM running the test: a real ELF file with JNI_CreateJavaVM in its .dynsym. */
    private static Path libjvm() {
        Path p = Path.of(System.getProperty("java.home"), "lib", "server", "libjvm.so");
        Assumptions.assumeTrue(Files.isReadable(p), "no " + p);
        return p;
    }

    /**
     * A process that maps libjvm.so, runs JNI_CreateJavaVM+0x10 (an instruction fetch fault there), mmaps a page
     * and writes it twice (the second write faults on the live kernel after something unmapped it there, which the
     * recording does not show: the simulator takes no fault, a difference), then exits.
     */
    private static String recording(Path lib, long ip) throws Exception {
        long size = Files.size(lib);
        long ino = (Long) Files.getAttribute(lib, "unix:ino");
        long end = BASE + ((size + 0xfff) & ~0xfffL);
        String libVma = String.format("{\"start\":\"%x\",\"end\":\"%x\",\"perms\":\"r-xp\",\"pgoff\":\"0\","
                + "\"dev\":\"fe:00\",\"ino\":%d,\"name\":\"%s\",\"anon_present\":[],\"file_present\":[]}", BASE, end,
                ino, lib);
        long anon = BASE - 0x1000; // mmap(NULL) goes right below the highest mapping under the stack
        String anonVma = String.format("{\"start\":\"%x\",\"end\":\"%x\",\"perms\":\"rw-p\",\"pgoff\":\"0\","
                + "\"dev\":\"00:00\",\"ino\":0,\"name\":\"\"}", anon, BASE);
        return "{\"mmwb_recording\":1,\"kernel\":\"6.18.44\",\"command\":[\"./t\"]}\n"
                + String.format("{\"t\":1,\"type\":\"file\",\"dev\":\"fe:00\",\"ino\":%d,\"path\":\"%s\",\"size\":%d,"
                        + "\"fs\":\"ef53\",\"cached\":[]}%n", ino, lib, size)
                + "{\"t\":2,\"type\":\"exec\",\"pid\":10,\"tid\":10,\"exe\":\"" + lib + "\",\"start_brk\":\"600000\","
                + "\"start_stack\":\"7fffffffe000\",\"vmas\":[" + libVma + "," + STACK + "," + VSYSCALL + "]}\n"
                + String.format("{\"t\":3,\"type\":\"fault\",\"pid\":10,\"tid\":10,\"addr\":\"%x\",\"ip\":\"%x\","
                        + "\"error\":\"14\"}%n", ip, ip)
                + String.format("{\"t\":4,\"type\":\"sys\",\"pid\":10,\"tid\":10,\"name\":\"mmap\",\"nr\":9,\"args\":"
                        + "[\"0\",\"1000\",\"3\",\"22\",\"ffffffff\",\"0\"],\"ret\":%d}%n", anon)
                + String.format("{\"t\":5,\"type\":\"fault\",\"pid\":10,\"tid\":10,\"addr\":\"%x\",\"ip\":\"%x\","
                        + "\"error\":\"6\"}%n", anon + 8, ip + 4)
                + String.format("{\"t\":6,\"type\":\"fault\",\"pid\":10,\"tid\":10,\"addr\":\"%x\",\"ip\":\"%x\","
                        + "\"error\":\"6\"}%n", anon + 16, anon + 0x10) // code run from the anonymous page
                + "{\"t\":7,\"type\":\"exit\",\"pid\":10,\"tid\":10,\"status\":0,\"vmas\":[" + anonVma + "," + libVma
                + "," + STACK + "," + VSYSCALL + "]}\n"
                + "{\"t\":8,\"type\":\"end\",\"complete\":true,\"lost\":0,\"throttled\":0,\"syscalls\":1,"
                + "\"faults\":3,\"wall_ns\":8,\"status\":0}\n";
    }

    /** The fault of the session's log taken at addr, or -1. */
    private static long faultAt(ReadOnlyFaultLog log, long addr) {
        for (long s = log.firstSeq(); s < log.nextSeq(); s++) {
            if (log.address(s) == addr) {
                return s;
            }
        }
        return -1;
    }

    @Test
    void eachEventIsAStepAndTheFaultLogNamesTheFunctionThatFaulted() throws Exception {
        Path lib = libjvm();
        long sym = ElfSymbols.read(lib).offsetOf("JNI_CreateJavaVM");
        assertTrue(sym > 0, "libjvm.so exports JNI_CreateJavaVM");
        long ip = BASE + sym + 0x10;
        // a recording named like a scenario opens as a recording too (its first line says what it is)
        Path file = Files.writeString(Files.createTempDirectory("mmwb-rec").resolve("jvm.mms"), recording(lib, ip));

        IWorkbenchPage page = Fixture.page();
        ResultsView results = Fixture.show(page, ViewIds.RESULTS);
        FaultLogView faults = Fixture.show(page, ViewIds.FAULT_LOG);
        Session s = Session.get();
        s.open(file);
        SessionState opened = Fixture.await();
        assertTrue(s.isRecording());
        assertTrue(s.canStep());
        assertEquals(6, opened.total(), "exec, fault, mmap, fault, fault, exit: " + opened.status());
        assertEquals(5, opened.position(), "opened before the exit, the process as it ended: " + opened.status());
        assertTrue(opened.processes().get(0).alive());
        assertEquals(List.of(BASE - 0x1000, BASE, 0x7ffffffde000L), opened.processes().get(0).vmas().stream()
                .filter(v -> !v.gate()).map(v -> v.start()).toList(), "the mmap, libjvm.so, [stack]");
        assertTrue(opened.status().contains("[replay: 1/1 calls, 2/3 faults, maps identical; to here: 1/1, 2/3]")
                && opened.status().contains("(Run replays the exits that follow)"), opened.status());
        s.run();
        SessionState end = Fixture.await();
        assertEquals(6, end.position());
        assertFalse(end.processes().get(0).alive());
        List<StepRecord> steps = s.steps();
        assertEquals(List.of("exec", "fault exec", "mmap", "fault write", "fault write", "exit"),
                steps.stream().map(StepRecord::opName).toList());
        assertEquals(List.of(3, 4, 5, 6, 7, 8), steps.stream().map(StepRecord::line).toList(), "recording lines");
        assertEquals("0x" + Long.toHexString(BASE - 0x1000), steps.get(2).resultText(), "the kernel's mmap result");
        assertEquals(List.of(false, false, false, false, true, false), steps.stream().map(StepRecord::differs)
                .toList(), "the second write finds its page mapped: the one difference");
        assertTrue(steps.get(4).summary().startsWith("DIFFERS: write fault at 0x" + Long.toHexString(BASE - 0x1000
                + 16) + " (ip 0x"), steps.get(4).summary());
        assertTrue(steps.get(4).summary().endsWith(" in anonymous memory at 0x" + Long.toHexString(BASE - 0x1000)
                + "+0x10"), steps.get(4).summary());
        String verdict = "1/1 system calls gave the kernel's result (mmap(NULL) at the kernel's address), 2/3 "
                + "recorded faults reproduced in order with no extra faults, final maps identical: yes";
        assertEquals(verdict, s.verdict());

        page.bringToTop(results); // (a view hidden in its stack shows the newest state when brought to the front)
        Fixture.settle(100);
        assertTrue(results.getContentDescription().startsWith("replay: 1/1 system calls, 2/3 faults reproduced, final "
                + "maps identical  (jvm.mms: 6 of 6 steps replayed)"), results.getContentDescription());
        Screenshots.take(page.getWorkbenchWindow().getShell(), "recording-results");

        // the instruction fetch at JNI_CreateJavaVM+0x10: the Fault Log's ip and function columns
        ReadOnlyFaultLog log = end.faultLog();
        long seq = faultAt(log, ip);
        assertTrue(seq >= 0, "the fault at the ip is in the log");
        assertTrue(log instanceof FaultOrigins);
        assertEquals(ip, ((FaultOrigins) log).ip(seq));
        assertEquals("0x" + Long.toHexString(ip), FaultColumn.IP.text(log, seq));
        assertEquals("JNI_CreateJavaVM+0x10 (libjvm.so)", FaultColumn.FUNCTION.text(log, seq));
        assertEquals("JNI_CreateJavaVM+0x10 (" + lib + ")", ((FaultOrigins) log).location(seq));
        long write = faultAt(log, BASE - 0x1000 + 8);
        assertEquals("JNI_CreateJavaVM+0x14 (libjvm.so)", FaultColumn.FUNCTION.text(log, write));
        assertEquals(4, ((FaultOrigins) log).recordedLine(seq), "line 4 of the recording is that fault");
        assertTrue(faults.getTable().getTable().getColumn(FaultColumn.FUNCTION.ordinal()).getWidth() > 0,
                "the function column is shown for a recording");
        page.activate(faults);
        assertTrue(faults.getTable().selectFault(seq, true));
        Fixture.settle(300);
        Screenshots.take(page.getWorkbenchWindow().getShell(), "recording-fault-log");

        // Step Back replays to step 5 (the exit not yet replayed), Step runs the exit on it, goTo(2) is the fault
        s.stepBack();
        SessionState at5 = Fixture.await();
        assertEquals(5, at5.position());
        assertEquals(5, s.steps().size());
        assertTrue(at5.processes().stream().anyMatch(p -> p.alive()), "the process has not exited yet");
        s.step();
        SessionState again = Fixture.await();
        assertEquals(6, again.position());
        assertEquals(end.processes(), again.processes());
        assertEquals(verdict, s.verdict());
        s.goTo(2);
        SessionState at2 = Fixture.await();
        assertEquals(2, at2.position());
        assertEquals(seq + 1, at2.faultLog().nextSeq(), "the fault at the ip is the last one at step 2");
        assertEquals("JNI_CreateJavaVM+0x10 (libjvm.so)", FaultColumn.FUNCTION.text(at2.faultLog(), seq));
        assertEquals(verdict, s.verdict(), "the verdict is the whole recording's");
        assertTrue(at2.status().contains("to here: 0/0, 1/1]"), at2.status());

        // back to a scenario: the ip and function columns are hidden again
        Fixture.openText("small.mms", "$a = mmap 0 8K rw-\ntouch $a 8K w\n");
        assertFalse(s.isRecording());
        assertEquals(0, faults.getTable().getTable().getColumn(FaultColumn.FUNCTION.ordinal()).getWidth());
    }

    @Test
    void aRealProgramsRecordingReplaysExactlyStepByStep() throws Exception {
        Path file = Files.createTempDirectory("mmwb-rec").resolve("sh-c-true.mmwb-rec");
        try (InputStream in = RecordingSessionTest.class.getResourceAsStream("/recordings/sh-c-true.mmwb-rec")) {
            assertTrue(in != null, "recordings/sh-c-true.mmwb-rec is in the test bundle");
            Files.copy(in, file);
        }
        IWorkbenchPage page = Fixture.page();
        Fixture.show(page, ViewIds.FAULT_TIMELINE);
        Fixture.show(page, ViewIds.RESULTS);
        Fixture.show(page, ViewIds.FAULT_LOG);
        Session s = Session.get();
        s.open(file);
        SessionState end = Fixture.await();
        assertTrue(s.verdict().endsWith("final maps identical: yes"), s.verdict());
        assertFalse(s.steps().stream().anyMatch(StepRecord::differs), "sh -c true replays exactly");
        assertTrue(end.total() > 60, end.status());
        // each fault step took exactly its one fault, named by the recorded ip
        FaultOrigins o = (FaultOrigins) end.faultLog();
        long withIp = 0;
        for (long q = end.faultLog().firstSeq(); q < end.faultLog().nextSeq(); q++) {
            withIp += o.ip(q) != -1 ? 1 : 0;
        }
        assertEquals(s.steps().stream().filter(r -> r.opName().startsWith("fault") && !r.summary().startsWith(
                "not replayed")).count(), withIp);
        int mid = end.total() / 2;
        s.goTo(mid);
        SessionState m = Fixture.await();
        s.step();
        SessionState m1 = Fixture.await();
        s.goTo(mid + 1);
        SessionState replayed = Fixture.await();
        assertEquals(mid + 1, m1.position());
        assertEquals(m1.processes(), replayed.processes(), "Step gives the machine a replay to the step gives");
        assertEquals(m1.faultLog().nextSeq(), replayed.faultLog().nextSeq());
        assertTrue(m.faultLog().nextSeq() <= m1.faultLog().nextSeq());
        Screenshots.take(page.getWorkbenchWindow().getShell(), "recording-sh-c-true");
    }

    @Test
    void aMalformedRecordingSaysFileAndLineAndReplaysNothing() throws Exception {
        Path lib = libjvm();
        String text = recording(lib, BASE + 0x1000);
        int third = text.indexOf('\n', text.indexOf('\n', text.indexOf('\n') + 1) + 1); // end of line 3
        Path cut = Files.writeString(Files.createTempDirectory("mmwb-rec").resolve("cut.mmwb-rec"),
                text.substring(0, third + 40));
        IWorkbenchPage page = Fixture.page();
        Fixture.show(page, ViewIds.RESULTS);
        Session s = Session.get();
        s.open(cut);
        SessionState st = Fixture.await();
        assertTrue(st.status().startsWith("Cannot open cut.mmwb-rec:4: not JSON"), st.status());
        assertFalse(st.status().contains("Exception"), st.status());
        assertEquals(4, s.diagnostics().get(0).line());
        assertTrue(st.processes().isEmpty());
        assertFalse(s.canStep());
        assertNull(s.verdict());
        Shell active = page.getWorkbenchWindow().getShell().getDisplay().getActiveShell();
        assertTrue(active == null || active == page.getWorkbenchWindow().getShell(), "no dialog");
        Screenshots.take(page.getWorkbenchWindow().getShell(), "recording-malformed");
    }
}
