package org.mmwb.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmwb.core.mm.VmaSnapshot;

/** The runner's plumbing, on a FAKE target (see {@link FakeTarget}). */
class ScenarioRunnerTest {

    static Scenario parse(String text) {
        ParseResult r = new ScenarioParser().parse("t.mms", text);
        assertTrue(r.ok(), r::errorText);
        return r.scenario();
    }

    static List<String> texts(RunReport r) {
        return r.results().stream().map(ReportText::resultLine).toList();
    }

    @Test
    void resolvesBindingsFlagsAndGivesOneResultPerPage() {
        FakeTarget t = new FakeTarget();
        RunReport r = ScenarioRunner.run(parse("""
                file f 16K
                $a = mmap 0x100000000000 8K rw- fixed
                $b = mmap 0 4K r-- shared file=f:4K populate
                mprotect $a+4K 4K r--
                touch $a 12K w
                madvise $a 4K guard_install
                mremap $a 8K 16K maymove fixed=0x100000100000 dontunmap
                write $b-0 0x41
                dump
                """), t);
        assertEquals(List.of("1 1 file -> ok", "2 1 mmap -> 0x100000000000", "3 1 mmap -> 0x7efffffff000",
                "4 1 mprotect -> ok", "5 1 touch -> SIGSEGV(ACCERR) SIGSEGV(ACCERR) SIGSEGV(MAPERR)", "6 1 madvise -> ok",
                "7 1 mremap -> 0x100000100000", "8 1 write -> SIGSEGV(ACCERR)"), texts(r));
        assertTrue(t.calls.contains("mmap 0x100000000000 0x2000 3 0x32 null 0"), t.calls::toString);
        assertTrue(t.calls.contains("mmap 0x0 0x1000 1 0x8001 f 4096"), t.calls::toString);
        assertTrue(t.calls.contains("mprotect 0x100000001000 0x1000 1"));
        assertTrue(t.calls.containsAll(List.of("touch 0x100000000000 w", "touch 0x100000001000 w",
                "touch 0x100000002000 w")));
        assertTrue(t.calls.contains("madvise 0x100000000000 0x1000 102"));
        assertTrue(t.calls.contains("mremap 0x100000000000 0x2000 0x4000 7 0x100000100000"));
        assertTrue(t.calls.contains("write-value 65"));
        assertTrue(r.results().get(4).perPage());
        assertFalse(r.results().get(1).perPage());
        // symbolic forms: fixed literal addresses are absolute, the kernel-chosen one is named after its binding
        assertNull(r.results().get(1).sym());
        assertEquals("$b", r.results().get(2).sym());
        // one dump line plus the final state
        assertEquals(2, r.dumps().size());
        assertEquals(9, r.dumps().get(0).line());
        assertNull(r.dumps().get(1).line());
        VmaSnapshot b = r.dumps().get(0).vmas().stream().filter(v -> v.name().startsWith("/memfd")).findFirst()
                .orElseThrow();
        assertEquals("$b", b.sym());
        assertEquals("r--s", b.perms());
        VmaSnapshot vdso = r.dumps().get(0).vmas().stream().filter(v -> v.name().equals("[vdso]")).findFirst()
                .orElseThrow();
        assertEquals("[vdso]", vdso.sym());
        // the fake changes a whole VMA on mprotect (it never splits) and logs a fault only for MAPERR here
        assertEquals(1, r.faults().size());
        assertEquals(0x100000002000L, r.faults().get(0).address());
    }

    @Test
    void forkSwitchExitAndFinalStateOfEveryProcess() {
        FakeTarget t = new FakeTarget();
        RunReport r = ScenarioRunner.run(parse("""
                $a = mmap 0x100000000000 4K rw- fixed
                touch $a 4K w
                $c = fork
                touch $a 4K r
                switch 1
                $d = fork
                exit
                switch $c
                switch 9
                """), t);
        assertEquals(List.of("1 1 mmap -> 0x100000000000", "2 1 touch -> ok", "3 1 fork -> 2", "4 2 touch -> ok",
                "5 2 switch -> ok", "6 1 fork -> 3", "7 3 exit -> ok", "8 1 switch -> ok", "9 2 switch -> ESRCH"),
                texts(r));
        List<DumpRecord> finals = r.dumps().stream().filter(DumpRecord::isFinal).toList();
        assertEquals(List.of(1, 2), finals.stream().map(DumpRecord::pid).toList());
        assertEquals("a", finals.get(0).vmas().stream().filter(v -> v.start() == 0x100000000000L).findFirst()
                .orElseThrow().pages());
    }

    @Test
    void failedBindingMakesLaterUsesUnresolvedAndTheRunGoesOn() {
        RunReport r = ScenarioRunner.run(parse("""
                $a = mmap 0x100000000001 4K rw- fixed
                touch $a 4K r
                munmap $a-8K 4K
                $b = mmap 0x100000000000 4K rw- fixed
                munmap $b-0x200000000000 4K
                touch [heap] 4K r
                read 0x100000000000
                """), new FakeTarget());
        assertEquals(List.of("1 1 mmap -> EINVAL", "2 1 touch -> unresolved($a)", "3 1 munmap -> unresolved($a)",
                "4 1 mmap -> 0x100000000000", "5 1 munmap -> unresolved(address out of range)",
                "6 1 touch -> unresolved([heap])", "7 1 read -> 0x41"), texts(r));
    }

    @Test
    void brkRelativeAndSymbolic() {
        FakeTarget t = new FakeTarget();
        RunReport r = ScenarioRunner.run(parse("$h = brk +64K\nbrk $h+4K\n"), t);
        assertEquals(List.of("1 1 brk -> 0x555500010000", "2 1 brk -> 0x555500011000"), texts(r));
        assertEquals("[brk]+0x10000", r.results().get(0).sym());
        assertEquals("[brk]+0x11000", r.results().get(1).sym());
        assertEquals(List.of("brk 0x0", "brk 0x0", "brk 0x555500010000", "brk 0x555500011000"), t.calls);
    }

    @Test
    void specialsAndTargetErrorsAreContained() {
        FakeTarget t = new FakeTarget() {
            @Override
            public OpResult mlock(long addr, long len) {
                throw new IllegalStateException("helper died");
            }
        };
        RunReport r = ScenarioRunner.run(parse("touch [vvar] 8K r\nmlock [vdso] 4K\nexec [vdso]+4K\n"), t);
        assertEquals(List.of("1 1 touch -> ok SIGBUS(ADRERR)", "2 1 mlock -> error(IllegalStateException: helper died)",
                "3 1 exec -> ok"), texts(r));
        assertTrue(t.calls.contains("touch 0x7ffff0007000 x"));
    }

    @Test
    void steppingGivesTheSameReport() {
        Scenario s = parse("$a = mmap 0 4K rw-\ndump\ntouch $a 4K w\n");
        ScenarioRunner.Execution ex = ScenarioRunner.start(s, new FakeTarget());
        assertEquals("mmap", ex.peek().name());
        assertEquals("1 1 mmap -> 0x7efffffff000", ReportText.resultLine(ex.step()));
        assertNull(ex.step()); // dump reports no result line
        assertEquals(1, ex.partial().dumps().size());
        assertTrue(ex.hasNext());
        RunReport r = ex.finish();
        assertFalse(ex.hasNext());
        assertEquals(ReportJson.toJson(ScenarioRunner.run(s, new FakeTarget())), ReportJson.toJson(r));
    }

    @Test
    void touchFromAnUnalignedAddressCoversEveryOverlappedPage() {
        FakeTarget t = new FakeTarget();
        ScenarioRunner.run(parse("mmap 0x100000000000 12K rw- fixed\ntouch 0x100000000800 4K r\n"), t);
        assertEquals(List.of("touch 0x100000000800 r", "touch 0x100000001000 r"),
                t.calls.stream().filter(c -> c.startsWith("touch")).toList());
    }
}
