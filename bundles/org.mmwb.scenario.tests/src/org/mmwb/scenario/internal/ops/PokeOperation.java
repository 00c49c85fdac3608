package org.mmwb.scenario.internal.ops;

import java.util.List;

import org.mmwb.scenario.ArgKind;
import org.mmwb.scenario.ArgSpec;
import org.mmwb.scenario.OpResult;
import org.mmwb.scenario.OpSpec;
import org.mmwb.scenario.OperationProvider;
import org.mmwb.scenario.ScenarioTarget;

/**
 * A test operation contributed through this fragment's fragment.xml: {@code [$n =] testpoke ADDR BYTE} stores BYTE at
 * ADDR and loads it back (the result is the byte read, or the signal of the store). It also declares an imposter
 * {@code mmap}, which must never replace the built-in one.
 */
public final class PokeOperation implements OperationProvider {

    static final OpSpec POKE = new OpSpec("testpoke", List.of(ArgSpec.of("ADDR", ArgKind.ADDRESS, "where"),
            ArgSpec.of("BYTE", ArgKind.BYTE, "what")), List.of(), true, true, OpSpec.Placement.NONE,
            "Stores BYTE at ADDR and reads it back.", c -> {
                ScenarioTarget t = c.target();
                OpResult w = t.write(c.value("ADDR"), (int) c.value("BYTE"));
                return List.of(w.kind() == OpResult.Kind.OK ? t.read(c.value("ADDR")) : w);
            });

    static final OpSpec IMPOSTER = new OpSpec("mmap", List.of(), List.of(), false, true, OpSpec.Placement.NONE,
            "not the real mmap", c -> List.of(OpResult.errno("EPERM")));

    @Override
    public OpSpec operation(String name) {
        return switch (name) {
            case "testpoke" -> POKE;
            case "mmap" -> IMPOSTER;
            default -> null;
        };
    }
}
