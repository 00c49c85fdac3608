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

    /**
     * do_mlock (mlock2 flags MLOCK_ONFAULT): EINVAL for unknown flags, EPERM when the task may not lock at all
     * (can_do_mlock), ENOMEM when locked_vm plus the range (less what of it is locked already,
     * count_mm_mlocked_page_nr) passes RLIMIT_MEMLOCK without CAP_IPC_LOCK; then apply_vma_lock_flags and
     * __mm_populate.
     */
    public static long mlock(Mm mm, int pid, long start, long len, int flags) {
        if ((flags & ~MapFlags.MLOCK_ONFAULT) != 0) {
            return -Errno.EINVAL;
        }
        long vmFlags = VmFlags.LOCKED | ((flags & MapFlags.MLOCK_ONFAULT) != 0 ? VmFlags.LOCKONFAULT : 0);
        if (!Limits.canDoMlock(mm)) {
            return -Errno.EPERM;
        }
        len = MmapOps.pageAlign(len + (start & (PAGE - 1)));
        start &= ~(PAGE - 1);
        long lockLimit = Limits.pages(mm.rlim.cur(Limits.RLIMIT_MEMLOCK));
        long locked = (len >>> 12) + mm.lockedVm;
        if (Long.compareUnsigned(locked, lockLimit) > 0 && !mm.capIpcLock) {
            locked -= countMmMlockedPageNr(mm, start, len);
        }
        if (Long.compareUnsigned(locked, lockLimit) > 0 && !mm.capIpcLock) {
            return -Errno.ENOMEM;
        }
        int err = applyVmaLockFlags(mm, start, len, vmFlags);
        if (err != 0) {
            return err;
        }
        int r = MmapOps.mmPopulate(mm, pid, start, len, false);
        // __mlock_posix_error_return: EFAULT -> ENOMEM, ENOMEM (out of memory) -> EAGAIN; EINTR stays
        return r == -Errno.EFAULT ? -Errno.ENOMEM : r == -Errno.ENOMEM ? -Errno.EAGAIN : r;
    }

    /** count_mm_mlocked_page_nr: the pages of [start, start+len) already in VM_LOCKED VMAs. */
    static long countMmMlockedPageNr(Mm mm, long start, long len) {
        long end = Long.compareUnsigned(-1L - len, start) < 0 ? -1L : start + len; // don't overflow past ULONG_MAX
        long count = 0;
        for (Vma v : mm.range(start, MmapOps.clampEnd(end))) {
            if ((v.flags & VmFlags.LOCKED) != 0) {
                if (Long.compareUnsigned(start, v.start) > 0) {
                    count -= start - v.start;
                }
                if (Long.compareUnsigned(end, v.end) < 0) {
                    count += end - v.start;
                    break;
                }
                count += v.end - v.start;
            }
        }
        return count >> 12;
    }

    /**
     * SYSCALL mlockall (mm/mlock.c): EINVAL for no flags, unknown flags or MCL_ONFAULT alone; EPERM without
     * can_do_mlock; ENOMEM for MCL_CURRENT when total_vm is above RLIMIT_MEMLOCK and the task lacks
     * CAP_IPC_LOCK; else {@link #applyMlockallFlags} and, for MCL_CURRENT, mm_populate(0, TASK_SIZE), whose
     * errors are ignored (a PROT_NONE VMA stays unpopulated, and MCL_ONFAULT populates nothing).
     */
    public static long mlockall(Mm mm, int pid, int flags) {
        int all = MapFlags.MCL_CURRENT | MapFlags.MCL_FUTURE | MapFlags.MCL_ONFAULT;
        if (flags == 0 || (flags & ~all) != 0 || flags == MapFlags.MCL_ONFAULT) {
            return -Errno.EINVAL;
        }
        if (!Limits.canDoMlock(mm)) {
            return -Errno.EPERM;
        }
        long lockLimit = Limits.pages(mm.rlim.cur(Limits.RLIMIT_MEMLOCK));
        if ((flags & MapFlags.MCL_CURRENT) != 0 && Long.compareUnsigned(mm.totalVm, lockLimit) > 0
                && !mm.capIpcLock) {
            return -Errno.ENOMEM;
        }
        applyMlockallFlags(mm, flags);
        if ((flags & MapFlags.MCL_CURRENT) != 0) {
            MmapOps.mmPopulate(mm, pid, 0, mm.taskSize, true);
        }
        return 0;
    }

    /** SYSCALL munlockall: apply_mlockall_flags(0), which unlocks every VMA and clears def_flags' lock bits. */
    public static long munlockall(Mm mm) {
        return applyMlockallFlags(mm, 0);
    }

    /**
     * apply_mlockall_flags: mm->def_flags gets VM_LOCKED (and VM_LOCKONFAULT) for MCL_FUTURE, or loses them; with
     * MCL_CURRENT (or for munlockall, flags 0) every VMA goes through mlock_fixup with its lock bits replaced,
     * merging with its neighbours as vma_modify_flags allows. mlock_fixup's errors are ignored (prev becomes the
     * VMA itself); VM_SPECIAL and VM_DROPPABLE VMAs are left as they are. MCL_FUTURE alone leaves the VMAs alone.
     */
    static int applyMlockallFlags(Mm mm, int flags) {
        mm.defFlags &= ~VmFlags.LOCKED_MASK;
        if ((flags & MapFlags.MCL_FUTURE) != 0) {
            mm.defFlags |= VmFlags.LOCKED;
            if ((flags & MapFlags.MCL_ONFAULT) != 0) {
                mm.defFlags |= VmFlags.LOCKONFAULT;
            }
            if ((flags & MapFlags.MCL_CURRENT) == 0) {
                return 0;
            }
        }
        long toAdd = 0;
        if ((flags & MapFlags.MCL_CURRENT) != 0) {
            toAdd |= VmFlags.LOCKED;
            if ((flags & MapFlags.MCL_ONFAULT) != 0) {
                toAdd |= VmFlags.LOCKONFAULT;
            }
        }
        Vma prev = null;
        for (Vma vma = mm.tree.first(); vma != null; ) {
            long newflags = (vma.flags & ~VmFlags.LOCKED_MASK) | toAdd;
            Vma done = mlockFixup(mm, prev, vma, vma.start, vma.end, newflags);
            prev = done == null ? vma : done; // "Ignore errors, but prev needs fixing up"
            vma = mm.nextOf(prev);
        }
        return 0;
    }

    /**
     * mlock_fixup: VM_SPECIAL and VM_DROPPABLE VMAs and unchanged flags are skipped; otherwise vma_modify_flags
     * (split or merge), locked_vm adjusted by the pages gaining or losing VM_LOCKED, and the new flags set.
     *
     * @return the VMA now covering [start, end) (after any merge), or null when vma_modify_flags failed
     */
    static Vma mlockFixup(Mm mm, Vma prev, Vma vma, long start, long end, long newflags) {
        long oldflags = vma.flags;
        if (newflags == oldflags || (oldflags & VmFlags.SPECIAL) != 0 || (oldflags & VmFlags.DROPPABLE) != 0) {
            return vma;
        }
        VmaMerge.Modified m = modifyFlags(mm, prev, vma, start, end, newflags);
        if (m.error() != 0) {
            return null;
        }
        Vma cur = m.vma();
        long pages = (end - start) >>> 12;
        if ((newflags & VmFlags.LOCKED) == 0) {
            mm.lockedVm -= (oldflags & VmFlags.LOCKED) != 0 ? pages : 0;
        } else if ((oldflags & VmFlags.LOCKED) == 0) {
            mm.lockedVm += pages;
        }
        cur.flags = newflags | (cur.flags & VmFlags.IGNORE_MERGE);
        return cur;
    }

    /** The task's CAP_IPC_LOCK (its credentials; see {@link Mm#capIpcLock}). */
    public static void setCapIpcLock(Mm mm, boolean has) {
        mm.capIpcLock = has;
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
