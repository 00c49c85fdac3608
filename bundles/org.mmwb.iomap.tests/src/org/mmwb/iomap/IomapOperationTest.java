package org.mmwb.iomap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmwb.core.mm.Kernel;
import org.mmwb.scenario.Op;
import org.mmwb.scenario.OpContext;
import org.mmwb.scenario.OpResult;
import org.mmwb.scenario.OperationTable;
import org.mmwb.scenario.ScenarioTarget;
import org.mmwb.scenario.internal.ops.OperationContribution;
import org.mmwb.scenario.internal.ops.OperationRegistry;

/** {@code iomap} as a contribution: declared by this bundle's plugin.xml, and ENOSYS where the target has no kernel. */
class IomapOperationTest {

    @Test
    void theOperationIsContributedByThisBundlesPluginXml() {
        OperationContribution c = OperationRegistry.catalog().contributions().stream()
                .filter(x -> x.name().equals(IomapOperation.OP)).findFirst().orElseThrow();
        assertEquals("org.mmwb.iomap", c.bundle());
        assertEquals(IomapOperation.class.getName(), c.className());
        assertEquals(IomapOperation.spec().usage(), OperationTable.installed().get("iomap").usage());
        assertNull(new IomapOperation().operation("mmap"), "it declares iomap only");
    }

    @Test
    void aTargetWithoutASimulatedKernelGetsEnosys() {
        // a machine that answers adapt(Kernel.class) with null, as the live kernel does; nothing else is called
        ScenarioTarget live = (ScenarioTarget) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ScenarioTarget.class}, (proxy, m, args) -> {
                    if (m.getName().equals("adapt")) {
                        return null;
                    }
                    throw new AssertionError("iomap called " + m.getName() + " on a machine without a kernel");
                });
        assertNull(live.adapt(Kernel.class));
        List<OpResult> r = IomapOperation.spec().executor().execute(context(live));
        assertEquals(List.of(OpResult.errno("ENOSYS")), r);
    }

    /** {@code iomap mmwb_timer} on that target. */
    private static OpContext context(ScenarioTarget target) {
        return new OpContext() {
            @Override
            public Op op() {
                return null;
            }

            @Override
            public ScenarioTarget target() {
                return target;
            }

            @Override
            public boolean present(String argName) {
                return argName.equals("NAME");
            }

            @Override
            public long value(String argName) {
                throw new AssertionError("no numeric argument");
            }

            @Override
            public String text(String argName) {
                return "mmwb_timer";
            }

            @Override
            public boolean has(String flagName) {
                return false;
            }

            @Override
            public long flagValue(String flagName) {
                return 0;
            }

            @Override
            public String flagText(String flagName) {
                return null;
            }

            @Override
            public void dump() {
            }
        };
    }
}
