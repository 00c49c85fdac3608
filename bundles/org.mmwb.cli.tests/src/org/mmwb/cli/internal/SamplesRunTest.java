package org.mmwb.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every bundled sample runs on the simulator through ./mmwb run, as a newcomer would run it. */
class SamplesRunTest {

    private static Path samples() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("samples/default.mms"))) {
                return d.resolve("samples");
            }
        }
        throw new AssertionError("samples/default.mms not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void everySampleRunsCleanly() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(samples())) {
            files = s.filter(p -> p.toString().endsWith(".mms")).sorted().toList();
        }
        assertTrue(files.size() >= 7, "samples: " + files);
        for (Path f : files) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] {"run", f.toString()});
            String o = out.toString(StandardCharsets.UTF_8);
            assertEquals(Cli.OK, code, f + ": " + err.toString(StandardCharsets.UTF_8));
            assertFalse(o.contains("error(") || o.contains("unresolved("), f + ":\n" + o);
            assertTrue(o.contains("final pid 1:") || o.contains("final pid"), f + ":\n" + o);
        }
    }
}
