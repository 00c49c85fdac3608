package org.mmwb.scenario.testing;

import java.util.Objects;
import java.util.function.Function;

import org.mmwb.core.catalog.ProviderCatalog;
import org.mmwb.core.mm.KernelProfile;
import org.mmwb.scenario.OpSpec;
import org.mmwb.scenario.OperationTable;
import org.mmwb.scenario.ParseResult;
import org.mmwb.scenario.RunReport;
import org.mmwb.scenario.ScenarioParser;
import org.mmwb.scenario.sim.SimulatorTarget;

/**
 * Runs scenario text on the simulator for a test. {@link #run(String)} uses the operations and the kernel profiles
 * of the platform's extension registry (every installed plugin's operations and special mappings, e.g.
 * org.mmwb.iomap's {@code iomap} where that bundle is in the test runtime); {@link #with(OpSpec)} adds an operation
 * written in the test itself and
 * {@link #profiles(Function)} replaces the registry (for plain-classpath tests with hand-made profiles).
 * Instances are immutable; each run uses a fresh simulated machine.
 */
public final class ScenarioCheck {
    private final OperationTable table;
    private final Function<String, KernelProfile> profiles;

    private ScenarioCheck(OperationTable table, Function<String, KernelProfile> profiles) {
        this.table = table;
        this.profiles = profiles;
    }

    /** Operations and profiles from the platform's extension registry ({@link OperationTable#installed()}). */
    public static ScenarioCheck standard() {
        return new ScenarioCheck(OperationTable.installed(), ProviderCatalog.installed().resolver());
    }

    /** Runs scenario text with {@link #standard()}. */
    public static ScenarioRun run(String scenario) {
        return standard().check(scenario);
    }

    /** The same check with one more operation. */
    public ScenarioCheck with(OpSpec op) {
        return new ScenarioCheck(table.with(op), profiles);
    }

    /** The same check with another operation table. */
    public ScenarioCheck with(OperationTable t) {
        return new ScenarioCheck(Objects.requireNonNull(t), profiles);
    }

    /** The same check resolving profile names with {@code resolver} instead of the registry. */
    public ScenarioCheck profiles(Function<String, KernelProfile> resolver) {
        return new ScenarioCheck(table, Objects.requireNonNull(resolver));
    }

    /**
     * Parses and runs the text.
     *
     * @throws AssertionError when the text does not parse (with every diagnostic) or its profile is unknown
     */
    public ScenarioRun check(String scenario) {
        ParseResult p = new ScenarioParser(table).parse("test.mms", scenario);
        if (!p.ok()) {
            throw new AssertionError("scenario does not parse:\n" + p.errorText());
        }
        KernelProfile profile = profiles.apply(p.scenario().profile().name());
        if (profile == null) {
            throw new AssertionError("no simulator profile named " + p.scenario().profile().name()
                    + " (is the bundle that declares it, e.g. org.mmwb.x86, in the test runtime?)");
        }
        SimulatorTarget sim = SimulatorTarget.open(p.scenario(), name -> profile);
        RunReport report = sim.run(p.scenario());
        return new ScenarioRun(report, sim.kernel());
    }
}
