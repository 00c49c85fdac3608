package org.mmwb.scenario.internal.ops;

import org.mmwb.scenario.OpSpec;

/**
 * An {@code <operation>} element of {@code org.mmwb.scenario.operations} after its name was checked and its class
 * declared the operation.
 *
 * @param name      the operation word, e.g. {@code iomap}
 * @param bundle    the contributing bundle's symbolic name (a fragment contributes in its host's name)
 * @param className the contributed {@link org.mmwb.scenario.OperationProvider} class
 * @param spec      the operation its class declared under that name
 */
public record OperationContribution(String name, String bundle, String className, OpSpec spec) {
}
