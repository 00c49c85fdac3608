package org.mmwb.core.internal.mm;

import org.mmwb.core.internal.pgtable.Pte;
import org.mmwb.core.mm.Errno;
import org.mmwb.core.mm.Madvise;
import org.mmwb.core.mm.VmFaultResult;
import org.mmwb.core.mm.VmFlags;

/** madvise(2) as mm/madvise.c of Linux 6.18 does it for the advice the workbench supports. */
public final class MadviseOps {
    static final long PAGE = 4096;

    private MadviseOps() {
    }

    /** madvise_behavior_valid. */
    static boolean valid(int advice) {
        return switch (advice) {
            case Madvise.NORMAL, Madvise.RANDOM, Madvise.SEQUENTIAL, Madvise.WILLNEED, Madvise.DONTNEED,
                Madvise.FREE, Madvise.DONTFORK, Madvise.DOFORK, Madvise.HUGEPAGE, Madvise.NOHUGEPAGE,
                Madvise.DONTDUMP, Madvise.DODUMP, Madvise.WIPEONFORK, Madvise.KEEPONFORK, Madvise.COLD,
                Madvise.PAGEOUT, Madvise.POPULATE_READ, Madvise.POPULATE_WRITE, Madvise.DONTNEED_LOCKED,
                Madvise.GUARD_INSTALL, Madvise.GUARD_REMOVE -> true;
            default -> false;
        };
    }

    /** is_discard: advice that mseal forbids on read-only anonymous memory. */
    static boolean isDiscard(int advice) {
        return advice == Madvise.FREE || advice == Madvise.DONTNEED || advice == Madvise.DONTNEED_LOCKED
            || advice == Madvise.REMOVE || advice == Madvise.DONTFORK || advice == Madvise.WIPEONFORK
            || advice == Madvise.GUARD_INSTALL;
    }

    /** do_madvise. */
    public static long madvise(Mm mm, int pid, long start, long lenIn, int advice) {
        if (!valid(advice)) {
            return -Errno.EINVAL;
        }
        long end = MmapOps.userRangeEnd(start, lenIn);
        if (end <= 0) {
            return end;
        }
        if (advice == Madvise.POPULATE_READ || advice == Madvise.POPULATE_WRITE) {
            return populate(mm, pid, start, end, advice == Madvise.POPULATE_WRITE);
        }
        return walk(mm, start, end, advice);
    }

    /** madvise_walk_vmas: holes give -ENOMEM at the end but the mapped parts are still advised. */
    static long walk(Mm mm, long start, long end, int advice) {
        int unmappedError = 0;
        Vma vma = mm.findVma(start);
        Vma prev = vma == null ? null : (start > vma.start ? vma : mm.prevOf(vma));
        while (true) {
            if (vma == null) {
                return -Errno.ENOMEM;
            }
            if (start < vma.start) {
                unmappedError = -Errno.ENOMEM;
                start = vma.start;
                if (Long.compareUnsigned(start, end) >= 0) {
                    break;
                }
            }
            long tmp = Math.min(vma.end, end);
            int err = behavior(mm, vma, prev, start, tmp, advice);
            if (err != 0) {
                return err;
            }
            Vma cur = mm.findVma(start);
            prev = cur;
            start = tmp;
            if (cur != null && start < cur.end) {
                start = cur.end;
            }
            if (Long.compareUnsigned(start, end) >= 0) {
                break;
            }
            vma = mm.findVma(start);
        }
        return unmappedError;
    }

    /** madvise_vma_behavior for one VMA range. */
    static int behavior(Mm mm, Vma vma, Vma prev, long start, long end, int advice) {
        if ((vma.flags & VmFlags.SEALED) != 0 && isDiscard(advice) && vma.ops == null
                && (vma.flags & VmFlags.WRITE) == 0) {
            return -Errno.EPERM;
        }
        long nf = vma.flags;
        switch (advice) {
            case Madvise.DONTNEED, Madvise.DONTNEED_LOCKED, Madvise.FREE -> {
                long forbidden = VmFlags.PFNMAP | (advice != Madvise.DONTNEED_LOCKED ? VmFlags.LOCKED : 0);
                if ((vma.flags & forbidden) != 0) {
                    return -Errno.EINVAL;
                }
                if (advice == Madvise.FREE) {
                    // lazyfree pages stay mapped until reclaim, which the simulator does not model
                    return vma.ops == null ? 0 : -Errno.EINVAL;
                }
                Pages.zap(mm, start, end, true);
                return 0;
            }
            case Madvise.WILLNEED, Madvise.COLD, Madvise.PAGEOUT -> {
                return 0;
            }
            case Madvise.GUARD_INSTALL -> {
                return guardInstall(mm, vma, start, end);
            }
            case Madvise.GUARD_REMOVE -> {
                if ((vma.flags & (VmFlags.SPECIAL | VmFlags.HUGETLB)) != 0) {
                    return -Errno.EINVAL;
                }
                mm.pgd.forEach(start, end, (va, pte) -> Pte.isGuardMarker(pte) ? 0 : pte);
                return 0;
            }
            case Madvise.NORMAL -> nf &= ~(VmFlags.RAND_READ | VmFlags.SEQ_READ);
            case Madvise.SEQUENTIAL -> nf = (nf & ~VmFlags.RAND_READ) | VmFlags.SEQ_READ;
            case Madvise.RANDOM -> nf = (nf & ~VmFlags.SEQ_READ) | VmFlags.RAND_READ;
            case Madvise.DONTFORK -> nf |= VmFlags.DONTCOPY;
            case Madvise.DOFORK -> {
                if ((vma.flags & VmFlags.IO) != 0) {
                    return -Errno.EINVAL;
                }
                nf &= ~VmFlags.DONTCOPY;
            }
            case Madvise.WIPEONFORK -> {
                if (vma.file != null || (vma.flags & VmFlags.SHARED) != 0) {
                    return -Errno.EINVAL;
                }
                nf |= VmFlags.WIPEONFORK;
            }
            case Madvise.KEEPONFORK -> {
                if ((vma.flags & VmFlags.DROPPABLE) != 0) {
                    return -Errno.EINVAL;
                }
                nf &= ~VmFlags.WIPEONFORK;
            }
            case Madvise.DONTDUMP -> nf |= VmFlags.DONTDUMP;
            case Madvise.DODUMP -> {
                if ((vma.flags & VmFlags.SPECIAL) != 0) {
                    return -Errno.EINVAL;
                }
                nf &= ~VmFlags.DONTDUMP;
            }
            case Madvise.HUGEPAGE -> nf = (nf & ~VmFlags.NOHUGEPAGE) | VmFlags.HUGEPAGE;
            case Madvise.NOHUGEPAGE -> nf = (nf & ~VmFlags.HUGEPAGE) | VmFlags.NOHUGEPAGE;
            default -> {
                return -Errno.EINVAL;
            }
        }
        if (nf == vma.flags) {
            return 0;
        }
        VmaMerge.Modified m = ModifyOps.modifyFlags(mm, prev, vma, start, end, nf);
        if (m.error() != 0) {
            // madvise_vma_behavior: "madvise() returns EAGAIN if kernel resources ... are temporarily unavailable"
            return m.error() == -Errno.ENOMEM ? -Errno.EAGAIN : m.error();
        }
        m.vma().flags = nf | (m.vma().flags & VmFlags.IGNORE_MERGE);
        return 0;
    }

    /** madvise_guard_install: VM_MAYBE_GUARD on the VMA, existing pages zapped, a guard marker per page. */
    static int guardInstall(Mm mm, Vma vma, long start, long end) {
        if ((vma.flags & (VmFlags.SPECIAL | VmFlags.HUGETLB | VmFlags.LOCKED)) != 0) {
            return -Errno.EINVAL;
        }
        // page tables are being established: an anonymous VMA gets its anon_vma (checked on the host: a
        // guarded, never-faulted VMA keeps its pgoff across mremap like a faulted one)
        if (vma.ops == null) {
            VmaMerge.anonVmaPrepare(vma);
        }
        vma.flags |= VmFlags.MAYBE_GUARD;
        Pages.zap(mm, start, end, true);
        for (long va = start; va < end; va += PAGE) {
            if (mm.pgd.get(va) == 0) {
                mm.pgd.set(va, Pte.guardMarker());
            }
        }
        return 0;
    }

    /**
     * madvise_populate: fault in the range; unmapped -> ENOMEM, IO/PFNMAP or missing permission -> EINVAL,
     * VM_FAULT_SIGBUS/SIGSEGV -> EFAULT. Out of memory (VM_FAULT_OOM: the OOM killer chose this task) the first
     * faultin_page_range call returns -ENOMEM if it failed on the range's first page; otherwise it returns the
     * pages done, and the next call meets the pending SIGKILL: -EINTR.
     */
    static long populate(Mm mm, int pid, long start, long end, boolean write) {
        long addr = start;
        while (Long.compareUnsigned(addr, end) < 0) {
            if (mm.oomKilled) {
                return -Errno.EINTR;
            }
            Vma vma = mm.vmaLookup(addr) instanceof Vma v ? v : null;
            if (vma == null) {
                return -Errno.ENOMEM;
            }
            if ((vma.flags & (VmFlags.IO | VmFlags.PFNMAP)) != 0) {
                return -Errno.EINVAL;
            }
            if (write ? (vma.flags & VmFlags.WRITE) == 0 : (vma.flags & VmFlags.READ) == 0) {
                return -Errno.EINVAL;
            }
            long tmp = Math.min(vma.end, end);
            // pages are faulted in order; a guard marker ends it with VM_FAULT_SIGSEGV -> -EFAULT
            int r = mm.k.gup.populateVmaPageRange(vma, pid, addr, tmp, write);
            if ((r & VmFaultResult.OOM) != 0) {
                return addr == start && mm.k.gup.populated == 0 ? -Errno.ENOMEM : -Errno.EINTR;
            }
            if ((r & VmFaultResult.ERROR) != 0) {
                return -Errno.EFAULT;
            }
            addr = tmp;
        }
        return 0;
    }
}
