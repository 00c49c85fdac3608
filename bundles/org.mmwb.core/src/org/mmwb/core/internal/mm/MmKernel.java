package org.mmwb.core.internal.mm;

import java.util.HashMap;
import java.util.Map;

import org.mmwb.core.internal.log.FaultLog;
import org.mmwb.core.internal.page.PhysMem;

/**
 * The simulated machine's shared state: physical memory, the fault log (with the reasons of failed faults),
 * the tunables of the running kernel (sysctls, rlimits) and the current fault context.
 */
public final class MmKernel {
    public final PhysMem phys = new PhysMem();
    public final FaultLog log;
    /** Why a fault failed (a handler's exception, an invalid result...), by fault seq. */
    final Map<Long, String> reasons = new HashMap<>();
    final FaultCtx ctx = new FaultCtx();
    final Faults faults;

    /** vm.max_map_count. */
    int maxMapCount = 65530;
    /** vm.mmap_min_addr. */
    long mmapMinAddr = 65536;
    /** stack_guard_gap: 256 pages. */
    long stackGuardGap = 256L << 12;
    /** RLIMIT_STACK. */
    long rlimitStack = 8L << 20;
    /** vm.overcommit_memory (0 heuristic, 2 never). */
    int overcommit = 0;
    /** The huge zero folio's first PFN, -1 until first needed. */
    long hugeZeroPfn = -1;
    /** Whether the task is in a time namespace (vvar's timens page). */
    public boolean timeNamespace;

    private int nextIno = 1000;

    /** An inode number for a new shmem/memfd file of this kernel. */
    public int nextIno() {
        return nextIno++;
    }

    public MmKernel(long faultLogLimit) {
        this.log = new FaultLog(faultLogLimit);
        this.faults = new Faults(this);
    }

    /** The reason recorded for a failed fault, or null. */
    public String reason(long seq) {
        return reasons.get(seq);
    }

    public Faults faults() {
        return faults;
    }

    public int maxMapCount() {
        return maxMapCount;
    }

    public void setMaxMapCount(int n) {
        maxMapCount = n;
    }

    /** Creates an empty mm with this kernel's state. */
    public Mm newMm(int levels, long taskSize) {
        return new Mm(this, levels, taskSize);
    }
}
