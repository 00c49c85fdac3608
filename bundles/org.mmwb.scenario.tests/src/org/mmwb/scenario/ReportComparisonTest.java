package org.mmwb.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmwb.core.mm.FaultRecord;
import org.mmwb.core.mm.VmaSnapshot;

class ReportComparisonTest {

    private static final String SCENARIO = """
            $a = mmap 0 8K rw-
            $f = mmap 0x100000000000 4K rw- fixed
            touch $a 8K w
            touch $f 4K r
            mremap [vdso] 8K 8K maymove fixed=0x100000010000
            touch [vvar] 8K r
            dump
            """;

    private static RunReport run(FakeTarget t) {
        return ScenarioRunner.run(ScenarioRunnerTest.parse(SCENARIO), t);
    }

    @Test
    void kernelChosenAndExecPlacedAddressesCompareSymbolically() {
        // two machines whose hint-less mmaps and exec-time mappings land elsewhere
        RunReport sim = run(new FakeTarget(0x7f0000000000L, 0));
        RunReport kernel = run(new FakeTarget(0x7e1234560000L, -0x1234000000L));
        assertTrue(!sim.results().get(0).result().equals(kernel.results().get(0).result()));
        ReportComparison.Result c = ReportComparison.compare(sim, kernel);
        assertTrue(c.agree(), c::format);
        assertEquals("sim and kernel agree\n", c.format());
    }

    @Test
    void disagreementsAreListedReadably() throws ReportFormatException {
        RunReport sim = run(new FakeTarget());
        FakeTarget other = new FakeTarget() {
            @Override
            public OpResult touch(long addr, Access access) {
                if (addr == 0x100000000000L) {
                    return OpResult.signal("SIGSEGV", "ACCERR");
                }
                return super.touch(addr, access);
            }

            @Override
            public OpResult mmap(long addr, long len, int prot, int flags, String file, long offset) {
                OpResult r = super.mmap(addr, len, prot, flags, file, offset);
                if (addr == 0x100000000000L) {
                    mm().get(addr).prot = 1;
                }
                return r;
            }
        };
        // the right side comes from stored JSON, as a recorded kernel run would
        RunReport kernel = ReportJson.read(ReportJson.toJson(run(other)));
        ReportComparison.Result c = ReportComparison.compare(sim, kernel);
        assertEquals("""
                line 4 pid 1 touch: page 0: sim ok, kernel SIGSEGV(ACCERR)
                dump line 7 pid 1 VMA 0x100000000000: perms: sim rw-p, kernel r--p
                dump line 7 pid 1 VMA 0x100000000000: VmFlags: sim rd wr mr mw me, kernel rd mr mw me
                dump line 7 pid 1 VMA 0x100000000000: pages (first difference at page 0): sim Z, kernel .
                final pid 1 VMA 0x100000000000: perms: sim rw-p, kernel r--p
                final pid 1 VMA 0x100000000000: VmFlags: sim rd wr mr mw me, kernel rd mr mw me
                final pid 1 VMA 0x100000000000: pages (first difference at page 0): sim Z, kernel .
                fault 2: fault: sim pid 1 r 0x100000000000 pgoff 0 NOPAGE fake_fault, kernel pid 1 r [vvar] pgoff 0 NOPAGE fake_fault
                fault 3: only in sim: fault 3 pid 1 0x7ffff0000000 r vma=[vvar] handler=fake_fault pgoff=0 result=NOPAGE pfn=0x1003  # [vvar]
                9 disagreements between sim and kernel
                """, c.format());
    }

    @Test
    void honouredHintVersusKernelChoiceIsADisagreement() {
        RunReport a = new RunReport("", "x86_64-6.18", 4, List.of(new OpRecord(1, 1, "mmap",
                List.of(OpResult.value(0x100000000000L)), false, null)), List.of(), List.of());
        RunReport b = new RunReport("", "x86_64-6.18", 4, List.of(new OpRecord(1, 1, "mmap",
                List.of(OpResult.value(0x7f0000000000L)), false, "$a")), List.of(), List.of());
        ReportComparison.Result c = ReportComparison.compare(a, b);
        assertEquals("""
                line 1 pid 1 mmap: result: sim 0x100000000000, kernel 0x7f0000000000 ($a)
                1 disagreement between sim and kernel
                """, c.format());
    }

    private static FaultRecord fault(int pid, long addr, String access, boolean user, String sym) {
        return new FaultRecord(0, pid, addr, access, -1, "", "", "", 0, 0, -1, null, sym, user);
    }

    private static RunReport withFaults(List<FaultRecord> faults, RunReport.FaultCapture capture) {
        return new RunReport("", "x86_64-6.18", 4, List.of(), List.of(), faults, capture);
    }

    private static final RunReport.FaultCapture LIVE = new RunReport.FaultCapture(true, RunReport.FaultCapture.USER,
            null);

    @Test
    void userFaultsCompareAsPageAndAccessWithoutTheSimulatorsGupFaults() throws ReportFormatException {
        RunReport sim = withFaults(List.of(fault(1, 0x100000000000L, "w", false, null),  // MAP_POPULATE: GUP
                fault(1, 0x100000001005L, "r", true, null), fault(2, 0x7f0000003000L, "x", true, "$a+0x3000")),
                RunReport.FaultCapture.SIMULATOR);
        RunReport kernel = withFaults(List.of(fault(1, 0x100000001005L, "r", true, null),
                fault(2, 0x7e0000003000L, "x", true, "$a+0x3000")), LIVE);
        // through JSON, as a recording is read back: fault_capture and the user flag survive
        RunReport recorded = ReportJson.read(ReportJson.toJson(kernel));
        assertEquals(LIVE, recorded.faultCapture());
        assertFalse(ReportJson.read(ReportJson.toJson(sim)).faults().get(0).user());
        ReportComparison.Result c = ReportComparison.compare(sim, recorded);
        assertTrue(c.agree() && c.faultsCompared(), c::format);

        RunReport other = withFaults(List.of(fault(1, 0x100000001005L, "r", true, null),
                fault(2, 0x7e0000003000L, "r", true, "$a+0x3000"), fault(1, 0x100000004000L, "w", true, null)), LIVE);
        assertEquals("""
                user fault 1: first difference (sim 2 faults, kernel 3): sim pid 2 x $a+0x3000, kernel pid 2 r $a+0x3000
                1 disagreement between sim and kernel
                """, ReportComparison.compare(sim, other).format());
        RunReport fewer = withFaults(List.of(fault(1, 0x100000001000L, "r", true, null)), LIVE);
        assertEquals("""
                user fault 1: first difference (sim 2 faults, kernel 1): sim pid 2 x $a+0x3000, kernel (none)
                1 disagreement between sim and kernel
                """, ReportComparison.compare(sim, fewer).format());
    }

    @Test
    void aVdsoFaultOnlyTheSimulatorTookIsNotADifference() {
        // the live process's dynamic linker read [vdso] page 0: its exec finds the page present, the simulator maps it
        FaultRecord mapped = new FaultRecord(0, 1, 0x7ffff7ffd000L, "x", -1, "[vdso]", "[vdso] (org.mmwb.x86)", "", 0,
                0, 0x106, null, "[vdso]", true);
        FaultRecord refused = new FaultRecord(1, 1, 0x7ffff7ffd000L, "x", -1, "[vdso]", "bad_area_access_error", "",
                0, org.mmwb.core.mm.VmFaultResult.SIGSEGV, -1, null, "[vdso]", true);
        RunReport sim = withFaults(List.of(mapped, refused), RunReport.FaultCapture.SIMULATOR);
        RunReport kernel = withFaults(List.of(fault(1, 0x7f00aaaa1000L, "x", true, "[vdso]")), LIVE);
        assertTrue(ReportComparison.compare(sim, kernel).agree(), () -> ReportComparison.compare(sim, kernel).format());
        // the refused one is no self-used page: missing on the kernel side it is a difference
        RunReport none = withFaults(List.of(), LIVE);
        assertEquals("""
                user fault 1 (kernel 0): first difference (sim 2 faults, kernel 0): sim pid 1 x [vdso], kernel (none)
                1 disagreement between sim and kernel
                """, ReportComparison.compare(sim, none).format());
    }

    @Test
    void faultsNotCapturedAreNotComparedAndSaySo() throws ReportFormatException {
        RunReport sim = withFaults(List.of(fault(1, 0x100000000000L, "w", true, null)),
                RunReport.FaultCapture.SIMULATOR);
        RunReport none = withFaults(List.of(), RunReport.FaultCapture.notCaptured("perf_event_open: EACCES"));
        ReportComparison.Result c = ReportComparison.compare(sim, none);
        assertTrue(c.agree());
        assertFalse(c.faultsCompared());
        assertEquals("""
                note: faults not compared: the kernel run did not capture faults (perf_event_open: EACCES)
                sim and kernel agree
                """, c.format());
        // a recording made before faults were captured reads as not captured
        String old = "{\"profile\": \"x86_64-6.18\", \"results\": [], \"dumps\": [], \"faults\": [],"
                + " \"recorded_on\": {\"kernel\": \"6.18.44\"}}";
        RunReport read = ReportJson.read(old);
        assertFalse(read.faultCapture().captured());
        assertFalse(ReportComparison.compare(sim, read).faultsCompared());
        // without recorded_on it is a simulator run of old: all its faults
        assertTrue(ReportJson.read(old.replaceFirst(", \"recorded_on\".*}}", "}")).faultCapture().captured());
    }

    @Test
    void specialMappingsMatchByNameAndMissingVmasAreListed() {
        VmaSnapshot vdsoA = new VmaSnapshot(0x7fff1000L, 0x7fff3000L, "r-xp", 0, "[vdso]", List.of("rd", "ex"), "..");
        VmaSnapshot vdsoB = new VmaSnapshot(0x7aaa1000L, 0x7aaa2000L, "r-xp", 0, "[vdso]", List.of("rd", "ex"), ".");
        VmaSnapshot extra = new VmaSnapshot(0x100000000000L, 0x100000001000L, "rw-p", 0, "", List.of(), ".");
        RunReport a = new RunReport("", "x86_64-6.18", 4, List.of(), List.of(new DumpRecord(null, 1,
                List.of(vdsoA, extra))), List.of());
        RunReport b = new RunReport("", "x86_64-6.18", 4, List.of(), List.of(new DumpRecord(null, 1,
                List.of(vdsoB))), List.of());
        assertEquals("""
                final pid 1 VMA [vdso]: size: sim 0x2000, kernel 0x1000
                final pid 1 VMA [vdso]: pages (first difference at page 1): sim .., kernel .
                final pid 1 VMA 0x100000000000: only in sim: 100000000000-100000001000 rw-p 00000000 00:00 0
                3 disagreements between sim and kernel
                """, ReportComparison.compare(a, b).format());
    }
}
