package org.mmwb.record.replay;

import java.util.List;

/**
 * The fidelity of one replay: system calls that gave the kernel's result, recorded faults the simulator took in
 * order with no extra fault, final maps compared at each process exit; and the first differences.
 *
 * @param faultsInExec faults the kernel took inside a successful execve, in the new image: not replayed (the exec
 *        snapshot holds their pages) and not counted in faults
 * @param faultsDisabled kernel-mode faults repeated at once by the same task (the first ran with page faults
 *        disabled and mapped nothing): not replayed and not counted in faults
 * @param lifecycle forks, clones, execs and exits replayed (not counted in the system calls)
 * @param mapsCompared processes whose final maps were compared; mapsMatched those that matched
 * @param replayNanos wall time of the replay; programNanos the recorded program's wall time on the live kernel
 */
public record ReplayReport(long syscallsMatched, long syscalls, long faultsMatched, long faults, long faultsInExec,
        long faultsDisabled, int mapsCompared,
        int mapsMatched, long lifecycle, List<String> differences, long differenceCount, long replayNanos,
        long programNanos) {

    /** Final maps identical for every process compared (and at least one was). */
    public boolean mapsIdentical() {
        return mapsCompared > 0 && mapsMatched == mapsCompared;
    }

    /** The summary line of docs/recording.md. */
    public String summary() {
        return String.format("%d/%d system calls gave the kernel's result (mmap(NULL) at the kernel's address), "
            + "%d/%d recorded faults reproduced in order with no extra faults, final maps identical: %s",
            syscallsMatched, syscalls, faultsMatched, faults, mapsIdentical() ? "yes" : "no");
    }
}
