package org.mmwb.scenario.sim;

import java.util.Objects;

import org.mmwb.core.mm.FaultRecord;
import org.mmwb.core.mm.Kernel;
import org.mmwb.scenario.internal.run.LazyList;

/**
 * The engine's fault log seen as the report's fault list: each record is built when it is read
 * ({@link Kernel#fault(long)}: the log's columns and one find_vma), so writing a million faults costs the log's bytes
 * per fault and no snapshot per fault. The range is fixed when the list is made (the run is over by then).
 */
final class FaultRecordList extends LazyList<FaultRecord> {

    private final Kernel kernel;
    private final long first;
    private final int size;

    FaultRecordList(Kernel kernel) {
        this.kernel = kernel;
        this.first = kernel.firstFaultSeq();
        this.size = (int) Math.min(Integer.MAX_VALUE, kernel.faultCount() - first);
    }

    @Override
    public FaultRecord get(int index) {
        Objects.checkIndex(index, size);
        return kernel.fault(first + index);
    }

    @Override
    public int size() {
        return size;
    }
}
