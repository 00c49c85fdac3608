package org.mmwb.core.internal.mm;

import org.mmwb.core.mm.Errno;
import org.mmwb.core.mm.VmFlags;

/**
 * Stack growth on a fault below a VM_GROWSDOWN VMA: expand_stack (mm/mmap.c) and expand_downwards with
 * acct_stack_growth's limit checks (mm/vma.c), as the x86 fault path's lock_mm_and_find_vma calls them.
 */
final class Stack {
    private Stack() {
    }

    /**
     * expand_downwards: grow vma down to addr's page. 0, -EPERM below mmap_min_addr, or -ENOMEM (the
     * stack_guard_gap to a non-stack neighbour, an overlap, or RLIMIT_STACK / RLIMIT_AS).
     */
    static int expandStack(Vma vma, long addr) {
        addr &= ~0xfffL;
        Mm mm = vma.mm;
        MmKernel k = mm.k;
        if (Long.compareUnsigned(addr, k.mmapMinAddr) < 0) {
            return -Errno.EPERM;
        }
        Vma prev = mm.prevOf(vma);
        if (prev != null && (prev.flags & VmFlags.GROWSDOWN) == 0 && prev.accessible()
                && addr - prev.end < k.stackGuardGap) {
            return -Errno.ENOMEM;
        }
        if (prev != null && addr < prev.end) {
            return -Errno.ENOMEM;
        }
        long size = vma.end - addr;
        long grow = (vma.start - addr) >>> 12;
        if (grow > vma.pgoff || !Limits.acctStackGrowth(vma, size, grow)) {
            return -Errno.ENOMEM;
        }
        VmaMerge.anonVmaPrepare(vma);
        mm.setRange(vma, addr, vma.end, vma.pgoff - grow);
        mm.totalVm += grow;
        if ((vma.flags & VmFlags.LOCKED) != 0) {
            mm.lockedVm += grow; // expand_downwards accounts the growth of an mlocked stack
        }
        return 0;
    }
}
