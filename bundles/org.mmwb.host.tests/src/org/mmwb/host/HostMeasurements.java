package org.mmwb.host;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints start-up, round-trip and scenario times of the live-kernel helper and the two host benchmark figures.
 * Not a test (timings are never asserted): run it with {@code java ... org.mmwb.host.HostMeasurements}.
 */
public final class HostMeasurements {
    private HostMeasurements() {
    }

    /** @param args unused */
    @SuppressWarnings("try")
    public static void main(String[] args) throws Exception {
        Path cache = Files.createTempDirectory("mmwb-host-cache");
        System.setProperty("mmwb.host.cache", cache.toString());
        long t0 = System.nanoTime();
        try (HostKernel cold = HostKernel.start()) {
            System.out.printf("cold start (compile + start + hello): %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        }
        for (int i = 0; i < 3; i++) {
            t0 = System.nanoTime();
            try (HostKernel warm = HostKernel.start()) {
                System.out.printf("warm start (cached binary + hello): %.1f ms%n", (System.nanoTime() - t0) / 1e6);
            }
        }
        try (HostKernel k = HostKernel.start()) {
            System.out.println("kernel " + k.kernelRelease());
            try (HostScenario s = k.newScenario()) {
                HostProcess p = s.process(1);
                for (int round = 0; round < 2; round++) {
                    int n = 20_000;
                    t0 = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        p.brk(0);
                    }
                    System.out.printf("operation round trip (brk 0): %.1f us%n", (System.nanoTime() - t0) / 1e3 / n);
                }
            }
            for (int round = 0; round < 2; round++) {
                int n = 500;
                t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    try (HostScenario s = k.newScenario(0x100000000000L, 1L << 30)) {
                        HostProcess p = s.process(1);
                        p.mmap(0x100000000000L, 0x4000, 3, 0x22 | 0x10, -1, 0);
                        p.touch(0x100000000000L, 0x4000, 'w');
                        p.mprotect(0x100000000000L, 0x1000, 1);
                        HostProcess c = s.process((int) p.fork().value());
                        c.touch(0x100000000000L, 0x2000, 'w');
                        c.exit();
                        p.dump();
                    }
                }
                System.out.printf("small scenario (begin, mmap, touch, mprotect, fork, touch, exit, dump, end): "
                        + "%.2f ms%n", (System.nanoTime() - t0) / 1e6 / n);
            }
            HostBench b = new HostBench(k, 7);
            System.out.printf("anon write faults/s (65536 pages, median of 7): %.0f%n", b.anonWriteFaultsPerSecond(65536));
            System.out.printf("mmap+mprotect+munmap/s (100000, median of 7): %.0f%n", b.mmapMprotectMunmapPerSecond(100_000));
        }
    }
}
