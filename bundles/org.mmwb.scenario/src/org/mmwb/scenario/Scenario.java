package org.mmwb.scenario;

import java.util.List;

/**
 * A parsed, checked scenario: ready to run.
 *
 * @param fileName the name used in diagnostics and reports
 * @param profile  the kernel profile ({@link KernelProfile#DEFAULT} without a {@code kernel} line)
 * @param levels   page-table levels, 4 or 5
 * @param ops      the operations in file order
 */
public record Scenario(String fileName, KernelProfile profile, int levels, List<Op> ops) {

    public Scenario {
        ops = List.copyOf(ops);
    }
}
