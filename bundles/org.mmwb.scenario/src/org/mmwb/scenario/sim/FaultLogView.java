package org.mmwb.scenario.sim;

import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.Task;
import org.mmwb.core.mm.VmArea;
import org.mmwb.core.mm.VmFaultResult;
import org.mmwb.scenario.FaultRecord;
import org.mmwb.scenario.internal.run.LazyList;

/**
 * The engine's fault log seen as the report's fault list: each record is built when it is read, from the log's
 * columns and one find_vma in the faulting task's current mm (O(log n)), so writing a million faults costs the log's
 * bytes per fault and no snapshot per fault. The range is fixed when the view is made (the run is over by then).
 */
final class FaultLogView extends LazyList<FaultRecord> {

    private final Kernel kernel;
    private final long first;
    private final int size;

    FaultLogView(Kernel kernel) {
        this.kernel = kernel;
        this.first = kernel.firstFaultSeq();
        this.size = (int) Math.min(Integer.MAX_VALUE, kernel.faultCount() - first);
    }

    @Override
    public FaultRecord get(int index) {
        java.util.Objects.checkIndex(index, size);
        org.mmwb.core.mm.FaultRecord f = kernel.fault(first + index);
        String handler = f.handler() == null || f.handler().isEmpty() ? f.path() : f.handler();
        return new FaultRecord(f.seq(), f.pid(), f.address(), f.access(), vmaName(f), handler, f.pgoff(),
                VmFaultResult.describe(f.result()), f.pfn(), null, f.reason());
    }

    @Override
    public int size() {
        return size;
    }

    /** The VMA of a fault by name, or its range when it is unnamed, or its start when it is gone. */
    private String vmaName(org.mmwb.core.mm.FaultRecord f) {
        if (f.vmaStart() < 0) {
            return "";
        }
        Task t = kernel.task(f.pid());
        if (t != null && t.alive() && t.mm() != null) {
            VmArea v = t.mm().findVma(f.vmaStart());
            if (v != null && v.start() == f.vmaStart()) {
                return v.name().isEmpty() ? Long.toHexString(v.start()) + "-" + Long.toHexString(v.end()) : v.name();
            }
        }
        return Long.toHexString(f.vmaStart());
    }
}
