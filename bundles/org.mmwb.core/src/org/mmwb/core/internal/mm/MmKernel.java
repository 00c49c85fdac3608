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
    /**
     * mm/oom_kill.c out_of_memory, as the page allocator calls it when an allocation for {@code current} fails:
     * chooses a victim and kills it.
     */
    @FunctionalInterface
    public interface OomKiller {
        /**
         * @param current the mm whose fault or populate could not get a page
         * @return true if another task was killed and its memory freed (the allocation is retried); false if
         *         {@code current} was chosen (its {@link Mm#oomKilled} is set: SIGKILL is pending) or nothing could
         *         be killed
         */
        boolean outOfMemory(Mm current);
    }

    public final PhysMem phys;
    /** The OOM killer; by default it can only kill the allocating task. */
    public OomKiller oom = current -> {
        current.oomKilled = true;
        return false;
    };
    /** Pays for page-table pages out of RAM (NR_PAGETABLE). */
    final org.mmwb.core.internal.pgtable.PageTable.TableBudget pgtableBudget;
    public final FaultLog log;
    /** Why a fault failed (a handler's exception, an invalid result...), by fault seq. */
    final Map<Long, String> reasons = new HashMap<>();
    final FaultCtx ctx = new FaultCtx();
    final Faults faults;
    final Gup gup;
    final Shmem shmem;

    /** vm.max_map_count. */
    int maxMapCount = 65530;
    /** vm.mmap_min_addr. */
    long mmapMinAddr = 65536;
    /** stack_guard_gap: 256 pages. */
    long stackGuardGap = 256L << 12;
    /** vm.overcommit_memory (0 heuristic, 1 always, 2 never). */
    int overcommit = 0;
    /** vm.overcommit_ratio: percent of RAM that OVERCOMMIT_NEVER allows to be committed. */
    long overcommitRatio = 50;
    /** vm_committed_as: pages committed by every live mm (set by the Kernel, which knows them all). */
    public java.util.function.LongSupplier committedPages = () -> 0;
    /**
     * mm_forbids_zeropage(): read faults on anonymous memory get a fresh page instead of the (huge) zero page.
     * Upstream x86 never forbids it; some hosts' kernels are patched to (a boot option such as pvm_no_zero_page=1),
     * and the live comparison sets this to match the host it runs on.
     */
    public boolean forbidsZeroPage;
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
        this(faultLogLimit, PhysMem.DEFAULT_RAM_FRAMES);
    }

    /** A machine with {@code ramFrames} frames of RAM. */
    public MmKernel(long faultLogLimit, long ramFrames) {
        this.phys = new PhysMem(ramFrames);
        PhysMem p = phys;
        this.pgtableBudget = new org.mmwb.core.internal.pgtable.PageTable.TableBudget() {
            @Override
            public boolean tryCharge() {
                return p.tryChargePgtable();
            }

            @Override
            public void charge() {
                p.chargePgtable();
            }

            @Override
            public void uncharge() {
                p.unchargePgtable();
            }
        };
        this.log = new FaultLog(faultLogLimit);
        FaultTrace trace = new FaultTrace(log, reasons);
        PageAlloc alloc = new PageAlloc(this, trace);
        this.shmem = new Shmem(this, trace, alloc);
        Memory memory = new Memory(this, trace, alloc, new HugeMemory(this, trace, alloc), shmem,
            new SpecialMappingFault(this, trace));
        this.faults = new Faults(this, trace, memory);
        this.gup = new Gup(trace, memory);
    }

    /** The reason recorded for a failed fault, or null. */
    public String reason(long seq) {
        return reasons.get(seq);
    }

    /** The fault path's entry: a user access (arch/x86/mm/fault.c). */
    public Faults faults() {
        return faults;
    }

    /** The page cache of shmem and memfd files. */
    public Shmem shmem() {
        return shmem;
    }

    public int maxMapCount() {
        return maxMapCount;
    }

    public void setMaxMapCount(int n) {
        maxMapCount = n;
    }

    /**
     * Sets a vm.* sysctl by its name under /proc/sys/vm: max_map_count, overcommit_memory, overcommit_ratio,
     * mmap_min_addr. 0, or -EINVAL for a value the kernel's proc handler refuses, -ENOENT for an unknown name.
     */
    public int setSysctl(String name, long value) {
        switch (name) {
            case "max_map_count" -> {
                if (value < 0 || value > Integer.MAX_VALUE) {
                    return -org.mmwb.core.mm.Errno.EINVAL; // proc_dointvec_minmax, extra1 = SYSCTL_ZERO
                }
                maxMapCount = (int) value;
            }
            case "overcommit_memory" -> {
                if (value < 0 || value > 2) {
                    return -org.mmwb.core.mm.Errno.EINVAL;
                }
                overcommit = (int) value;
            }
            case "overcommit_ratio" -> {
                if (value < 0 || value > Integer.MAX_VALUE) {
                    return -org.mmwb.core.mm.Errno.EINVAL;
                }
                overcommitRatio = value;
            }
            case "mmap_min_addr" -> {
                if (value < 0) {
                    return -org.mmwb.core.mm.Errno.EINVAL;
                }
                mmapMinAddr = value;
            }
            default -> {
                return -org.mmwb.core.mm.Errno.ENOENT;
            }
        }
        return 0;
    }

    /** The value of a sysctl {@link #setSysctl} knows, or -1 for an unknown name. */
    public long sysctl(String name) {
        return switch (name) {
            case "max_map_count" -> maxMapCount;
            case "overcommit_memory" -> overcommit;
            case "overcommit_ratio" -> overcommitRatio;
            case "mmap_min_addr" -> mmapMinAddr;
            default -> -1;
        };
    }

    /** Creates an empty mm with this kernel's state. */
    public Mm newMm(int levels, long taskSize) {
        return new Mm(this, levels, taskSize);
    }
}
