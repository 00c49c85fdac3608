package org.mmwb.core.internal.mm;

import java.util.List;

import org.mmwb.core.internal.vma.VmaTree;
import org.mmwb.core.mm.Errno;
import org.mmwb.core.mm.MapFlags;
import org.mmwb.core.mm.MemFile;
import org.mmwb.core.mm.Prot;
import org.mmwb.core.mm.VmFaultResult;
import org.mmwb.core.mm.VmFlags;

/**
 * mmap, munmap and brk with the checks and errnos of mm/mmap.c and mm/vma.c (do_mmap, __get_unmapped_area,
 * arch_get_unmapped_area_topdown, thp_get_unmapped_area, __mmap_region, do_vmi_munmap, brk).
 */
public final class MmapOps {
    static final long PAGE = 4096;
    static final long PMD = 1L << 21;
    static final long DEFAULT_MAP_WINDOW = (1L << 47) - PAGE;

    private MmapOps() {
    }

    static long pageAlign(long len) {
        return (len + PAGE - 1) & ~(PAGE - 1);
    }

    /** An end above every user VMA, still positive as a signed long (the engine compares VMA bounds signed). */
    static final long END_CLAMP = 0x7fff_ffff_ffff_f000L;

    /**
     * The end of a syscall's range for the VMA walk, once the kernel's own overflow checks have passed: an end
     * past 2^63 (len near 2^64) becomes END_CLAMP. No VMA lies above TASK_SIZE, so the walk, its gaps and its
     * -ENOMEM are the same as the kernel's with the unsigned end.
     */
    static long clampEnd(long end) {
        return Long.compareUnsigned(end, END_CLAMP) > 0 ? END_CLAMP : end;
    }

    /**
     * The range checks madvise, mseal and mlock share: a page-aligned start, the length rounded up without
     * wrapping, the range clamped to user space ({@link #clampEnd}).
     *
     * @return the end of the range; 0 for an empty range (the call succeeds with nothing to do); or -errno
     *         (-EINVAL for a bad start or length, -ENOMEM for a range above every VMA), IS_ERR_VALUE style
     */
    static long userRangeEnd(long start, long lenIn) {
        if ((start & (PAGE - 1)) != 0) {
            return -Errno.EINVAL;
        }
        long len = pageAlign(lenIn);
        if (lenIn != 0 && len == 0) {
            return -Errno.EINVAL;
        }
        long end = start + len;
        if (Long.compareUnsigned(end, start) < 0) {
            return -Errno.EINVAL;
        }
        if (end == start) {
            return 0;
        }
        end = clampEnd(end);
        if (Long.compareUnsigned(start, end) >= 0) {
            return -Errno.ENOMEM; // starts above every VMA: nothing mapped there (find_vma is NULL)
        }
        return end;
    }

    /** vm_start_gap: a VM_GROWSDOWN VMA keeps stack_guard_gap free below it. */
    static long startGap(Vma v) {
        long s = v.start;
        if ((v.flags & VmFlags.GROWSDOWN) != 0) {
            long g = s - v.mm.k.stackGuardGap;
            s = Long.compareUnsigned(g, s) > 0 ? 0 : g;
        }
        return s;
    }

    /**
     * get_unmapped_area for an anonymous mapping, without mapping anything (for providers that place a mapping
     * themselves): len is page-aligned; addr is a hint, or the address itself with MAP_FIXED. The address or
     * -errno (-EINVAL for len 0 or an unaligned fixed address, -ENOMEM when nothing fits).
     */
    public static long getUnmappedArea(Mm mm, long addr, long len, int flags) {
        long alen = pageAlign(len);
        if (len == 0 || alen == 0) {
            return -Errno.EINVAL;
        }
        return getUnmappedArea(mm, null, addr, alen, 0, flags & (MapFlags.FIXED | MapFlags.SHARED), 0);
    }

    /** __get_unmapped_area: fixed addresses are checked, others placed top-down (THP-aligned when eligible). */
    static long getUnmappedArea(Mm mm, MemFile file, long addr, long len, long pgoff, int flags, long vmFlags) {
        if (Long.compareUnsigned(len, mm.taskSize) > 0) {
            return -Errno.ENOMEM;
        }
        long a;
        if ((flags & MapFlags.FIXED) != 0) {
            a = addr;
        } else if (file == null && addr == 0 && (len & (PMD - 1)) == 0) {
            a = thpGetUnmappedArea(mm, len, flags, vmFlags);
        } else if (file != null && file.thpUnmappedArea()) {
            a = thpFileUnmappedArea(mm, addr, len, pgoff, flags);
        } else {
            a = topDown(mm, addr, len, flags);
        }
        if (Errno.isError(a)) {
            return a;
        }
        if (Long.compareUnsigned(a, mm.taskSize - len) > 0) {
            return -Errno.ENOMEM;
        }
        if ((a & (PAGE - 1)) != 0) {
            return -Errno.EINVAL;
        }
        return a;
    }

    /** thp_get_unmapped_area_vmflags: pad by 2 MiB and align (top-down keeps the upper aligned slot). */
    static long thpGetUnmappedArea(Mm mm, long len, int flags, long vmFlags) {
        long padded = len + PMD;
        if (Long.compareUnsigned(padded, len) < 0) {
            return topDown(mm, 0, len, flags);
        }
        long ret = topDown(mm, 0, padded, flags);
        if (Errno.isError(ret)) {
            return topDown(mm, 0, len, flags);
        }
        long offSub = (-ret) & (PMD - 1);
        if (offSub == 0) {
            return ret + PMD;
        }
        return ret + offSub;
    }

    /**
     * thp_get_unmapped_area, the get_unmapped_area of ext4's and xfs's file_operations (__thp_get_unmapped_area):
     * when the file range holds a whole 2 MiB-aligned block, pad by 2 MiB and place the mapping so that file
     * offset and address agree modulo 2 MiB (top-down keeps the upper slot); otherwise the plain top-down search.
     */
    static long thpFileUnmappedArea(Mm mm, long addr, long len, long pgoff, int flags) {
        long off = pgoff << 12;
        long offEnd = off + len;
        long offAlign = (off + PMD - 1) & ~(PMD - 1);
        if (offEnd <= offAlign || offEnd - offAlign < PMD || len + PMD < len) {
            return topDown(mm, addr, len, flags);
        }
        long ret = topDown(mm, addr, len + PMD, flags);
        if (Errno.isError(ret)) {
            return topDown(mm, addr, len, flags);
        }
        if (ret == addr) {
            return addr;
        }
        long offSub = (off - ret) & (PMD - 1);
        return offSub == 0 ? ret + PMD : ret + offSub;
    }

    /**
     * arch_get_unmapped_area_topdown (arch/x86/kernel/sys_x86_64.c): a valid free hint wins
     * (mmap_address_hint_valid), else the highest gap below mmap_base; a hint above DEFAULT_MAP_WINDOW (47 bits)
     * raises that limit by TASK_SIZE_MAX - DEFAULT_MAP_WINDOW, which is 0 with 4-level paging and opens the
     * 56-bit space with 5-level (LA57) paging: only a high hint places a mapping above 47 bits. When no gap fits,
     * the bottom-up search ({@link #bottomUp}) with the original hint. Tasks are 64-bit (no in_32bit_syscall).
     */
    static long topDown(Mm mm, long addr0, long len, int flags) {
        long addr = addr0;
        if (addr != 0) {
            addr &= ~(PAGE - 1);
            if (hintValid(mm, addr, len)) {
                Vma vma = mm.findVma(addr);
                Vma prev = addr == 0 ? null : mm.tree.prev(addr);
                if ((vma == null || addr + len <= startGap(vma)) && (prev == null || addr >= prev.end)) {
                    return addr;
                }
            }
        }
        long high = mm.mmapBase;
        if (Long.compareUnsigned(addr, DEFAULT_MAP_WINDOW) > 0) {
            high += mm.taskSize - DEFAULT_MAP_WINDOW;
        }
        long low = Math.max(PAGE, mm.k.mmapMinAddr);
        long r = unmappedAreaTopDown(mm, len, low, high);
        if (r >= 0) {
            return r;
        }
        return bottomUp(mm, addr0, len);
    }

    /**
     * arch_get_unmapped_area with find_start_end, the fallback of the top-down search: from mmap_legacy_base
     * (TASK_UNMAPPED_BASE of the 47-bit window, PAGE_ALIGN(DEFAULT_MAP_WINDOW / 3), on either paging mode) up to
     * DEFAULT_MAP_WINDOW, or up to TASK_SIZE_MAX for a hint above it (task_size_64bit(addr > DEFAULT_MAP_WINDOW));
     * the hint, rounded up here (PAGE_ALIGN), is taken when it fits below that end.
     */
    static long bottomUp(Mm mm, long addr, long len) {
        long begin = pageAlign(DEFAULT_MAP_WINDOW / 3);
        long end = Long.compareUnsigned(addr, DEFAULT_MAP_WINDOW) > 0 ? mm.taskSize : DEFAULT_MAP_WINDOW;
        if (Long.compareUnsigned(len, end) > 0) {
            return -Errno.ENOMEM;
        }
        if (addr != 0) {
            addr = pageAlign(addr);
            Vma vma = mm.findVma(addr);
            if (Long.compareUnsigned(end - len, addr) >= 0 && (vma == null || addr + len <= startGap(vma))) {
                return addr;
            }
        }
        return unmappedAreaBottomUp(mm, len, begin, end);
    }

    /** mmap_address_hint_valid (arch/x86/mm/mmap.c): below TASK_SIZE, and not crossing DEFAULT_MAP_WINDOW. */
    private static boolean hintValid(Mm mm, long addr, long len) {
        if (Long.compareUnsigned(mm.taskSize - len, addr) < 0) {
            return false;
        }
        return (Long.compareUnsigned(addr, DEFAULT_MAP_WINDOW) > 0)
            == (Long.compareUnsigned(addr + len, DEFAULT_MAP_WINDOW) > 0);
    }

    /** unmapped_area_topdown: the highest [gapStart, gapEnd) of at least len inside [low, high). */
    static long unmappedAreaTopDown(Mm mm, long len, long low, long high) {
        long gapEnd = high;
        Vma above = mm.tree.next(high);
        if (above != null) {
            gapEnd = Math.min(gapEnd, startGap(above));
        }
        // walk down with one cursor (vma_prev per step would be a tree descent each)
        VmaTree<Vma>.ReverseCursor c = mm.tree.reverseCursor().seekBefore(high);
        Vma v = c.hasPrev() ? c.prev() : null;
        while (true) {
            if (v != null && v.end > gapEnd) {
                gapEnd = Math.min(gapEnd, startGap(v));
                v = c.hasPrev() ? c.prev() : null;
                continue;
            }
            long gapStart = v == null ? 0 : v.end;
            long lo = Math.max(gapStart, low);
            if (gapEnd > lo && gapEnd - lo >= len) {
                return (gapEnd - len) & ~(PAGE - 1);
            }
            if (v == null || v.end <= low) {
                return -Errno.ENOMEM;
            }
            gapEnd = Math.min(gapEnd, startGap(v));
            v = c.hasPrev() ? c.prev() : null;
        }
    }

    /** unmapped_area: the lowest gap (the legacy bottom-up fallback). */
    static long unmappedAreaBottomUp(Mm mm, long len, long low, long high) {
        long a = low;
        Vma v = mm.findVma(a);
        while (true) {
            long gapEnd = v == null ? high : Math.min(high, startGap(v));
            if (gapEnd >= a && gapEnd - a >= len) {
                return a;
            }
            if (v == null) {
                return -Errno.ENOMEM;
            }
            a = Math.max(a, v.end);
            v = mm.nextOf(v);
        }
    }

    /**
     * do_mmap + __mmap_region (+ mm_populate for MAP_POPULATE / MAP_LOCKED, and for every mapping while
     * mm->def_flags holds VM_LOCKED after mlockall(MCL_FUTURE); VM_LOCKONFAULT populates nothing).
     */
    public static long mmap(Mm mm, int pid, long addr, long len, int prot, int flags, MemFile file, long off) {
        if (len == 0) {
            return -Errno.EINVAL;
        }
        if ((off & (PAGE - 1)) != 0) {
            return -Errno.EINVAL;
        }
        if ((prot & ~(Prot.READ | Prot.WRITE | Prot.EXEC | Prot.SEM | Prot.GROWSDOWN | Prot.GROWSUP)) != 0) {
            // unknown PROT bits are ignored by do_mmap except those arch_validate_prot rejects via mprotect
        }
        long pgoff = off >>> 12;
        if ((flags & MapFlags.FIXED_NOREPLACE) != 0) {
            flags |= MapFlags.FIXED;
        }
        if ((flags & MapFlags.FIXED) == 0) {
            addr = roundHintToMin(mm, addr);
        }
        long alen = pageAlign(len);
        if (alen == 0 || Long.compareUnsigned(alen, len) < 0) {
            return -Errno.ENOMEM;
        }
        if (pgoff + (alen >>> 12) < pgoff) {
            return -Errno.EOVERFLOW;
        }
        if (mm.mapCount() > mm.k.maxMapCount) {
            return -Errno.ENOMEM;
        }
        if ((flags & MapFlags.ANONYMOUS) != 0) {
            file = null;
        } else if (file == null) {
            return -Errno.EBADF;
        }
        long vmFlags = VmFlags.fromProt(prot) | calcVmFlagBits(file, flags) | mm.defFlags
            | VmFlags.MAYREAD | VmFlags.MAYWRITE | VmFlags.MAYEXEC;
        long a = getUnmappedArea(mm, file, addr, alen, pgoff, flags, vmFlags);
        if (Errno.isError(a)) {
            return a;
        }
        if ((flags & MapFlags.FIXED_NOREPLACE) != 0 && mm.tree.findIntersection(a, a + alen) != null) {
            return -Errno.EEXIST;
        }
        // vm_flags holds mm->def_flags: after mlockall(MCL_FUTURE) every mapping is VM_LOCKED and checked here
        if ((flags & MapFlags.LOCKED) != 0 && !Limits.canDoMlock(mm)) {
            return -Errno.EPERM;
        }
        if (!Limits.mlockFutureOk(mm, vmFlags, alen)) {
            return -Errno.EAGAIN;
        }
        int type = flags & MapFlags.TYPE;
        if (file != null) {
            switch (type) {
                case MapFlags.SHARED, MapFlags.SHARED_VALIDATE -> vmFlags |= VmFlags.SHARED | VmFlags.MAYSHARE;
                case MapFlags.PRIVATE -> { }
                default -> {
                    return -Errno.EINVAL;
                }
            }
            if ((vmFlags & VmFlags.GROWSDOWN) != 0) {
                return -Errno.EINVAL;
            }
        } else {
            switch (type) {
                case MapFlags.SHARED -> {
                    if ((vmFlags & VmFlags.GROWSDOWN) != 0) {
                        return -Errno.EINVAL;
                    }
                    pgoff = 0;
                    vmFlags |= VmFlags.SHARED | VmFlags.MAYSHARE;
                }
                case MapFlags.PRIVATE -> pgoff = a >>> 12;
                default -> {
                    return -Errno.EINVAL;
                }
            }
        }
        if ((flags & MapFlags.NORESERVE) != 0 && mm.k.overcommit != 2) {
            vmFlags |= VmFlags.NORESERVE;
        }
        long r = mmapRegion(mm, file, a, alen, vmFlags, pgoff);
        if (Errno.isError(r)) {
            return r;
        }
        if ((vmFlags & VmFlags.LOCKED) != 0
                || (flags & (MapFlags.POPULATE | MapFlags.NONBLOCK)) == MapFlags.POPULATE) {
            mmPopulate(mm, pid, r, alen, true);
        }
        return r;
    }

    /** round_hint_to_min: a hint below mmap_min_addr is raised to it. */
    static long roundHintToMin(Mm mm, long hint) {
        hint &= ~(PAGE - 1);
        if (hint != 0 && Long.compareUnsigned(hint, pageAlign(mm.k.mmapMinAddr)) < 0) {
            return pageAlign(mm.k.mmapMinAddr);
        }
        return hint;
    }

    /** calc_vm_flag_bits. */
    static long calcVmFlagBits(MemFile file, int flags) {
        long f = 0;
        if ((flags & MapFlags.GROWSDOWN) != 0) {
            f |= VmFlags.GROWSDOWN;
        }
        if ((flags & MapFlags.LOCKED) != 0) {
            f |= VmFlags.LOCKED;
        }
        if ((flags & MapFlags.SYNC) != 0 && file != null) {
            f |= VmFlags.SYNC;
        }
        if ((flags & MapFlags.STACK) != 0) {
            f |= VmFlags.NOHUGEPAGE;
        }
        return f;
    }

    /** accountable_mapping: private writable memory is charged (VM_ACCOUNT) unless VM_NORESERVE. */
    static boolean accountable(long vmFlags) {
        return (vmFlags & (VmFlags.NORESERVE | VmFlags.SHARED | VmFlags.WRITE)) == VmFlags.WRITE;
    }

    /** __mmap_region: unmap what is in the way, try to merge, else create a VMA (shared anon gets a shmem file). */
    static long mmapRegion(Mm mm, MemFile file, long addr, long len, long vmFlags, long pgoff) {
        long end = addr + len;
        boolean overlaps = mm.tree.findIntersection(addr, end) != null;
        int refused = mmapSetupLimits(mm, file, addr, end, vmFlags, overlaps);
        if (refused != 0) {
            return refused;
        }
        if (overlaps) {
            int err = doMunmap(mm, addr, len);
            if (err != 0) {
                return err;
            }
        }
        if (accountable(vmFlags)) {
            vmFlags |= VmFlags.ACCOUNT;
        }
        Vma prev = mm.tree.prev(addr);
        Vma next = mm.tree.next(addr);
        Vma vma = null;
        if (!(file == null && (vmFlags & VmFlags.SHARED) != 0)) {
            Vmg g = Vmg.forNew(mm, prev, next, addr, end, pgoff, vmFlags, file);
            vma = VmaMerge.mergeNewRange(g);
        }
        if (vma == null) {
            vma = new Vma(mm, addr, end, pgoff, vmFlags);
            if (file != null) {
                vma.file = file;
                vma.ops = VmOps.SHMEM;
            } else if ((vmFlags & VmFlags.SHARED) != 0) {
                vma.file = MemFile.devZero(len, mm.k.nextIno());
                vma.ops = VmOps.SHMEM;
            }
            mm.link(vma);
        }
        mm.totalVm += len >>> 12;
        if ((vmFlags & VmFlags.LOCKED) != 0) {
            if ((vmFlags & VmFlags.SPECIAL) != 0) {
                vma.flags &= ~VmFlags.LOCKED_MASK;
            } else {
                mm.lockedVm += len >>> 12;
            }
        }
        return addr;
    }

    /**
     * The limit checks of __mmap_setup (after vms_gather_munmap_vmas): may_expand_vm for the pages not replaced,
     * then __vm_enough_memory for private writable memory not already accounted, and shmem_acct_size for shared
     * anonymous memory (shmem_zero_setup). A refusal leaves the VMAs in the way split at the range's edges, as
     * the gather split them before vms_abort_munmap_vmas reattached them. 0 or -ENOMEM.
     */
    static int mmapSetupLimits(Mm mm, MemFile file, long addr, long end, long vmFlags, boolean overlaps) {
        long pglen = (end - addr) >>> 12;
        long nrPages = 0;
        long nrAccounted = 0;
        if (overlaps) {
            for (Vma v : mm.range(addr, end)) {
                long n = (Math.min(end, v.end) - Math.max(addr, v.start)) >>> 12;
                nrPages += n;
                if ((v.flags & VmFlags.ACCOUNT) != 0) {
                    nrAccounted += n;
                }
            }
        }
        boolean ok = Limits.mayExpandVm(mm, vmFlags, pglen - nrPages);
        if (ok && accountable(vmFlags) && pglen > nrAccounted) {
            ok = Limits.vmEnoughMemory(mm, pglen - nrAccounted);
        }
        if (ok && file == null && (vmFlags & (VmFlags.SHARED | VmFlags.NORESERVE)) == VmFlags.SHARED) {
            ok = Limits.vmEnoughMemory(mm, pglen);
        }
        if (ok) {
            return 0;
        }
        if (overlaps) {
            for (Vma v : mm.range(addr, end)) {
                if ((v.flags & VmFlags.SEALED) != 0) {
                    return doMunmap(mm, addr, end - addr); // the gather's EPERM (and its split) came first
                }
            }
            Vma first = mm.findVma(addr);
            if (first != null && first.start < addr) {
                if (end < first.end && mm.mapCount() >= mm.k.maxMapCount) {
                    return -Errno.ENOMEM; // the gather's own map_count check came first
                }
                VmaMerge.split(mm, first, addr, true);
            }
            Vma last = mm.findVma(end - 1);
            if (last != null && last.start < end && last.end > end) {
                VmaMerge.split(mm, last, end, false);
            }
        }
        return -Errno.ENOMEM;
    }

    /**
     * __mm_populate: fault in [start, start+len) of VM_LOCKED or populate-requested VMAs, one
     * populate_vma_page_range per VMA. Errors are vm_fault_to_errno's: VM_FAULT_OOM -> -ENOMEM, SIGBUS/SIGSEGV ->
     * -EFAULT. Out of memory the OOM killer has chosen this task (SIGKILL pending): if the failing page was not
     * the first of its VMA's range, the retry from that page meets fatal_signal_pending first and the error is
     * -EINTR; every later VMA is skipped. With ignoreErrors (mmap's MAP_POPULATE / MAP_LOCKED, mremap growth,
     * mm_populate) errors are dropped: populate is best effort.
     */
    static int mmPopulate(Mm mm, int pid, long start, long len, boolean ignoreErrors) {
        long end = start + len;
        for (Vma v : mm.range(start, end)) {
            if ((v.flags & (VmFlags.IO | VmFlags.PFNMAP)) != 0 || (v.flags & VmFlags.LOCKONFAULT) != 0) {
                continue;
            }
            if (mm.oomKilled) {
                if (!ignoreErrors) {
                    return -Errno.EINTR;
                }
                break;
            }
            if (!v.accessible()) {
                // populate_vma_page_range without FOLL_FORCE: GUP refuses PROT_NONE (-EFAULT)
                if (!ignoreErrors) {
                    return -Errno.EFAULT;
                }
                continue;
            }
            boolean write = (v.flags & (VmFlags.WRITE | VmFlags.SHARED)) == VmFlags.WRITE;
            int r = mm.k.gup.populateVmaPageRange(v, pid, Math.max(start, v.start), Math.min(end, v.end), write);
            if (r != 0 && !ignoreErrors) {
                if ((r & VmFaultResult.OOM) == 0) {
                    return -Errno.EFAULT;
                }
                return mm.k.gup.populated == 0 ? -Errno.ENOMEM : -Errno.EINTR;
            }
        }
        return 0;
    }

    /** munmap(2) / do_vmi_munmap. */
    public static long munmap(Mm mm, long start, long len) {
        if ((start & (PAGE - 1)) != 0 || Long.compareUnsigned(start, mm.taskSize) > 0
                || Long.compareUnsigned(len, mm.taskSize - start) > 0) {
            return -Errno.EINVAL;
        }
        long alen = pageAlign(len);
        if (alen == 0) {
            return -Errno.EINVAL;
        }
        return doMunmap(mm, start, alen);
    }

    /** do_vmi_align_munmap: split at the edges (may_split, mseal), detach, zap, close. 0 or -errno. */
    static int doMunmap(Mm mm, long start, long len) {
        long end = start + len;
        Vma first = mm.findVma(start);
        if (first == null || Long.compareUnsigned(first.start, end) >= 0) {
            return 0;
        }
        // vms_gather_munmap_vmas: the start is split first (unless over the limit or sealed); a sealed VMA met
        // later fails the unmap with EPERM, and that split stays (vms_abort_munmap_vmas only reattaches)
        if (first.start < start) {
            if (end < first.end && mm.mapCount() >= mm.k.maxMapCount) {
                return -Errno.ENOMEM;
            }
            if ((first.flags & VmFlags.SEALED) != 0) {
                return -Errno.EPERM;
            }
            int err = VmaMerge.split(mm, first, start, true);
            if (err != 0) {
                return err;
            }
        }
        // the VMAs of [start, end), walked without a list (munmap is on the mmap+mprotect+munmap hot path)
        Vma last = first;
        for (Vma v = first; v != null && Long.compareUnsigned(v.start, end) < 0; v = mm.nextOf(v)) {
            if ((v.flags & VmFlags.SEALED) != 0) {
                return -Errno.EPERM;
            }
            last = v;
        }
        if (last.end > end) {
            int err = VmaMerge.split(mm, last, end, false);
            if (err != 0) {
                return err;
            }
        }
        for (Vma v = mm.findVma(start); v != null && Long.compareUnsigned(v.start, end) < 0; ) {
            Vma n = mm.nextOf(v);
            removeVma(mm, v);
            v = n;
        }
        Vma prev = mm.tree.prev(start);
        Vma next = mm.tree.next(start);
        mm.pgd.freePgtables(prev == null ? 0 : prev.end, next == null ? 0 : next.start);
        return 0;
    }

    /** munmap without vm_ops->close: undoing a failed mremap's copy. */
    static int doMunmapNoClose(Mm mm, long start, long len) {
        for (Vma v : mm.range(start, start + len)) {
            if (v.start >= start && v.end <= start + len) {
                mm.unlink(v);
                Pages.zap(mm, v.start, v.end, false);
                mm.totalVm -= v.pages();
            }
        }
        return 0;
    }

    /** Unlinks, zaps and closes one VMA (unmap_vmas + remove_vma). */
    static void removeVma(Mm mm, Vma v) {
        mm.unlink(v);
        Pages.zap(mm, v.start, v.end, false);
        long pages = v.pages();
        mm.totalVm -= pages;
        if ((v.flags & VmFlags.LOCKED) != 0) {
            mm.lockedVm -= pages;
        }
        SpecialMappings.close(v);
    }

    /** brk(2): returns the new break, or the old one when the request fails (the kernel's convention). */
    public static long brk(Mm mm, int pid, long brk) {
        long origbrk = mm.brk;
        long minBrk = mm.startBrk;
        if (Long.compareUnsigned(brk, minBrk) < 0) {
            return origbrk;
        }
        if (Limits.checkDataRlimit(mm, brk) != 0) {
            return origbrk;
        }
        long newbrk = pageAlign(brk);
        long oldbrk = pageAlign(mm.brk);
        if (oldbrk == newbrk) {
            mm.brk = brk;
            return brk;
        }
        if (Long.compareUnsigned(brk, mm.brk) <= 0) {
            Vma brkvma = mm.findVma(newbrk);
            if (brkvma == null || brkvma.start >= oldbrk) {
                return origbrk;
            }
            mm.brk = brk;
            if (doMunmap(mm, newbrk, oldbrk - newbrk) != 0) {
                mm.brk = origbrk;
                return origbrk;
            }
            return brk;
        }
        // check_brk_limits: get_unmapped_area(MAP_FIXED) refuses a range past TASK_SIZE (or wrapping) -ENOMEM
        if (Long.compareUnsigned(newbrk - oldbrk, mm.taskSize) > 0
                || Long.compareUnsigned(oldbrk, mm.taskSize - (newbrk - oldbrk)) > 0) {
            return origbrk;
        }
        Vma next = mm.findVma(oldbrk);
        if (next != null && Long.compareUnsigned(next.start, newbrk + PAGE + mm.k.stackGuardGap) < 0
                && newbrk + PAGE > startGap(next)) {
            return origbrk;
        }
        if (next != null && next.start < newbrk) {
            return origbrk;
        }
        long flags = VmFlags.DATA_DEFAULT | VmFlags.ACCOUNT | mm.defFlags;
        // check_brk_limits: a break locked by mlockall(MCL_FUTURE) must fit RLIMIT_MEMLOCK (mlock_future_ok)
        if (!Limits.mlockFutureOk(mm, mm.defFlags, newbrk - oldbrk)) {
            return origbrk;
        }
        // do_brk_flags: the address-space and data limits, max_map_count (checked with '>'), the commit
        if (!Limits.mayExpandVm(mm, flags, (newbrk - oldbrk) >>> 12) || mm.mapCount() > mm.k.maxMapCount
                || !Limits.vmEnoughMemory(mm, (newbrk - oldbrk) >>> 12)) {
            return origbrk;
        }
        Vma prev = mm.tree.prev(oldbrk);
        Vma brkvma = prev != null && prev.start >= mm.startBrk ? prev : null;
        long len = newbrk - oldbrk;
        Vma merged = null;
        if (brkvma != null && brkvma.end == oldbrk) {
            Vmg g = Vmg.forNew(mm, brkvma, mm.tree.next(oldbrk), oldbrk, newbrk, oldbrk >>> 12, flags, null);
            merged = VmaMerge.mergeNewRange(g);
        }
        if (merged == null) {
            Vma v = new Vma(mm, oldbrk, newbrk, oldbrk >>> 12, flags);
            mm.link(v);
        }
        mm.totalVm += len >>> 12;
        if ((flags & VmFlags.LOCKED) != 0) {
            mm.lockedVm += len >>> 12; // do_brk_flags
        }
        mm.brk = brk;
        if ((mm.defFlags & VmFlags.LOCKED) != 0) {
            mmPopulate(mm, pid, oldbrk, len, true);
        }
        return brk;
    }
}
