package org.mmwb.ui.internal.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.SpecialMappingProvider;
import org.mmwb.core.mm.Task;
import org.mmwb.core.mm.VmaSnapshot;

/** Reads the processes and VMAs of a simulated kernel into the views' model. */
final class KernelStates {

    private KernelStates() {
    }

    /** Every task of the kernel with its VMAs (exited tasks with none). */
    static List<ProcessInfo> processes(Kernel kernel) {
        Map<String, String> contributors = new HashMap<>();
        for (SpecialMappingProvider p : kernel.providers()) {
            contributors.put(p.name(), p.contributor());
        }
        // one immutable list per distinct vm_flags value: 200,000 VMAs share a handful of mnemonic lists
        Map<Long, List<String>> mnemonics = new HashMap<>();
        List<ProcessInfo> out = new ArrayList<>();
        for (Task t : kernel.tasks()) {
            List<VmaSnapshot> snapshot = kernel.snapshot(t);
            List<VmaRow> rows = new ArrayList<>(snapshot.size());
            for (VmaSnapshot s : snapshot) {
                String provider = contributors.getOrDefault(s.name(), "");
                List<String> flags = mnemonics.computeIfAbsent(s.vmFlags(), f -> s.flags());
                rows.add(new VmaRow(t.pid(), s.start(), s.end(), s.perms(), s.mapsOffset(), s.name(), s.vmFlags(),
                        flags, s.pages(), s.gate(), provider));
            }
            out.add(new ProcessInfo(t.pid(), t.parent() == null ? 0 : t.parent().pid(), t.alive(), rows));
        }
        return out;
    }
}
