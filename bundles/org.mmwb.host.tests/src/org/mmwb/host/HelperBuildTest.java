package org.mmwb.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwb.host.internal.HelperBuild;

/** The helper is compiled once per source into the cache and reused. */
class HelperBuildTest {

    @Test
    void compilesOnceIntoTheCacheAndReuses(@TempDir Path cache) throws Exception {
        String why = HostKernel.unavailableReason();
        Assumptions.assumeTrue(why == null, () -> "skipped: " + why);
        String old = System.getProperty("mmwb.host.cache");
        System.setProperty("mmwb.host.cache", cache.toString());
        try {
            Path bin = HelperBuild.ensureBinary();
            assertTrue(bin.startsWith(cache) && bin.getParent().getFileName().toString().startsWith("host-"), bin.toString());
            assertTrue(Files.isExecutable(bin));
            FileTime built = Files.getLastModifiedTime(bin);
            Thread.sleep(20);
            assertEquals(bin, HelperBuild.ensureBinary());
            assertEquals(built, Files.getLastModifiedTime(bin), "a cached binary is not rebuilt");
        } finally {
            if (old == null) {
                System.clearProperty("mmwb.host.cache");
            } else {
                System.setProperty("mmwb.host.cache", old);
            }
        }
    }

    @Test
    void noCompilerIsAClearMessage() {
        Assumptions.assumeTrue(HelperBuild.platformProblem() == null, "skipped: not Linux x86-64");
        String old = System.getProperty("mmwb.host.cc");
        String oldCache = System.getProperty("mmwb.host.cache");
        System.setProperty("mmwb.host.cc", "/nonexistent/gcc");
        System.setProperty("mmwb.host.cache", "/nonexistent-cache-for-test");
        try {
            HostUnavailableException e = org.junit.jupiter.api.Assertions.assertThrows(HostUnavailableException.class,
                    HelperBuild::ensureBinary);
            assertTrue(e.getMessage().contains("C compiler"), e.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty("mmwb.host.cc");
            } else {
                System.setProperty("mmwb.host.cc", old);
            }
            if (oldCache == null) {
                System.clearProperty("mmwb.host.cache");
            } else {
                System.setProperty("mmwb.host.cache", oldCache);
            }
        }
    }
}
