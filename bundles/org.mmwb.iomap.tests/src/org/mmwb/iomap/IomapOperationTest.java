package org.mmwb.iomap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.mmwb.core.mm.Kernel;
import org.mmwb.scenario.OpContext;
import org.mmwb.scenario.OpResult;
import org.mmwb.scenario.OperationTable;
import org.mmwb.scenario.ScenarioTarget;

/** {@code iomap} as a contribution: declared by this bundle's plugin.xml, and ENOSYS where the target has no kernel. */
class IomapOperationTest {

    @Test
    void theOperationIsContributedByThisBundlesPluginXml() {
        OperationTable installed = OperationTable.installed();
        assertEquals("org.mmwb.iomap", installed.contributor(IomapOperation.OP));
        assertEquals(IomapOperation.spec().usage(), installed.get(IomapOperation.OP).usage());
        assertEquals(List.of(), installed.problems(), "every contribution of this runtime loads");
        assertNull(new IomapOperation().operation("mmap"), "it declares iomap only");
    }

    @Test
    void aTargetWithoutASimulatedKernelGetsEnosys() {
        // a machine that answers adapt(Kernel.class) with null, as the live kernel does; nothing else may be called
        ScenarioTarget live = stub(ScenarioTarget.class, (method, args) -> null, "adapt");
        assertNull(live.adapt(Kernel.class));
        // the line 'iomap mmwb_timer'
        OpContext ctx = stub(OpContext.class, (method, args) -> switch (method) {
            case "target" -> live;
            case "present" -> args[0].equals("NAME");
            default -> "mmwb_timer";
        }, "target", "present", "text");
        assertEquals(List.of(OpResult.errno("ENOSYS")), IomapOperation.spec().executor().execute(ctx));
    }

    /** An implementation of {@code type} whose methods {@code allowed} answer with {@code answer}; others fail. */
    private static <T> T stub(Class<T> type, BiFunction<String, Object[], Object> answer, String... allowed) {
        return type.cast(Proxy.newProxyInstance(IomapOperationTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, m, args) -> {
                    if (!List.of(allowed).contains(m.getName())) {
                        throw new AssertionError("iomap called " + m.getName() + " on a machine without a kernel");
                    }
                    return answer.apply(m.getName(), args);
                }));
    }
}
