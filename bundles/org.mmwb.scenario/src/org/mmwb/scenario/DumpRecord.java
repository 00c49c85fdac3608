package org.mmwb.scenario;

import java.util.List;

import org.mmwb.core.mm.VmaSnapshot;

/**
 * A snapshot of one process's VMAs: a {@code dump} line, or (with {@code line == null}) the final state of a
 * process still alive at the end of the run.
 *
 * @param line the {@code dump} line, or null for the final state
 * @param pid  the process
 * @param vmas its VMAs in address order
 */
public record DumpRecord(Integer line, int pid, List<VmaSnapshot> vmas) {

    public DumpRecord {
        vmas = List.copyOf(vmas);
    }

    public boolean isFinal() {
        return line == null;
    }
}
