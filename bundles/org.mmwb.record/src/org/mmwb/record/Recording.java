package org.mmwb.record;

import java.util.List;

/**
 * A recording (docs/recording.md): the header facts and the events in time order. {@link #end()} is null when
 * the file stops before its "end" line (the recorder was interrupted): such a recording is incomplete. zeroPage is
 * false when the recording host maps fresh pages on anonymous read faults (mm_forbids_zeropage).
 */
public record Recording(String source, int version, String kernel, String machine, String thp, boolean zeroPage,
        List<String> command, List<RecordingEvent> events, RecordingEvent.End end) {

    /** The format version this reader understands. */
    public static final int VERSION = 1;

    /** True when the recorder finished and lost no event. */
    public boolean complete() {
        return end != null && end.complete();
    }

    /** Number of events of a kind. */
    public long count(Class<? extends RecordingEvent> kind) {
        return events.stream().filter(kind::isInstance).count();
    }
}
