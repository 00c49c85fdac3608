package org.mmwb.scenario;

import java.util.List;

import org.mmwb.core.mm.FaultRecord;
import org.mmwb.scenario.internal.run.LazyList;

/**
 * Everything a run produced: the object {@code ./mmwb run FILE --json} prints (docs/scenarios.md, "JSON output").
 *
 * @param file    the scenario file name (an added field; may be "")
 * @param profile the kernel profile name, e.g. {@code x86_64-6.18}
 * @param levels  page-table levels (an added field)
 * @param results one record per operation that reports a result, in execution order
 * @param dumps   the {@code dump} snapshots in order, then the final state of every live process (line null)
 * @param faults  the faults of the run, in order
 * @param faultCapture which faults {@code faults} holds (an added field: {@code fault_capture} in the JSON)
 */
public record RunReport(String file, String profile, int levels, List<OpRecord> results, List<DumpRecord> dumps,
        List<FaultRecord> faults, FaultCapture faultCapture) {

    /**
     * Which faults a run's fault list holds.
     *
     * @param captured false when the run could not observe its faults (its list is empty then)
     * @param scope    {@link #ALL}: every fault the kernel handled for the scenario, user mode and GUP (the
     *                 simulator's fault log); {@link #USER}: the faults of the scenario's own accesses, as the live
     *                 kernel's exceptions:page_fault_user tracepoint reports them
     * @param note     why faults were not captured, else null
     */
    public record FaultCapture(boolean captured, String scope, String note) {
        public static final String ALL = "all";
        public static final String USER = "user";
        /** The simulator's: every fault of the run. */
        public static final FaultCapture SIMULATOR = new FaultCapture(true, ALL, null);

        public FaultCapture {
            scope = scope == null ? ALL : scope;
        }

        /** Faults the run could not observe, and why. */
        public static FaultCapture notCaptured(String why) {
            return new FaultCapture(false, USER, why);
        }
    }

    public RunReport {
        file = file == null ? "" : file;
        results = List.copyOf(results);
        dumps = List.copyOf(dumps);
        faults = LazyList.keepable(faults) ? faults : List.copyOf(faults); // a view of the fault log: not copied
        faultCapture = faultCapture == null ? FaultCapture.SIMULATOR : faultCapture;
    }

    /** A run whose fault list is complete (a simulator run). */
    public RunReport(String file, String profile, int levels, List<OpRecord> results, List<DumpRecord> dumps,
            List<FaultRecord> faults) {
        this(file, profile, levels, results, dumps, faults, FaultCapture.SIMULATOR);
    }
}
