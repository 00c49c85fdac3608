package org.mmwb.scenario;

/**
 * What an {@link OpExecutor} sees: the operation, the target, and the arguments resolved to numbers. The runner
 * resolves every address before calling the executor; an argument that cannot be resolved never reaches it.
 */
public interface OpContext {

    Op op();

    ScenarioTarget target();

    /** Whether the (optional) argument was written. */
    boolean present(String argName);

    /** The resolved number of an argument: an address, size, byte, pid, PROT bits or the value of a word. */
    long value(String argName);

    /** The text of a NAME or word argument. */
    String text(String argName);

    boolean has(String flagName);

    /** A flag's resolved number: the address of {@code fixed=ADDR}, the offset of {@code file=NAME:OFFSET},
     *  the value of a choice. */
    long flagValue(String flagName);

    /** A flag's text value: the file name of {@code file=NAME}, the word of a choice. */
    String flagText(String flagName);

    /** Adds a snapshot of the current process's VMAs to the report, taken now, under this operation's line. */
    void dump();
}
