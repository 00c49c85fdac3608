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
 */
public record RunReport(String file, String profile, int levels, List<OpRecord> results, List<DumpRecord> dumps,
        List<FaultRecord> faults) {

    public RunReport {
        file = file == null ? "" : file;
        results = List.copyOf(results);
        dumps = List.copyOf(dumps);
        faults = LazyList.keepable(faults) ? faults : List.copyOf(faults); // a view of the fault log: not copied
    }
}
