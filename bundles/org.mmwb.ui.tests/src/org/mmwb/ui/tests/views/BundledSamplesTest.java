package org.mmwb.ui.tests.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The workbench ships copies of the repository's samples (a bundle cannot reach files outside itself): they must
 * stay identical, or File > Open Sample would show something else than ./mmwb run samples/X.mms.
 */
class BundledSamplesTest {

    private static Path repo() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("samples/default.mms")) && Files.isDirectory(d.resolve("bundles/org.mmwb.ui"))) {
                return d;
            }
        }
        throw new AssertionError("repository root not found above " + Path.of("").toAbsolutePath());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".mms")).sorted().toList();
        }
    }

    @Test
    void bundledSamplesEqualTheRepositorysSamples() throws IOException {
        Path repo = repo();
        Path samples = repo.resolve("samples");
        Path bundled = repo.resolve("bundles/org.mmwb.ui/samples");
        assertEquals(names(samples), names(bundled), "copy samples/*.mms to bundles/org.mmwb.ui/samples/");
        for (String n : names(samples)) {
            assertTrue(Files.mismatch(samples.resolve(n), bundled.resolve(n)) == -1,
                    "bundles/org.mmwb.ui/samples/" + n + " differs from samples/" + n + ": copy it over");
        }
    }
}
