package org.mmwb.core.mm;

/** A simulated process: pid, parent and address space ({@code task_struct} reduced to what mm needs). */
public interface Task {
    /** The process id (1, 2, ... in creation order). */
    int pid();

    /** The parent, or null for the first task. */
    Task parent();

    /** The address space; null after exit. */
    MmStruct mm();

    /** False once the task has exited. */
    boolean alive();

    /**
     * The signal that killed the task ({@link Signals#SIGKILL} from the OOM killer), 0 while it lives or after a
     * plain exit.
     */
    default int exitSignal() {
        return 0;
    }
}
