package org.mmwb.scenario;

/**
 * Supplies scenario operations contributed through the extension point {@code org.mmwb.scenario.operations}
 * (schema/operations.exsd): each {@code <operation name="..." class="..."/>} element names an operation, and the
 * class, created once per element, declares it. One class may serve several names (the built-in operations all
 * come from one). Implementations have a public no-argument constructor.
 */
@FunctionalInterface
public interface OperationProvider {

    /**
     * The declaration of the operation called {@code name}, its executor included.
     *
     * @param name the operation word the contribution declares, e.g. {@code iomap}
     * @return the operation, or null when this class does not provide one of that name (the contribution is then
     *         logged and skipped)
     */
    OpSpec operation(String name);
}
