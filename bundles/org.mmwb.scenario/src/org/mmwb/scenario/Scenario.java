package org.mmwb.scenario;

import java.util.List;

import org.mmwb.core.mm.KernelProfile;
import org.mmwb.scenario.internal.run.LazyList;

/**
 * A parsed, checked scenario: ready to run.
 *
 * @param fileName the name used in diagnostics and reports
 * @param profile  the kernel profile (the installed default without a {@code kernel} line)
 * @param levels   page-table levels, 4 or 5
 * @param ops      the operations in the order they run ({@code repeat} loops expanded)
 * @param ram      the simulated RAM in bytes ({@code kernel ... ram=64G}), 0 for the simulator's default (4 GiB)
 */
public record Scenario(String fileName, KernelProfile profile, int levels, List<Op> ops, long ram) {

    /** A scenario on the default RAM size. */
    public Scenario(String fileName, KernelProfile profile, int levels, List<Op> ops) {
        this(fileName, profile, levels, ops, 0);
    }

    public Scenario {
        ops = LazyList.keepable(ops) ? ops : List.copyOf(ops); // repeat loops: expanded on demand
    }
}
