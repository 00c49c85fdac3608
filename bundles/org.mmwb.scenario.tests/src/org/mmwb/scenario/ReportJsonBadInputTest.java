package org.mmwb.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Stored reports that are cut short, mistyped, impossible or huge: {@link ReportJson#read(Reader)} answers each
 * with a {@link ReportFormatException} naming the place in the report and the line and column of the text, never
 * with another exception; the repository's recorded kernel runs (differential/recorded) are cut at 50 seeded
 * random offsets each.
 */
class ReportJsonBadInputTest {
    private static final String HEAD = "{\"profile\":\"x86_64-6.18\",\"levels\":4,\"results\":[],\"dumps\":[";
    private static final String VMA = "{\"start\":\"0x1000\",\"end\":\"0x3000\",\"perms\":\"rw-p\",\"pgoff\":0,\"name\":\"\","
        + "\"flags\":[],\"pages\":\"A.\"}";

    private static ReportFormatException error(String json) {
        return assertThrows(ReportFormatException.class, () -> ReportJson.read(json), json);
    }

    /** The differential suite's recorded runs: the repository's stored reports. */
    static List<Path> recordedRuns() throws IOException {
        Path repo = null;
        String prop = System.getProperty("mmwb.repo");
        for (Path d = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("differential/recorded"))) {
                repo = d;
                break;
            }
        }
        assertTrue(repo != null, "differential/recorded not found");
        try (Stream<Path> s = Files.list(repo.resolve("differential/recorded"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void everyRecordedRunCutAtFiftyRandomOffsetsIsAnErrorWithItsPosition() throws Exception {
        Random random = new Random(1404);
        List<Path> runs = recordedRuns();
        assertTrue(runs.size() >= 100, runs.size() + " recorded runs");
        int cuts = 0;
        for (Path run : runs) {
            String whole = Files.readString(run);
            assertEquals(ReportJson.read(whole).profile(), ReportJson.read(whole).profile(), "reads whole: " + run);
            for (int i = 0; i < 50; i++) {
                int cut = 1 + random.nextInt(whole.length() - 1);
                String prefix = whole.substring(0, cut);
                if (prefix.strip().equals(whole.strip())) {
                    continue; // only the final line break was cut: still the whole report
                }
                ReportFormatException e = error(prefix);
                String where = e.at(run.getFileName().toString());
                assertFalse(where.contains("\n") || where.contains("Exception") || where.contains("http"), where);
                long lines = prefix.chars().filter(c -> c == '\n').count() + 1;
                assertTrue(e.line() >= 1 && e.line() <= lines, where + " (the text has " + lines + " lines)");
                assertTrue(where.startsWith(run.getFileName() + ":" + e.line() + ":" + e.column() + ": "), where);
                cuts++;
            }
        }
        assertTrue(cuts > 40 * runs.size(), cuts + " cuts");
    }

    @Test
    void wrongTypesAndImpossibleValuesNameThePlace() {
        String[][] cases = {
            { "{\"profile\":7,\"results\":[],\"dumps\":[]}", "report.profile: expected a string" },
            { "{\"foo\":1}", "not an mmwb report: a JSON object without \"profile\", \"results\" and \"dumps\" (a "
                + "report is what ./mmwb run --json writes)" },
            { "{\"results\":[],\"dumps\":[]}", "report.profile: missing (a string naming the kernel profile)" },
            { "{\"profile\":\"x\",\"dumps\":[]}", "report.results: missing (an array)" },
            { "{\"profile\":\"x\",\"levels\":\"4\",\"results\":[],\"dumps\":[]}", "report.levels: expected a number" },
            { "{\"profile\":\"x\",\"levels\":3,\"results\":[],\"dumps\":[]}",
                "report.levels: expected 4 or 5 (page-table levels) but found 3" },
            { "{\"profile\":\"x\",\"results\":{},\"dumps\":[]}", "report.results: expected an array" },
            { "{\"profile\":\"x\",\"results\":[{\"line\":1e400,\"pid\":1,\"op\":\"x\",\"result\":\"ok\"}],\"dumps\":[]}",
                "results[0].line: expected a whole number that fits 64 bits" },
            { "{\"profile\":\"x\",\"results\":[{\"line\":99999999999999999999,\"pid\":1,\"op\":\"x\",\"result\":\"ok\"}],"
                + "\"dumps\":[]}", "results[0].line: expected a whole number that fits 64 bits" },
            { "{\"profile\":\"x\",\"results\":[{\"line\":4294967296,\"pid\":1,\"op\":\"x\",\"result\":\"ok\"}],"
                + "\"dumps\":[]}", "results[0].line: expected a line number (1 to 2147483647) but found 4294967296" },
            { "{\"profile\":\"x\",\"results\":[{\"line\":1,\"pid\":-1,\"op\":\"x\",\"result\":\"ok\"}],\"dumps\":[]}",
                "results[0].pid: expected a process id (0 to 2147483647) but found -1" },
            { "{\"profile\":\"x\",\"results\":[{\"line\":1,\"pid\":1.5,\"op\":\"x\",\"result\":\"ok\"}],\"dumps\":[]}",
                "results[0].pid: expected a whole number that fits 64 bits" },
            { "{\"profile\":\"x\",\"results\":[{\"line\":1,\"pid\":1,\"op\":[],\"result\":\"ok\"}],\"dumps\":[]}",
                "results[0].op: expected a string" },
            { "{\"profile\":\"x\",\"results\":[{\"line\":1,\"pid\":1,\"op\":\"x\",\"result\":[1]}],\"dumps\":[]}",
                "results[0].result[0]: expected a string" },
            { HEAD + "{\"line\":null,\"pid\":1,\"vmas\":[" + VMA.replace("\"0x3000\"", "\"0x800\"") + "]}]}",
                "dumps[0].vmas[0]: 0x1000-0x800 is not page-aligned" },
            { HEAD + "{\"line\":null,\"pid\":1,\"vmas\":[" + VMA.replace("\"0x3000\"", "\"0x1000\"") + "]}]}",
                "dumps[0].vmas[0]: end 0x1000 is not above start 0x1000" },
            { HEAD + "{\"line\":null,\"pid\":1,\"vmas\":[" + VMA.replace("\"0x1000\"", "\"0x10000000000000000\"")
                + "]}]}", "dumps[0].vmas[0].start: expected a 0x-hex string but found '0x10000000000000000'" },
            { HEAD + "{\"line\":null,\"pid\":1,\"vmas\":[" + VMA.replace("\"pgoff\":0", "\"pgoff\":-4096") + "]}]}",
                "dumps[0].vmas[0].pgoff: expected a number of 0 or more but found -4096" },
            { HEAD + "{\"line\":null,\"pid\":1,\"vmas\":[" + VMA.replace("rw-p", "rwxz") + "]}]}",
                "dumps[0].vmas[0].perms: expected 4 letters like \"rw-p\" but found 'rwxz'" },
            { HEAD + "{\"line\":null,\"pid\":1,\"vmas\":[" + VMA.replace("\"A.\"", "\"AAA\"") + "]}]}",
                "dumps[0].vmas[0].pages: 3 page letters for a VMA of 2 pages" },
            { HEAD + "{\"line\":null,\"pid\":1,\"vmas\":[" + VMA + "," + VMA + "]}]}",
                "dumps[0].vmas[1]: starts at 0x1000, below the end of the VMA before it (0x3000): VMAs overlap or are "
                    + "out of order" },
            { HEAD + "{\"line\":null,\"pid\":1,\"vmas\":[" + VMA.replace("\"flags\":[]", "\"flags\":\"rd\"") + "]}]}",
                "dumps[0].vmas[0].flags: expected an array" },
            { HEAD + "],\"faults\":[{\"seq\":-1,\"pid\":1,\"address\":\"0x1000\",\"access\":\"r\",\"vma\":\"\","
                + "\"handler\":\"h\",\"pgoff\":0,\"result\":\"NOPAGE\",\"pfn\":null}]}",
                "faults[0].seq: expected a number of 0 or more but found -1" },
            { HEAD + "],\"faults\":[{\"seq\":0,\"pid\":1,\"address\":4096,\"access\":\"r\",\"vma\":\"\","
                + "\"handler\":\"h\",\"pgoff\":0,\"result\":\"NOPAGE\",\"pfn\":null}]}",
                "faults[0].address: expected a string" },
            { HEAD + "]}{}", "not valid JSON: more after the report object" },
            { HEAD + "]", "not valid JSON: the text ends early, inside dumps (a truncated file?)" },
            { "{\"profile\":\"x\",\"results\":[],\"dumps\":[],\"x\":" + "[".repeat(300) + "]".repeat(300) + "}",
                "not valid JSON: nesting limit 255 reached" },
            { "{\"profile\":\"x\" \"results\":[]}", "not valid JSON: unterminated object" },
            { "{\"profile\":x}", "not valid JSON: a syntax error" },
        };
        for (String[] c : cases) {
            ReportFormatException e = error(c[0]);
            assertEquals(c[1], e.getMessage(), c[0]);
            assertTrue(e.line() == 1 && e.column() >= 1, c[0] + " -> " + e.line() + ":" + e.column());
        }
        ReportFormatException e = error("{\n  \"profile\": \"x\",\n  \"levels\": 9,\n  \"results\": []\n}");
        assertEquals("r.json:3:14: report.levels: expected 4 or 5 (page-table levels) but found 9", e.at("r.json"));
    }

    @Test
    void binaryDataIsNotUtf8() {
        Reader in = new InputStreamReader(new ByteArrayInputStream(new byte[] { '{', '"', (byte) 0xc3, '"', (byte) 0xff }),
            StandardCharsets.UTF_8.newDecoder());
        ReportFormatException e = assertThrows(ReportFormatException.class, () -> ReportJson.read(in));
        assertEquals("not UTF-8 text (binary data?)", e.getMessage());
    }

    /** A report of a million faults is read streamed, without its text or a JSON tree in memory. */
    @Test
    void aMillionFaultsRead() throws Exception {
        int n = 1_000_000;
        RunReport r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> ReportJson.read(new Reader() {
            private final StringBuilder chunk = new StringBuilder(HEAD + "],\"faults\":[");
            private int next;
            private int pos;

            @Override
            public int read(char[] buf, int off, int len) {
                if (pos == chunk.length()) {
                    if (next > n) {
                        return -1;
                    }
                    chunk.setLength(0);
                    pos = 0;
                    chunk.append(next == n ? "]}" : (next > 0 ? "," : "") + "{\"seq\":" + next + ",\"pid\":1,\"address\":"
                        + "\"0x" + Long.toHexString(0x100000000000L + ((long) next << 12)) + "\",\"access\":\"w\","
                        + "\"vma\":\"\",\"handler\":\"do_anonymous_page\",\"pgoff\":" + next + ",\"result\":\"NOPAGE\","
                        + "\"pfn\":\"0x" + Integer.toHexString(next) + "\"}");
                    next++;
                }
                int k = Math.min(len, chunk.length() - pos);
                chunk.getChars(pos, pos + k, buf, off);
                pos += k;
                return k;
            }

            @Override
            public void close() {
            }
        }));
        assertEquals(n, r.faults().size());
        assertEquals(0x100000000000L + ((long) (n - 1) << 12), r.faults().get(n - 1).address());
    }
}
