package org.mmwb.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The mlockall, munlockall and capdrop lines: the MCL_* bits and capability number each target receives. */
class MlockallOpsTest {

    @Test
    void flagsBecomeTheKernelsBits() {
        FakeTarget t = new FakeTarget();
        ScenarioRunner.run(ScenarioRunnerTest.parse("""
                mlockall current
                mlockall future onfault
                mlockall current future onfault
                mlockall
                mlockall onfault
                mlockall current bits=0x10
                munlockall
                capdrop CAP_IPC_LOCK
                """), t);
        assertEquals(List.of("mlockall 0x1", "mlockall 0x6", "mlockall 0x7", "mlockall 0x0", "mlockall 0x4",
                "mlockall 0x11", "munlockall", "capdrop 14"),
                t.calls.stream().filter(c -> c.startsWith("mlockall") || c.startsWith("munlockall")
                        || c.startsWith("capdrop")).toList());
    }

    @Test
    void badWordsAreReportedAtTheirColumn() {
        ParseResult r = new ScenarioParser().parse("t.mms", """
                mlockall current later
                munlockall now
                capdrop CAP_SYS_ADMIN
                mlockall bits=x
                """);
        assertFalse(r.ok());
        String e = r.errorText();
        for (String line : List.of("t.mms:1:", "t.mms:2:", "t.mms:3:", "t.mms:4:")) {
            assertTrue(e.contains(line), e);
        }
    }
}
