package org.mmwb.record.replay;

import org.mmwb.record.RecordingEvent;

/**
 * What one step of a replay did ({@link Replayer#step()}): the recorded event, whether the simulator reproduced
 * it, and the faults the simulator logged meanwhile.
 *
 * @param index      the step (0 for the first)
 * @param event      the recorded exec, task_new, exit, sys or fault line
 * @param outcome    how it ended
 * @param simResult  the simulator's return value of a replayed system call (the kernel's is the event's ret), else 0
 * @param difference what differed from the kernel ({@link Outcome#DIFFERENT}), else null
 * @param note       why the step was not replayed ({@link Outcome#NOT_REPLAYED}), else null
 * @param firstFault the simulator's fault sequence number of the step's first fault
 * @param endFault   one past its last fault
 * @param ipVmaStart for a fault: vm_start of the simulator's VMA holding the recorded ip, -1 if none (or not known)
 * @param ipVmaName  that VMA's name as /proc/PID/maps shows it ("[vdso]", a path, "" for anonymous memory), or null
 * @param ipFile     for a fault: the path of the file that VMA maps, null for anonymous memory or none
 * @param ipOffset   for a fault: the ip's offset in that file, -1 without a file
 */
public record ReplayStep(int index, RecordingEvent event, Outcome outcome, long simResult, String difference,
        String note, long firstFault, long endFault, long ipVmaStart, String ipVmaName, String ipFile, long ipOffset) {

    /** How a step ended. */
    public enum Outcome {
        /** The simulator gave the kernel's result (a system call) or took exactly the recorded fault. */
        MATCHED,
        /** It did not: see {@link ReplayStep#difference()} (counted in the report's differences). */
        DIFFERENT,
        /** An exec, fork/clone or exit replayed (compared where the recording allows: exec layout, final maps). */
        LIFECYCLE,
        /** Read but not replayed: see {@link ReplayStep#note()} (docs/recording.md, "Replay"). */
        NOT_REPLAYED
    }
}
