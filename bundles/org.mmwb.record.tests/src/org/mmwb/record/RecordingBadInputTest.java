package org.mmwb.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwb.record.replay.ReplayReport;
import org.mmwb.record.replay.Replayer;
import org.mmwb.x86.X86Profiles;

/**
 * Recordings that are broken, hostile or huge (docs/recording.md, "Bad input"): each gets one line naming the
 * file and the line, never another exception, a hang or an exhausted heap; what the reader accepts, the replay
 * runs without an exception. The sample recordings are those of recordings/ (two real programs on 6.18.44).
 */
class RecordingBadInputTest {
    static final List<String> SAMPLES = List.of("sh-c-true.mmwb-rec", "fork_cow.mmwb-rec");
    private static final String HEADER = RecordingReaderTest.HEADER;
    private static final String VMA = "{\"start\":\"7ffffffde000\",\"end\":\"7ffffffff000\",\"perms\":\"rw-p\",\"pgoff\":"
        + "\"0\",\"dev\":\"00:00\",\"ino\":0,\"name\":\"[stack]\"}";

    @TempDir
    Path dir;

    static byte[] sample(String name) throws IOException {
        try (InputStream in = RecordingBadInputTest.class.getResourceAsStream("/recordings/" + name)) {
            assertTrue(in != null, "recordings/" + name + " is not on the class path");
            return in.readAllBytes();
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String error(Path file) {
        return assertThrows(RecordingException.class, () -> RecordingReader.read(file)).getMessage();
    }

    /** A message for the user: one line, starting with the file's name, naming no Java exception. */
    private static void clean(String message, Path file) {
        assertTrue(message.startsWith(file.toString() + ":"), message);
        assertFalse(message.contains("\n"), message);
        assertFalse(message.matches(".*(Exception|Error)\\b.*"), message);
    }

    @Test
    void theSamplesReadAndReplayExactly() throws Exception {
        for (String name : SAMPLES) {
            Path f = Files.write(dir.resolve(name), sample(name));
            Recording r = RecordingReader.read(f);
            assertTrue(r.complete(), name);
            ReplayReport rep = new Replayer(X86Profiles.x86_64_6_18(), r).run();
            assertEquals(0, rep.differenceCount(), name + ": " + rep.differences());
        }
    }

    /** Each sample cut at 50 seeded random offsets: a FILE:LINE error, or (cut at a line end) an incomplete one. */
    @Test
    void truncatedAtRandomOffsetsGivesACleanError() throws Exception {
        Random random = new Random(14);
        for (String name : SAMPLES) {
            byte[] whole = sample(name);
            int errors = 0;
            for (int i = 0; i < 50; i++) {
                int cut = 1 + random.nextInt(whole.length - 1);
                Path f = Files.write(dir.resolve("cut-" + cut + "-" + name), Arrays.copyOf(whole, cut));
                Recording r;
                try {
                    r = RecordingReader.read(f);
                } catch (RecordingException e) {
                    clean(e.getMessage(), f);
                    int line = 1 + (int) new String(whole, 0, cut, StandardCharsets.UTF_8).chars()
                        .filter(c -> c == '\n').count();
                    assertTrue(e.getMessage().startsWith(f + ":" + line + ": "), "the cut line " + line + ": "
                        + e.getMessage());
                    errors++;
                    continue;
                }
                assertTrue(whole[cut - 1] == '\n' || whole[cut] == '\n', "only a cut at a line end reads: " + cut);
                assertFalse(r.complete(), "a recording without its end line is incomplete");
                assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> new Replayer(X86Profiles.x86_64_6_18(), r).run());
            }
            assertTrue(errors > 40, name + ": most cuts fall inside a line: " + errors);
        }
    }

    @Test
    void wrongTypesAndImpossibleValuesNameTheLine() throws Exception {
        String[][] cases = {
            { "{\"t\":\"1\",\"type\":\"task_end\",\"pid\":1,\"tid\":1}", "\"t\" is not a number" },
            { "{\"t\":1,\"type\":\"task_end\",\"pid\":[1],\"tid\":1}", "missing number \"pid\"" },
            { "{\"t\":1,\"type\":\"task_end\",\"pid\":1.5,\"tid\":1}", "\"pid\" is not a whole number that fits 64 bits" },
            { "{\"t\":1e30,\"type\":\"task_end\",\"pid\":1,\"tid\":1}", "\"t\" is not a whole number that fits 64 bits" },
            { "{\"t\":123456789012345678901234567890,\"type\":\"task_end\",\"pid\":1,\"tid\":1}",
                "\"t\" is not a whole number that fits 64 bits: 123456789012345678901234567890" },
            { "{\"t\":1,\"type\":\"task_end\",\"pid\":4294967297,\"tid\":1}",
                "\"pid\" is not a process or thread id (0 to 2147483647): 4294967297" },
            { "{\"t\":1,\"type\":\"task_end\",\"pid\":-3,\"tid\":1}", "\"pid\" is not a process or thread id" },
            { "{\"t\":1,\"type\":\"file\",\"dev\":\"fe:00\",\"ino\":7,\"path\":\"/x\",\"size\":-4096}",
                "\"size\" is negative: -4096" },
            { "{\"t\":1,\"type\":\"file\",\"dev\":\"fe:00\",\"ino\":7,\"path\":\"/x\",\"size\":8192,\"cached\":[[1,2]]}",
                "\"cached\": the run [1, 2] is outside the 2 pages it describes" },
            { "{\"t\":1,\"type\":\"file\",\"dev\":\"fe:00\",\"ino\":7,\"path\":\"/x\",\"size\":8192,\"cached\":[[0,-1]]}",
                "\"cached\": the run [0, -1] is outside the 2 pages it describes" },
            { "{\"t\":1,\"type\":\"file\",\"dev\":\"fe:00\",\"ino\":7,\"path\":\"/x\",\"size\":8192,\"cached\":{}}",
                "\"cached\" is not an array" },
            { "{\"t\":1,\"type\":\"file\",\"dev\":\"fe\",\"ino\":7,\"path\":\"/x\",\"size\":1}",
                "\"dev\" is not a device like \"fe:00\": 'fe'" },
            { "{\"t\":1,\"type\":\"fault\",\"pid\":1,\"tid\":1,\"addr\":\"10000000000000000\",\"ip\":\"0\",\"error\":\"4\"}",
                "\"addr\" is not a hexadecimal number: '10000000000000000'" },
            { "{\"t\":1,\"type\":\"fault\",\"pid\":1,\"tid\":1,\"addr\":1000,\"ip\":\"0\",\"error\":\"4\"}",
                "missing hexadecimal string \"addr\"" },
            { "{\"t\":1,\"type\":\"fault\",\"pid\":1,\"tid\":1,\"addr\":\"1000\",\"ip\":\"0\",\"error\":\"4\","
                + "\"kernel\":[true]}", "missing true/false \"kernel\"" },
            { "{\"t\":1,\"type\":\"fault\",\"pid\":1,\"tid\":1,\"addr\":\"1000\",\"ip\":\"0\",\"error\":\"100000000\"}",
                "\"error\" is not a 32-bit x86 error code: 100000000" },
            { "{\"t\":1,\"type\":\"sys\",\"pid\":1,\"tid\":1,\"name\":\"mmap\",\"nr\":9,\"args\":[{},\"0\"]}",
                "\"args\" is not an array of hexadecimal strings" },
            { "{\"t\":1,\"type\":\"sys\",\"pid\":1,\"tid\":1,\"name\":\"mmap\",\"nr\":9,\"args\":\"0\"}",
                "a \"sys\" line without \"args\"" },
            { "{\"t\":1,\"type\":\"sys\",\"pid\":1,\"tid\":1,\"name\":\"mmap\",\"nr\":99999999999,\"args\":[]}",
                "\"nr\" does not fit 32 bits: 99999999999" },
            { "{\"t\":1,\"type\":\"exec\",\"pid\":1,\"tid\":1,\"start_brk\":\"0\",\"start_stack\":\"0\",\"vmas\":{}}",
                "no \"vmas\" array" },
            { "{\"t\":1,\"type\":\"exec\",\"pid\":1,\"tid\":1,\"start_brk\":\"0\",\"start_stack\":\"0\",\"vmas\":[7]}",
                "a VMA that is not an object" },
            { exec("{\"start\":\"2000\",\"end\":\"1000\",\"perms\":\"rw-p\",\"pgoff\":\"0\",\"ino\":0}"),
                "VMA 2000-1000 ends at or below its start" },
            { exec("{\"start\":\"1001\",\"end\":\"2000\",\"perms\":\"rw-p\",\"pgoff\":\"0\",\"ino\":0}"),
                "VMA 1001-2000 is not page-aligned" },
            { exec("{\"start\":\"1000\",\"end\":\"2000\",\"perms\":\"rw\",\"pgoff\":\"0\",\"ino\":0}"),
                "VMA 1000-2000: \"perms\" is not like \"rw-p\": 'rw'" },
            { exec("{\"start\":\"1000\",\"end\":\"3000\",\"perms\":\"rw-p\",\"pgoff\":\"0\",\"ino\":0},"
                + "{\"start\":\"2000\",\"end\":\"4000\",\"perms\":\"rw-p\",\"pgoff\":\"0\",\"ino\":0}"),
                "VMA 2000-4000 starts below the end of the VMA before it" },
            { exec("{\"start\":\"1000\",\"end\":\"3000\",\"perms\":\"rw-p\",\"pgoff\":\"0\",\"ino\":0,"
                + "\"anon_present\":[[1,5]]}"), "\"anon_present\": the run [1, 5] is outside the 2 pages it describes" },
            { exec("{\"start\":\"1000\",\"end\":\"3000\",\"perms\":\"rw-p\",\"pgoff\":\"0\",\"ino\":0,"
                + "\"anon_present\":[[\"0\",1]]}"), "\"anon_present\": a page run that is not [first, count]" },
            // 2^27 pages present: twice what the replay would touch
            { exec("{\"start\":\"100000000000\",\"end\":\"108000000000\",\"perms\":\"rw-p\",\"pgoff\":\"0\",\"ino\":0,"
                + "\"anon_present\":[[0,134217728]]}"), "the recording names more than 67108864 present or cached "
                + "pages in all (256 GiB)" },
            { "{\"t\":1,\"type\":\"end\",\"complete\":\"yes\",\"lost\":0,\"throttled\":0,\"syscalls\":0,\"faults\":0,"
                + "\"wall_ns\":1}", "missing true/false \"complete\"" },
            { "[1,2,3]", "not a JSON object" },
            { "{\"t\":1,\"type\":\"task_end\",\"pid\":1,\"tid\":1", "not JSON (end of input at column 41)" },
            { "{\"t\":1,\"type\":\"file\",\"path\":\"/x", "not JSON (unterminated string at column 32)" },
            { "{\"t\":1 \"type\":\"file\"}", "not JSON (unterminated object at column 9)" },
        };
        for (String[] c : cases) {
            Path f = write("bad.rec", HEADER + c[0] + "\n");
            String m;
            try {
                RecordingReader.read(f);
                throw new AssertionError("not refused: " + c[0]);
            } catch (RecordingException e) {
                m = e.getMessage();
            }
            clean(m, f);
            assertTrue(m.startsWith(f + ":2: " + c[1]), c[0] + "\n -> " + m + "\n expected " + c[1]);
        }
        Path h = write("header.rec", "{\"mmwb_recording\":1,\"command\":[\"ls\",{}]}\n");
        assertEquals(h + ":1: \"command\" is not an array of strings", error(h));
        Path v = write("version.rec", "{\"mmwb_recording\":99999999999999999999}\n");
        assertTrue(error(v).startsWith(v + ":1: \"mmwb_recording\" is not a whole number"), error(v));
    }

    private static String exec(String vmas) {
        return "{\"t\":1,\"type\":\"exec\",\"pid\":1,\"tid\":1,\"start_brk\":\"0\",\"start_stack\":\"0\",\"vmas\":["
            + vmas + "]}";
    }

    @Test
    void filesThatAreNotRecordingsAreRefusedByName() throws Exception {
        assertEquals("/dev/zero: is a character device, not a regular file (mmwb reads files, which end)",
            error(Path.of("/dev/zero")));
        assertEquals(dir + ": is a directory, not a file", error(dir));
        Path none = dir.resolve("none.rec");
        assertEquals(none + ": no such file", error(none));
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.rec"), dir.resolve("gone"));
        assertEquals(dangling + ": a symbolic link to '" + dir.resolve("gone") + "', which does not exist",
            error(dangling));
        Path loop = Files.createSymbolicLink(dir.resolve("loop.rec"), dir.resolve("loop.rec"));
        assertEquals(loop + ": a loop of symbolic links", error(loop));
        Path real = Files.write(dir.resolve("real.rec"), sample(SAMPLES.get(0)));
        Path link = Files.createSymbolicLink(dir.resolve("link.rec"), real);
        assertTrue(RecordingReader.read(link).complete(), "a symbolic link to a recording reads");
        // FIFOs, sockets and files larger than the heap: InputFiles, tested with ReportFiles (host.tests)

        // binary data: not UTF-8, or no line end for 64 MiB (a file of NUL bytes)
        Path binary = Files.write(dir.resolve("binary.rec"), new byte[] { '{', (byte) 0xff, (byte) 0xfe, 0, '\n' });
        assertEquals(binary + ":1: not UTF-8 text (binary data?)", error(binary));
        Path nul = Files.write(dir.resolve("nul.rec"), new byte[65 << 20]);
        assertEquals(nul + ":1: a line longer than 64 MiB characters: not a recording line (binary data, or the "
            + "line breaks are missing?)", assertTimeoutPreemptively(Duration.ofSeconds(60), () -> error(nul)));
        Path small = Files.write(dir.resolve("small-limit.rec"), sample(SAMPLES.get(0)));
        assertEquals(small + ": " + Files.size(small) + " bytes is more than mmwb reads with this Java heap (at most "
            + "1000 bytes, half the heap; MMWB_JAVA_OPTS=-Xmx8g raises it)",
            assertThrows(RecordingException.class, () -> RecordingReader.read(small, 1000)).getMessage());
    }

    /** A million fault lines read in bounded time (each is ~90 bytes of text and a 56-byte event) and replay. */
    @Test
    void aMillionFaultsReadAndReplay() throws Exception {
        Path f = dir.resolve("million.rec");
        try (BufferedWriter w = Files.newBufferedWriter(f)) {
            w.write(HEADER);
            w.write("{\"t\":1,\"type\":\"exec\",\"pid\":10,\"tid\":10,\"exe\":\"/t\",\"start_brk\":\"600000\","
                + "\"start_stack\":\"7fffffffe000\",\"vmas\":[{\"start\":\"100000000000\",\"end\":\"100040000000\","
                + "\"perms\":\"rw-p\",\"pgoff\":\"0\",\"dev\":\"00:00\",\"ino\":0,\"name\":\"\"}," + VMA + "]}\n");
            for (int i = 0; i < 1_000_000; i++) {
                w.write("{\"t\":" + (2 + i) + ",\"type\":\"fault\",\"pid\":10,\"tid\":10,\"addr\":\""
                    + Long.toHexString(0x100000000000L + ((long) (i % 262144) << 12)) + "\",\"ip\":\"401000\","
                    + "\"error\":\"" + (i < 262144 ? "6" : "7") + "\"}\n");
            }
        }
        Recording r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> RecordingReader.read(f));
        assertEquals(1_000_001, r.events().size());
        ReplayReport rep = assertTimeoutPreemptively(Duration.ofSeconds(60),
            () -> new Replayer(X86Profiles.x86_64_6_18(), r).run());
        assertEquals(1_000_000, rep.faults());
        assertEquals(262144, rep.faultsMatched(), "the first write to each page faults; the rest find it mapped");
    }

    /**
     * Seeded mutations of the samples' numbers and hexadecimal values (random 64-bit values, 0, -1, huge sizes):
     * the reader refuses a line by name or accepts it, and the replay of what it accepts never throws or hangs.
     */
    @Test
    void mutatedValuesAreRefusedOrReplayed() throws Exception {
        Random random = new Random(1414);
        Pattern value = Pattern.compile("(\"[a-z_]+\":)(\"[0-9a-f]+\"|-?[0-9]+)");
        String[] odd = { "0", "-1", "ffffffffffffffff", "8000000000000000", "fff", "7fffffffffff", "1000" };
        int refused = 0;
        int replayed = 0;
        for (String name : SAMPLES) {
            String[] lines = new String(sample(name), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < 100; i++) {
                String[] copy = lines.clone();
                int n = 1 + random.nextInt(copy.length - 1);
                Matcher m = value.matcher(copy[n]);
                int count = (int) m.results().count();
                if (count == 0) {
                    continue;
                }
                m.reset();
                int pick = random.nextInt(count);
                StringBuilder sb = new StringBuilder();
                for (int k = 0; m.find(); k++) {
                    if (k == pick) {
                        String v = random.nextBoolean() ? odd[random.nextInt(odd.length)]
                            : Long.toHexString(random.nextLong());
                        boolean quoted = m.group(2).startsWith("\"");
                        m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + (quoted ? "\"" + v + "\""
                            : v.matches("-?[0-9]+") ? v : Long.toString(Long.parseUnsignedLong(v, 16) >>> 1))));
                    }
                }
                m.appendTail(sb);
                copy[n] = sb.toString();
                Path f = write("mutated-" + i + "-" + name, String.join("\n", copy) + "\n");
                Recording r;
                try {
                    r = RecordingReader.read(f);
                } catch (RecordingException e) {
                    clean(e.getMessage(), f);
                    refused++;
                    continue;
                }
                assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> new Replayer(X86Profiles.x86_64_6_18(), r).run(), copy[n]);
                replayed++;
            }
        }
        assertTrue(refused > 10 && replayed > 10, refused + " refused, " + replayed + " replayed");
    }
}
