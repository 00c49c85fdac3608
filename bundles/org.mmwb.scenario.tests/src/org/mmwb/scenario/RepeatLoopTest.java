package org.mmwb.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The {@code repeat} loop of the scenario language: expansion, loop-variable terms and every bad loop's error. */
class RepeatLoopTest extends ParseFixture {

    private List<String> calls(String text) {
        FakeTarget t = new FakeTarget();
        ScenarioRunner.run(ok(text), t);
        return t.calls;
    }

    @Test
    void aOneLineLoopRunsItsOperationWithTheVariableReplaced() {
        List<String> calls = calls("""
                $b = mmap 0x100000000000 40K rw- fixed
                repeat $i 0 5 { mprotect $b+$i*8K 4K r-- }
                """);
        assertEquals(List.of("mprotect 0x100000000000 0x1000 1", "mprotect 0x100000002000 0x1000 1",
                "mprotect 0x100000004000 0x1000 1", "mprotect 0x100000006000 0x1000 1",
                "mprotect 0x100000008000 0x1000 1"), calls.subList(1, calls.size()));
    }

    @Test
    void blockLoopsNestStepAndTakeVariablesInSizes() {
        Scenario s = ok("""
                repeat $i 0 6 2 {
                  repeat $j 1 3 {
                    munmap 0x100000000000+$i*1M+$j*4K $j*4K
                  }
                  touch 0x100000000000+$i*1M 4K r
                }
                """);
        assertEquals(9, s.ops().size(), "3 iterations of (2 munmaps + 1 touch)");
        FakeTarget t = new FakeTarget();
        ScenarioRunner.run(s, t);
        assertEquals(List.of("munmap 0x100000001000 0x1000", "munmap 0x100000002000 0x2000",
                "munmap 0x100000201000 0x1000", "munmap 0x100000202000 0x2000",
                "munmap 0x100000401000 0x1000", "munmap 0x100000402000 0x2000"),
                t.calls.stream().filter(c -> c.startsWith("munmap")).toList());
        assertEquals(3, s.ops().get(0).line(), "operations keep their own line numbers");
        assertEquals(5, s.ops().get(2).line());
    }

    @Test
    void aHundredThousandIterationsCostTheBodyOnce() {
        Scenario s = ok("""
                $b = mmap 0 800M rw-
                repeat $i 0 100000 { mprotect $b+$i*8K 4K r-- }
                """);
        assertEquals(100_001, s.ops().size());
        assertEquals("mprotect", s.ops().get(100_000).name());
        Expr addr = s.ops().get(100_000).arg("ADDR");
        assertEquals(new Expr.Offset(new Expr.Bound("b", 31), false, 99_999L * 8192, 31), addr);
    }

    @Test
    void bindingsMadeInALoopAreRebound() {
        List<String> calls = calls("""
                repeat $i 0 3 {
                  $m = mmap 0x100000000000+$i*1M 4K rw- fixed
                  munmap $m 4K
                }
                """);
        assertEquals(List.of("munmap 0x100000000000 0x1000", "munmap 0x100000100000 0x1000",
                "munmap 0x100000200000 0x1000"), calls.stream().filter(c -> c.startsWith("munmap")).toList());
    }

    @Test
    void badLoopsAreClearErrorsAtTheirLineAndColumn() {
        assertError("t.mms:1:1: repeat $i is not closed; expected a line '}' before the end of the file"
                + " (line 2)", "repeat $i 0 4 {\nmunmap 0x1000 4K\n");
        assertError("t.mms:1:1: '}' closes no repeat loop; expected a line 'repeat $VAR FROM TO {' before it", "}\n");
        assertError("t.mms:1:15: repeat: STEP is 0, the loop would never end; expected a step of 1 or more",
                "repeat $i 0 4 0 { munmap 0x1000 4K }\n");
        assertFirstError("t.mms:1:13: repeat: expected TO (the loop must be bounded); usage: repeat $VAR FROM TO [STEP]"
                + " { ... } (e.g. repeat $i 0 100 { mprotect $a+$i*8K 4K r-- })", "repeat $i 0 { munmap 0x1000 4K }\n");
        assertFirstError("t.mms:1:13: repeat runs 1000000000000 iterations; expected at most 10000000 operations"
                + " in a scenario (that many would run for hours)", "repeat $i 0 1000000000000 {\n}\n");
        assertError("t.mms:1:1: repeat $i runs 5000 iterations of 5000 operations; expected at most 10000000"
                + " operations in a scenario", "repeat $i 0 5000 {\nrepeat $j 0 5000 { munmap 0x1000 4K }\n}\n");
        assertError("t.mms:2:8: munmap: expected ADDR, an address (number, $name or [special], optionally +/-"
                + " a size), but found 'nonsense'", "repeat $i 0 4 {\nmunmap nonsense 4K\n}\n");
        assertError("t.mms:2:8: $j is not bound; expected a binding made on an earlier line, e.g. '$j = mmap"
                + " 0 4K rw-'", "repeat $i 0 4 {\nmunmap $j 4K\n}\n");
        assertError("t.mms:2:8: $i is not bound; expected a binding made on an earlier line, e.g. '$i = mmap"
                + " 0 4K rw-'", "repeat $i 0 4 { munmap 0x1000 4K }\nmunmap $i 4K\n",
                "the variable is gone after its loop");
        assertError("t.mms:1:1: repeat $i has no operation in its body; expected at least one line between"
                + " '{' and '}'", "repeat $i 0 4 {\n}\n");
        assertError("t.mms:1:17: repeat: expected '}' at the end of a one-line loop, or nothing after '{' to"
                + " continue on the next lines", "repeat $i 0 4 { munmap 0x1000 4K\n");
        assertError("t.mms:2:1: $i is the variable of the repeat loop on line 1; expected another name for the"
                + " binding", "repeat $i 0 4 {\n$i = mmap 0 4K rw-\n}\n");
        assertError("t.mms:1:24: $i*9223372036854775808 leaves the 64-bit range when $i = 3; expected a smaller"
                + " factor", "repeat $i 0 4 { munmap $i*0x8000000000000000 4K }\n");
        assertError("t.mms:1:13: repeat: TO (2) is below FROM (4); expected FROM <= TO",
                "repeat $i 4 2 { munmap 0x1000 4K }\n");
    }
}
