package org.mmwb.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmarks run and give rates; their figures are measured by ./mmwb bench, not asserted here. */
class HostBenchTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, HostBench.median(new double[] { 3, 1, 2 }));
        assertEquals(2.5, HostBench.median(new double[] { 4, 1, 3, 2 }));
    }

    @Test
    void benchmarksGiveRates() throws HostUnavailableException {
        try (HostKernel k = HostTestSupport.startOrSkip()) {
            HostBench b = new HostBench(k, 3);
            assertTrue(b.anonWriteFaultsPerSecond(256) > 0);
            assertTrue(b.mmapMprotectMunmapPerSecond(256) > 0);
        }
    }
}
