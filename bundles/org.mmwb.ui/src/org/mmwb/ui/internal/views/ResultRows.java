package org.mmwb.ui.internal.views;

import java.util.ArrayList;
import java.util.List;

import org.mmwb.core.mm.ReadOnlyFaultLog;
import org.mmwb.scenario.Diagnostic;
import org.mmwb.scenario.OpResult;
import org.mmwb.ui.internal.session.StepChange;
import org.mmwb.ui.internal.session.StepRecord;
import org.mmwb.ui.internal.widgets.faultlog.FaultRef;

/**
 * The rows of the Results view: the scenario's problems (when it did not parse) or its executed steps; under a
 * step what it changed, the faults it took and, for a {@code touch} of several pages, the per-page results.
 *
 * @param steps the executed steps
 * @param diagnostics the problems of a malformed scenario
 * @param log the session's fault log (for the faults of a step), or null
 */
public record ResultRows(List<StepRecord> steps, List<Diagnostic> diagnostics, ReadOnlyFaultLog log) {

    /** Faults listed under a step; the rest are in the Fault Log. */
    static final int FAULT_LINES = 100;

    /** A row under a step: a {@link StepChange}, a {@link FaultRef}, a {@link Pages} group or a note string. */
    public record Child(StepRecord step, Object item) {
    }

    /** The per-page results of a multi-page {@code touch}. */
    public record Pages(StepRecord step) {
        /** "4,094 ok, 2 SIGSEGV(ACCERR)". */
        public String summary() {
            java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
            for (OpResult r : step.record().results()) {
                counts.merge(r.text(), 1, Integer::sum);
            }
            StringBuilder sb = new StringBuilder();
            counts.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(String.format("%,d", v)).append(' ')
                    .append(k));
            return sb.toString();
        }
    }

    /** One page of a {@code touch}: its index from the first page and its result. */
    public record PageResult(Pages pages, int index, OpResult result) {
    }

    /** The top-level rows. */
    public List<?> top() {
        return diagnostics.isEmpty() ? steps : diagnostics;
    }

    /** The rows under a step. */
    public List<Object> children(StepRecord s) {
        List<Object> out = new ArrayList<>();
        for (StepChange c : s.changes()) {
            out.add(new Child(s, c));
        }
        if (log != null && s.faults() > 0) {
            long from = Math.max(s.firstFault(), log.firstSeq());
            long to = Math.min(s.endFault(), log.nextSeq());
            for (long seq = from; seq < to && seq < from + FAULT_LINES; seq++) {
                out.add(new Child(s, FaultRef.of(log, seq)));
            }
            if (to - from > FAULT_LINES) {
                out.add(new Child(s, String.format("... and %,d more faults (seq %d-%d): see the Fault Log",
                        to - from - FAULT_LINES, from + FAULT_LINES, to - 1)));
            }
            if (from > s.firstFault()) {
                out.add(new Child(s, "the fault log dropped the oldest faults (Preferences > mmwb > fault log limit)"));
            }
        }
        if (s.record() != null && s.record().results().size() > 1) {
            out.add(new Child(s, new Pages(s)));
        }
        return out;
    }
}
