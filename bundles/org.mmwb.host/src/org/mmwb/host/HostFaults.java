package org.mmwb.host;

import java.util.List;

/**
 * The user page faults a scenario's own accesses took on the live kernel, in the order taken, or why they could not
 * be captured (no perf_event_open or tracefs without root, fault records lost).
 *
 * @param faults        the faults; empty when not captured
 * @param notCapturedBecause null when every fault was captured, else why not
 */
public record HostFaults(List<HostFault> faults, String notCapturedBecause) {

    public HostFaults {
        faults = List.copyOf(faults);
    }

    /** @return whether {@link #faults()} is the complete list */
    public boolean captured() {
        return notCapturedBecause == null;
    }
}
