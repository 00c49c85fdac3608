package org.mmwb.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The sample scenarios in the repository's samples folder parse and run (on the fake) without errors. */
class SamplesTest {

    static final List<String> EXPECTED = List.of("default.mms", "file-cow.mms", "fork-cow.mms", "stack-growth.mms",
            "vdso-move.mms", "vvar-faults.mms");

    /** The repository's samples folder, found upwards from the working directory (the bundle folder). */
    static Path samples() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path s = p.resolve("samples");
            if (Files.isRegularFile(s.resolve("default.mms"))) {
                return s;
            }
        }
        return null;
    }

    @Test
    void everySampleParsesAndRuns() throws IOException {
        Path dir = samples();
        assertNotNull(dir, "samples/default.mms not found above " + Path.of("").toAbsolutePath());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".mms")).sorted().toList();
        }
        assertTrue(files.stream().map(p -> p.getFileName().toString()).toList().containsAll(EXPECTED));
        // The samples in the built-in language (others use extension operations such as iomap; the CLI tests run
        // every sample on the real simulator).
        for (Path f : files.stream().filter(p -> EXPECTED.contains(p.getFileName().toString())).toList()) {
            ParseResult r = new ScenarioParser().parse(f);
            assertTrue(r.ok(), r::errorText);
            RunReport report = ScenarioRunner.run(r.scenario(), new FakeTarget());
            assertEquals(r.scenario().ops().stream().filter(o -> o.spec().reportsResult()).count(),
                    report.results().size(), f.toString());
            assertTrue(report.results().stream().flatMap(o -> o.results().stream())
                    .noneMatch(x -> x.kind() == OpResult.Kind.ERROR), f.toString());
        }
    }
}
