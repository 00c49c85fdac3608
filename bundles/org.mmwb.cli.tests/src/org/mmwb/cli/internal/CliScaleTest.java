package org.mmwb.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwb.core.mm.FaultRecord;
import org.mmwb.scenario.ReportComparison;
import org.mmwb.scenario.ReportFormatException;
import org.mmwb.scenario.ReportJson;
import org.mmwb.scenario.RunReport;

/**
 * {@code run} at the sizes of real processes: hundreds of thousands of faults and VMAs through the JSON contract,
 * read back and compared. Correctness at size, not speed (speed is releng/scripts/scale-bench.sh's job).
 */
class CliScaleTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private RunReport runJson(String text) throws IOException, ReportFormatException {
        Path f = dir.resolve("s.mms");
        Files.writeString(f, text);
        out.reset();
        int rc = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] {"run", f.toString(), "--json"});
        assertEquals(Cli.OK, rc, err.toString(StandardCharsets.UTF_8));
        return ReportJson.read(new StringReader(out.toString(StandardCharsets.UTF_8)));
    }

    @Test
    void aQuarterGigabyteTouchGivesEveryFaultWithItsVmaName() throws Exception {
        RunReport r = runJson("""
                $a = mmap 0 256M rw-
                touch $a 256M w
                fork
                touch $a 256M w
                """);
        assertEquals(2 * 65_536, r.faults().size(), "65,536 anonymous faults, then 65,536 COW faults in the child");
        FaultRecord first = r.faults().get(0);
        FaultRecord cow = r.faults().get(65_536);
        assertEquals(1, first.pid());
        assertEquals(2, cow.pid());
        assertEquals("$a", first.sym());
        assertEquals("$a+0xfff000", r.faults().get(4095).sym());
        assertTrue(first.vma().matches("[0-9a-f]+-[0-9a-f]+"), "an unnamed VMA is named by its range: " + first.vma());
        assertEquals(first.vma(), cow.vma(), "the child's VMA has the parent's range");
        assertEquals(65_536, r.results().get(1).results().size(), "one touch result per page");
        assertTrue(r.results().get(1).results().stream().allMatch(x -> x.text().equals("ok")));
        assertTrue(ReportComparison.compare(r, "a", r, "b").agree());
    }

    @Test
    void aLoopOfTwentyThousandMprotectsSplitsFortyThousandVmas() throws Exception {
        RunReport r = runJson("""
                $a = mmap 0x100000000000 400M rw- fixed
                repeat $i 0 20000 { mprotect $a+$i*8K 4K r-- }
                touch $a 160000K r
                """);
        assertEquals(20_002, r.results().size());
        assertTrue(r.results().subList(1, 20_001).stream().allMatch(o -> o.result().text().equals("ok")
                && o.line() == 2), "every iteration's result carries the loop's line");
        long vmas = r.dumps().get(0).vmas().stream()
                .filter(v -> v.start() >= 0x100000000000L && v.end() <= 0x100000000000L + (400L << 20)).count();
        assertEquals(40_000, vmas, "20,000 read-only pages, 19,999 writable ones between them, the tail");
        assertEquals(40_000, r.faults().size());
    }

    @Test
    void comparisonMatchesLoopIterationsByOccurrence() throws Exception {
        RunReport a = runJson("""
                $a = mmap 0x100000000000 64K rw- fixed
                repeat $i 0 4 {
                  mprotect $a+$i*8K 4K r--
                  dump
                }
                """);
        RunReport b = runJson("""
                $a = mmap 0x100000000000 64K rw- fixed
                repeat $i 0 4 {
                  mprotect $a+$i*8K 4K r--
                  dump
                }
                munmap $a 4K
                """);
        ReportComparison.Result same = ReportComparison.compare(a, "a", a, "b");
        assertTrue(same.agree(), same.format());
        ReportComparison.Result diff = ReportComparison.compare(a, "a", b, "b");
        assertTrue(!diff.agree() && diff.format().contains("line 6") && !diff.format().contains("dump line 4"),
                "only the munmap and the final state differ; every dump of the loop matches:\n" + diff.format());
    }
}
