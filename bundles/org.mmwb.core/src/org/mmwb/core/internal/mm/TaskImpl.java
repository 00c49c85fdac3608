package org.mmwb.core.internal.mm;

import org.mmwb.core.mm.MmStruct;
import org.mmwb.core.mm.Task;

/** A simulated task: pid, parent, mm. */
public final class TaskImpl implements Task {
    private final int pid;
    private final TaskImpl parent;
    private final Object owner;
    Mm mm;
    private int exitSignal;

    public TaskImpl(Object owner, int pid, TaskImpl parent, Mm mm) {
        this.owner = owner;
        this.pid = pid;
        this.parent = parent;
        this.mm = mm;
    }

    @Override
    public int pid() {
        return pid;
    }

    @Override
    public Task parent() {
        return parent;
    }

    @Override
    public MmStruct mm() {
        return mm;
    }

    /** The engine's mm (null after exit). */
    public Mm engineMm() {
        return mm;
    }

    public void setMm(Mm mm) {
        this.mm = mm;
    }

    /** The kernel this task belongs to. */
    public Object owner() {
        return owner;
    }

    @Override
    public boolean alive() {
        return mm != null;
    }

    @Override
    public int exitSignal() {
        return exitSignal;
    }

    /** Records the signal the task died of. */
    public void setExitSignal(int signo) {
        exitSignal = signo;
    }

    @Override
    public String toString() {
        return "pid " + pid;
    }
}
