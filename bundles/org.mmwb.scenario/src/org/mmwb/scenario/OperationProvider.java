package org.mmwb.scenario;

/**
 * Supplies scenario operations contributed through the extension point {@code org.mmwb.scenario.operations}
 * (schema/operations.exsd): each {@code <operation name="..." class="..."/>} element names an operation, and the
 * class declares it. One instance per class and contributing bundle serves all the elements that name the class
 * (the built-in operations all come from one). Implementations have a public no-argument constructor and keep no
 * state between calls.
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
