package org.mmwb.host;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One helper per test class, skipped (with the reason) where the host cannot run it. */
abstract class HostKernelTestBase {
    static HostKernel kernel;

    @BeforeAll
    static void startKernel() throws HostUnavailableException {
        kernel = HostTestSupport.startOrSkip();
    }

    @AfterAll
    static void stopKernel() {
        if (kernel != null) {
            kernel.close();
            kernel = null;
        }
    }
}
