package org.mmwb.host;

import static org.mmwb.host.HostTestSupport.WIN;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh scenario per test, with its process 1 and the 1 GiB window at {@link HostTestSupport#WIN} proven free. */
abstract class HostWindowTestBase extends HostKernelTestBase {
    HostScenario scenario;
    HostProcess p;

    @BeforeEach
    void beginScenario() {
        scenario = kernel.newScenario(WIN, 1L << 30);
        p = scenario.process(1);
    }

    @AfterEach
    void endScenario() {
        scenario.close();
    }
}
