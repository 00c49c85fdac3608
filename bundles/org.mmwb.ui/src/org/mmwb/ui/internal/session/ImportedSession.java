package org.mmwb.ui.internal.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.mmwb.core.catalog.ProviderCatalog;
import org.mmwb.core.internal.log.FaultLog;
import org.mmwb.core.mm.FaultRecord;
import org.mmwb.core.mm.KernelProfile;
import org.mmwb.core.mm.SpecialMappingProvider;
import org.mmwb.core.mm.VmaSnapshot;
import org.mmwb.scenario.DumpRecord;
import org.mmwb.scenario.OpRecord;
import org.mmwb.scenario.RunReport;

/**
 * A read-only session from a JSON report ({@code ./mmwb run --json}, {@code ./mmwb import PID}): the final VMAs of
 * each process and the recorded faults, rebuilt into a columnar {@link FaultLog} so the same views serve it.
 */
final class ImportedSession {

    /** What a special mapping of a live process is attributed to. */
    static final String LIVE_KERNEL = "(live kernel)";

    private ImportedSession() {
    }

    static SessionState state(String title, RunReport r) {
        Map<Integer, List<VmaRow>> byPid = new TreeMap<>();
        for (DumpRecord d : r.dumps()) {
            if (!d.isFinal()) {
                continue;
            }
            List<VmaRow> rows = new ArrayList<>();
            for (VmaSnapshot v : d.vmas()) {
                boolean special = v.isSpecialName() && !v.name().equals("[stack]") && !v.name().equals("[heap]");
                rows.add(new VmaRow(d.pid(), v.start(), v.end(), v.perms(), v.pgoff() << 12, v.name(), -1,
                        v.flags(), v.pages(), v.name().equals("[vsyscall]"), special ? LIVE_KERNEL : ""));
            }
            byPid.put(d.pid(), rows);
        }
        List<ProcessInfo> processes = new ArrayList<>();
        byPid.forEach((pid, rows) -> processes.add(new ProcessInfo(pid, 0, true, rows)));
        FaultLog log = faultLog(r.faults(), processes);
        KernelProfile p = r.profile() == null ? null : ProviderCatalog.installed().profile(r.profile());
        List<SpecialMappingProvider> providers = p == null ? List.of() : p.providers();
        return new SessionState(title, true, null, log, processes, providers, 0, 0,
                "Imported " + title + " (" + r.profile() + "): read-only, " + processes.size() + " process(es), "
                        + r.faults().size() + " fault(s)", false);
    }

    /** The report's results as the Results view's rows (an import has no per-step changes). */
    static List<StepRecord> steps(RunReport r) {
        List<StepRecord> out = new ArrayList<>(r.results().size());
        for (OpRecord rec : r.results()) {
            out.add(new StepRecord(out.size(), null, rec, 0, 0, List.of(), false));
        }
        return out;
    }

    /** The recorded faults as a fault log; the VMA of each is found again by address in its process. */
    static FaultLog faultLog(List<FaultRecord> faults, List<ProcessInfo> processes) {
        FaultLog log = new FaultLog(Math.max(1, faults.size()));
        for (FaultRecord f : faults) {
            long vmaStart = FaultLog.NO_VMA;
            for (ProcessInfo p : processes) {
                VmaRow v = p.pid() == f.pid() ? p.vmaAt(f.address()) : null;
                if (v != null) {
                    vmaStart = v.start();
                }
            }
            int access = FaultLog.ACCESS_USER | switch (f.access()) {
                case "w" -> FaultLog.ACCESS_WRITE;
                case "x" -> FaultLog.ACCESS_EXEC;
                default -> FaultLog.ACCESS_READ;
            };
            int handler = log.intern(f.vma() == null || f.vma().isEmpty() ? "-" : f.vma());
            int path = log.intern(f.handler() == null || f.handler().isEmpty() ? "-" : f.handler());
            log.append(f.pid(), f.address(), access, vmaStart, handler, f.pgoff(), f.result(),
                    f.pfn() < 0 ? FaultLog.NO_PFN : f.pfn(), path);
        }
        return log;
    }
}
