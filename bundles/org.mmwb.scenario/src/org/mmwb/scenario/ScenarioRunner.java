package org.mmwb.scenario;

import org.mmwb.scenario.internal.run.Engine;

/**
 * Runs a parsed {@link Scenario} on a {@link ScenarioTarget}: resolves bindings and addresses, gives one result
 * per operation (one per page for {@code touch}), collects the dumps, then the final state of every live process
 * and the faults, into a {@link RunReport}.
 * <p>
 * An argument that cannot be resolved at run time (its binding's operation failed, a special mapping is absent,
 * arithmetic leaves the 64-bit range) gives {@code unresolved(...)} for that line; the run goes on. An exception
 * from a target gives {@code error(...)} for that line only.
 */
public final class ScenarioRunner {

    private ScenarioRunner() {
    }

    /** Runs the whole scenario on an open target (the caller closes it). */
    public static RunReport run(Scenario scenario, ScenarioTarget target) {
        return start(scenario, target).finish();
    }

    /** Opens a target for the scenario's profile, runs the scenario, closes the target. */
    public static RunReport run(Scenario scenario, ScenarioTarget.Factory factory) {
        try (ScenarioTarget t = factory.open(scenario.profile(), scenario.levels())) {
            return run(scenario, t);
        }
    }

    /** Starts a step-by-step run (for Run/Step in the editor). */
    public static Execution start(Scenario scenario, ScenarioTarget target) {
        return new Execution(new Engine(scenario, target));
    }

    /** A run in progress. Not thread-safe: drive it from one thread (a Job). */
    public static final class Execution {
        private final Engine engine;

        Execution(Engine engine) {
            this.engine = engine;
        }

        public boolean hasNext() {
            return engine.hasNext();
        }

        /** The operation {@link #step()} runs next, or null at the end. */
        public Op peek() {
            return engine.peek();
        }

        /** Index in {@link Scenario#ops()} of the next operation. */
        public int position() {
            return engine.position();
        }

        /**
         * Runs the next operation.
         *
         * @return its record, or null for an operation that reports none ({@code dump})
         * @throws IllegalStateException when no operation is left
         */
        public OpRecord step() {
            return engine.step();
        }

        /** The results and dumps so far, without final states and faults. */
        public RunReport partial() {
            return engine.partial();
        }

        /** Runs the remaining operations and returns the complete report (repeatable). */
        public RunReport finish() {
            return engine.finish();
        }
    }
}
