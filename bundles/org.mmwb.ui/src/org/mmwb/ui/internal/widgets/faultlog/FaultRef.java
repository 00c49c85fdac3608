package org.mmwb.ui.internal.widgets.faultlog;

import org.mmwb.core.mm.ReadOnlyFaultLog;

/**
 * A selected fault, as the fault log table reports it to linked views: the sequence number names the row in the
 * {@link ReadOnlyFaultLog} for ever; pid, address and VMA start let the VMA and page-table views follow without reading
 * the log again.
 *
 * @param seq      the fault's sequence number
 * @param pid      the faulting task
 * @param address  the faulting address
 * @param vmaStart vm_start of the VMA the fault hit, {@link ReadOnlyFaultLog#NO_VMA} if none
 */
public record FaultRef(long seq, int pid, long address, long vmaStart) {

    /** Reads the reference of fault {@code seq} from {@code log}. */
    public static FaultRef of(ReadOnlyFaultLog log, long seq) {
        return new FaultRef(seq, log.pid(seq), log.address(seq), log.vmaStart(seq));
    }

    /** True when the fault hit no VMA (bad_area). */
    public boolean hasVma() {
        return vmaStart != ReadOnlyFaultLog.NO_VMA;
    }
}
