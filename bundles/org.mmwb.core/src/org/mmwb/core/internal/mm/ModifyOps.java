package org.mmwb.core.internal.mm;

import org.mmwb.core.mm.Errno;
import org.mmwb.core.mm.MapFlags;
import org.mmwb.core.mm.Prot;
import org.mmwb.core.mm.VmFlags;

/** mprotect, mlock/munlock and mseal: mm/mprotect.c, mm/mlock.c, mm/mseal.c of Linux 6.18. */
public final class ModifyOps {
    static final long PAGE = 4096;

    private ModifyOps() {
    }

    /** do_mprotect_pkey. */
    public static long mprotect(Mm mm, int pid, long start, long len, int prot) {
        int grows = prot & (Prot.GROWSDOWN | Prot.GROWSUP);
        prot &= ~(Prot.GROWSDOWN | Prot.GROWSUP);
        if (grows == (Prot.GROWSDOWN | Prot.GROWSUP)) {
            return -Errno.EINVAL;
        }
        if ((start & (PAGE - 1)) != 0) {
            return -Errno.EINVAL;
        }
        if (len == 0) {
            return 0;
        }
        len = MmapOps.pageAlign(len);
        long end = start + len;
        if (Long.compareUnsigned(end, start) <= 0) {
            return -Errno.ENOMEM;
        }
        end = MmapOps.clampEnd(end);
        if (Long.compareUnsigned(start, end) >= 0) {
            return -Errno.ENOMEM; // starts above every VMA: nothing mapped there (find_vma is NULL)
        }
        if ((prot & ~(Prot.READ | Prot.WRITE | Prot.EXEC | Prot.SEM)) != 0) {
            return -Errno.EINVAL;
        }
        Vma vma = mm.findVma(start);
        if (vma == null || Long.compareUnsigned(vma.start, end) >= 0 && grows == 0) {
            return -Errno.ENOMEM;
        }
        if ((grows & Prot.GROWSDOWN) != 0) {
            if (Long.compareUnsigned(vma.start, end) >= 0) {
                return -Errno.ENOMEM;
            }
            start = vma.start;
            if ((vma.flags & VmFlags.GROWSDOWN) == 0) {
                return -Errno.EINVAL;
            }
        } else if (vma.start > start) {
            return -Errno.ENOMEM;
        }
        Vma prev = start > vma.start ? vma : mm.prevOf(vma);
        long nstart = start;
        long tmp = vma.start;
        int error = 0;
        while (vma != null && vma.start < end) {
            if (vma.start != tmp) {
                error = -Errno.ENOMEM;
                break;
            }
            long newflags = VmFlags.fromProt(prot) | (vma.flags & ~VmFlags.ACCESS_FLAGS);
            if ((newflags & ~(newflags >>> 4) & VmFlags.ACCESS_FLAGS) != 0) {
                error = -Errno.EACCES;
                break;
            }
            tmp = Math.min(vma.end, end);
            error = mprotectFixup(mm, pid, vma, prev, nstart, tmp, newflags);
            if (error != 0) {
                break;
            }
            Vma cur = mm.findVma(nstart);
            prev = cur;
            tmp = cur.end;
            nstart = tmp;
            vma = mm.nextOf(cur);
            if (Long.compareUnsigned(tmp, end) >= 0) {
                break;
            }
        }
        if (error == 0 && Long.compareUnsigned(tmp, end) < 0) {
            error = -Errno.ENOMEM;
        }
        return error;
    }

    /** mprotect_fixup: mseal, VM_ACCOUNT gained/dropped, vma_modify_flags, change_protection. */
    static int mprotectFixup(Mm mm, int pid, Vma vma, Vma prev, long start, long end, long newflags) {
        if ((vma.flags & VmFlags.SEALED) != 0) {
            return -Errno.EPERM;
        }
        long oldflags = vma.flags;
        if (newflags == oldflags) {
            return 0;
        }
        if ((newflags & VmFlags.WRITE) != 0) {
            long nrpages = (end - start) >>> 12;
            // check space limits when the area turns into data
            if (!Limits.mayExpandVm(mm, newflags, nrpages) && Limits.mayExpandVm(mm, oldflags, nrpages)) {
                return -Errno.ENOMEM;
            }
            if ((oldflags & (VmFlags.ACCOUNT | VmFlags.WRITE | VmFlags.HUGETLB | VmFlags.SHARED
                    | VmFlags.NORESERVE)) == 0) {
                if (!Limits.vmEnoughMemory(mm, nrpages)) {
                    return -Errno.ENOMEM;
                }
                newflags |= VmFlags.ACCOUNT;
            }
        } else if ((oldflags & VmFlags.ACCOUNT) != 0 && vma.ops == null && vma.anonVma == null) {
            newflags &= ~VmFlags.ACCOUNT;
        }
        VmaMerge.Modified m = modifyFlags(mm, prev, vma, start, end, newflags);
        if (m.error() != 0) {
            return m.error();
        }
        Vma v = m.vma();
        v.flags = newflags | (v.flags & VmFlags.IGNORE_MERGE);
        Pages.changeProtection(v, start, end);
        // a private VM_LOCKED VMA becoming writable is populated (COW now rather than a major fault later)
        if ((oldflags & (VmFlags.WRITE | VmFlags.SHARED | VmFlags.LOCKED)) == VmFlags.LOCKED
                && (newflags & VmFlags.WRITE) != 0 && (newflags & VmFlags.LOCKONFAULT) == 0) {
            mm.k.gup.populateVmaPageRange(v, pid, start, end, true);
        }
        return 0;
    }

    /** vma_modify_flags. */
    static VmaMerge.Modified modifyFlags(Mm mm, Vma prev, Vma vma, long start, long end, long newflags) {
        Vmg g = Vmg.forVma(mm, prev, vma, start, end);
        g.flags = newflags;
        return VmaMerge.modify(g, mm.k.maxMapCount);
    }

    /** do_mlock (mlock2 flags MLOCK_ONFAULT); run as a task with CAP_IPC_LOCK (root), as the host tests do. */
    public static long mlock(Mm mm, int pid, long start, long len, int flags) {
        if ((flags & ~MapFlags.MLOCK_ONFAULT) != 0) {
            return -Errno.EINVAL;
        }
        long vmFlags = VmFlags.LOCKED | ((flags & MapFlags.MLOCK_ONFAULT) != 0 ? VmFlags.LOCKONFAULT : 0);
        len = MmapOps.pageAlign(len + (start & (PAGE - 1)));
        start &= ~(PAGE - 1);
        int err = applyVmaLockFlags(mm, start, len, vmFlags);
        if (err != 0) {
            return err;
        }
        int r = MmapOps.mmPopulate(mm, pid, start, len, false);
        // __mlock_posix_error_return: EFAULT -> ENOMEM, ENOMEM (out of memory) -> EAGAIN; EINTR stays
        return r == -Errno.EFAULT ? -Errno.ENOMEM : r == -Errno.ENOMEM ? -Errno.EAGAIN : r;
    }

    /** munlock(2). */
    public static long munlock(Mm mm, long start, long len) {
        len = MmapOps.pageAlign(len + (start & (PAGE - 1)));
        start &= ~(PAGE - 1);
        return applyVmaLockFlags(mm, start, len, 0);
    }

    /** apply_vma_lock_flags + mlock_fixup (VM_SPECIAL VMAs are skipped silently). */
    static int applyVmaLockFlags(Mm mm, long start, long len, long lockFlags) {
        long end = MmapOps.userRangeEnd(start, len); // the caller aligned start and len
        if (end <= 0) {
            return (int) end;
        }
        Vma vma = mm.vmaLookup(start) instanceof Vma v ? v : null;
        if (vma == null) {
            return -Errno.ENOMEM;
        }
        Vma prev = start > vma.start ? vma : mm.prevOf(vma);
        long nstart = start;
        long tmp = vma.start;
        while (vma != null && vma.start < end) {
            if (vma.start != tmp) {
                return -Errno.ENOMEM;
            }
            long newflags = (vma.flags & ~VmFlags.LOCKED_MASK) | lockFlags;
            tmp = Math.min(vma.end, end);
            Vma cur = vma;
            if (newflags != vma.flags && (vma.flags & VmFlags.SPECIAL) == 0 && (vma.flags & VmFlags.DROPPABLE) == 0) {
                VmaMerge.Modified m = modifyFlags(mm, prev, vma, nstart, tmp, newflags);
                if (m.error() != 0) {
                    return m.error();
                }
                cur = m.vma();
                long pages = (tmp - nstart) >>> 12;
                boolean wasLocked = (vma.flags & VmFlags.LOCKED) != 0;
                cur.flags = newflags | (cur.flags & VmFlags.IGNORE_MERGE);
                if ((lockFlags & VmFlags.LOCKED) != 0 && !wasLocked) {
                    mm.lockedVm += pages;
                } else if (lockFlags == 0 && wasLocked) {
                    mm.lockedVm -= pages;
                }
            }
            cur = mm.findVma(nstart);
            prev = cur;
            tmp = cur.end;
            nstart = tmp;
            vma = mm.nextOf(cur);
            if (Long.compareUnsigned(tmp, end) >= 0) {
                break;
            }
        }
        if (Long.compareUnsigned(tmp, end) < 0) {
            return -Errno.ENOMEM;
        }
        return 0;
    }

    /** do_mseal. */
    public static long mseal(Mm mm, long start, long lenIn, long flags) {
        if (flags != 0) {
            return -Errno.EINVAL;
        }
        long end = MmapOps.userRangeEnd(start, lenIn);
        if (end <= 0) {
            return end;
        }
        // range_contains_unmapped
        long prevEnd = start;
        for (Vma v : mm.range(start, end)) {
            if (v.start > prevEnd) {
                return -Errno.ENOMEM;
            }
            prevEnd = v.end;
        }
        if (Long.compareUnsigned(prevEnd, end) < 0) {
            return -Errno.ENOMEM;
        }
        long cur = start;
        Vma vma = mm.findVma(start);
        Vma prev = start > vma.start ? vma : mm.prevOf(vma);
        while (vma != null && vma.start < end) {
            long curEnd = Math.min(vma.end, end);
            Vma done = vma;
            if ((vma.flags & VmFlags.SEALED) == 0) {
                VmaMerge.Modified m = modifyFlags(mm, prev, vma, cur, curEnd, vma.flags | VmFlags.SEALED);
                if (m.error() != 0) {
                    return m.error();
                }
                done = m.vma();
                done.flags |= VmFlags.SEALED;
            }
            done = mm.findVma(cur);
            prev = done;
            cur = done.end;
            vma = mm.nextOf(done);
            if (Long.compareUnsigned(cur, end) >= 0) {
                break;
            }
        }
        return 0;
    }
}
