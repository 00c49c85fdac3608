package org.mmwb.core.internal.mm;

import org.mmwb.core.mm.Errno;
import org.mmwb.core.mm.MapFlags;
import org.mmwb.core.mm.VmFlags;

/**
 * mremap(2) as mm/mremap.c of Linux 6.18 decides it: check_mremap_params, check_prep_vma, remap_move (a
 * fixed same-size move may span several VMAs and gaps), mremap_to, mremap_at (shrink / in-place expand /
 * move), move_vma, dontunmap_complete.
 */
public final class MremapOps {
    static final long PAGE = 4096;

    private MremapOps() {
    }

    /** The state of one remap (struct vma_remap_struct). */
    private static final class Vrm {
        Mm mm;
        int pid;
        Vma vma;
        long addr;
        long oldLen;
        long newLen;
        long newAddr;
        int flags;
        long delta;
        int type;
        boolean populateExpand;

        boolean impliesNewAddr() {
            return (flags & (MapFlags.MREMAP_FIXED | MapFlags.MREMAP_DONTUNMAP)) != 0;
        }

        boolean dontunmap() {
            return (flags & MapFlags.MREMAP_DONTUNMAP) != 0;
        }
    }

    private static final int NO_RESIZE = 0;
    private static final int SHRINK = 1;
    private static final int EXPAND = 2;

    /** do_mremap: returns the new address or -errno. */
    public static long mremap(Mm mm, int pid, long addr, long oldLenIn, long newLenIn, int flags, long newAddr) {
        Vrm v = new Vrm();
        v.mm = mm;
        v.pid = pid;
        v.addr = addr;
        v.oldLen = MmapOps.pageAlign(oldLenIn);
        v.newLen = MmapOps.pageAlign(newLenIn);
        v.flags = flags;
        v.newAddr = newAddr;
        long err = checkParams(v);
        if (err != 0) {
            return err;
        }
        // check_mremap_params: a move to a new address must stay 4 maps below the limit even if both ranges
        // are split in three first ((map_count + 2) >= sysctl_max_map_count - 3); a resize in place needs no room
        if (v.impliesNewAddr() && (long) mm.mapCount() + 2 >= (long) mm.k.maxMapCount - 3) {
            return -Errno.ENOMEM;
        }
        if ((flags & MapFlags.MREMAP_FIXED) != 0 && v.oldLen == v.newLen) {
            return remapMove(v);
        }
        v.vma = lookup(mm, addr);
        err = checkPrepVma(v);
        if (err != 0) {
            return err;
        }
        long r = v.impliesNewAddr() ? mremapTo(v) : mremapAt(v);
        if (!Errno.isError(r) && v.populateExpand) {
            MmapOps.mmPopulate(mm, pid, v.newAddr + v.oldLen, v.delta, true);
        }
        return r;
    }

    private static Vma lookup(Mm mm, long addr) {
        return mm.vmaLookup(addr) instanceof Vma x ? x : null;
    }

    /** check_mremap_params. */
    static long checkParams(Vrm v) {
        int flags = v.flags;
        if ((flags & ~(MapFlags.MREMAP_FIXED | MapFlags.MREMAP_MAYMOVE | MapFlags.MREMAP_DONTUNMAP)) != 0) {
            return -Errno.EINVAL;
        }
        if ((v.addr & (PAGE - 1)) != 0) {
            return -Errno.EINVAL;
        }
        if (v.newLen == 0 || Long.compareUnsigned(v.newLen, v.mm.taskSize) > 0) {
            return -Errno.EINVAL;
        }
        if (!v.impliesNewAddr()) {
            return 0;
        }
        if (Long.compareUnsigned(v.newAddr, v.mm.taskSize - v.newLen) > 0) {
            return -Errno.EINVAL;
        }
        if ((v.newAddr & (PAGE - 1)) != 0) {
            return -Errno.EINVAL;
        }
        if ((flags & MapFlags.MREMAP_MAYMOVE) == 0) {
            return -Errno.EINVAL;
        }
        if (v.dontunmap() && v.oldLen != v.newLen) {
            return -Errno.EINVAL;
        }
        // vrm_overlaps
        if (Long.compareUnsigned(v.addr, v.newAddr + v.newLen) < 0
                && Long.compareUnsigned(v.newAddr, v.addr + v.oldLen) < 0) {
            return -Errno.EINVAL;
        }
        return 0;
    }

    /** check_prep_vma: per-VMA checks; sets delta, type and (for resize in place) newAddr = addr. */
    static long checkPrepVma(Vrm v) {
        Vma vma = v.vma;
        if (vma == null) {
            return -Errno.EFAULT;
        }
        if ((vma.flags & VmFlags.SEALED) != 0) {
            return -Errno.EPERM;
        }
        v.delta = Math.abs(v.newLen - v.oldLen);
        v.type = v.newLen > v.oldLen ? EXPAND : v.newLen < v.oldLen ? SHRINK : NO_RESIZE;
        if (!v.impliesNewAddr()) {
            v.newAddr = v.addr;
        }
        if (v.type != EXPAND && !v.impliesNewAddr()) {
            return 0;
        }
        long oldLen = v.oldLen;
        if (oldLen == 0 && (vma.flags & (VmFlags.SHARED | VmFlags.MAYSHARE)) == 0) {
            return -Errno.EINVAL;
        }
        if (v.dontunmap() && (vma.flags & (VmFlags.DONTEXPAND | VmFlags.PFNMAP)) != 0) {
            return -Errno.EINVAL;
        }
        if (v.type == SHRINK) {
            oldLen = v.newLen;
        }
        if (Long.compareUnsigned(oldLen, vma.end - v.addr) > 0) {
            return -Errno.EFAULT;
        }
        if (v.newLen == oldLen) {
            return 0;
        }
        if ((vma.flags & VmFlags.LOCKED) != 0) {
            v.populateExpand = true;
        }
        if ((vma.flags & (VmFlags.DONTEXPAND | VmFlags.PFNMAP)) != 0) {
            return -Errno.EFAULT;
        }
        if (!Limits.mlockFutureOk(v.mm, vma.flags, v.delta)) {
            return -Errno.EAGAIN; // resize_is_valid: growing a locked mapping past RLIMIT_MEMLOCK
        }
        if (!Limits.mayExpandVm(v.mm, vma.flags, v.delta >>> 12)) {
            return -Errno.ENOMEM;
        }
        return 0;
    }

    /** vrm_calc_charge: a VM_ACCOUNT mapping commits its growth (the whole new length with DONTUNMAP). */
    static boolean calcCharge(Vrm v) {
        if ((v.vma.flags & VmFlags.ACCOUNT) == 0) {
            return true;
        }
        long charged = (v.dontunmap() ? v.newLen : v.delta) >>> 12;
        return charged == 0 || Limits.vmEnoughMemory(v.mm, charged);
    }

    /** remap_move: a fixed, same-size move of every VMA in [addr, addr+oldLen), keeping the gaps between them. */
    static long remapMove(Vrm v) {
        Mm mm = v.mm;
        long start = v.addr;
        long end = v.addr + v.oldLen;
        long target = v.newAddr;
        long res = -Errno.EFAULT;
        long lastEnd = 0;
        boolean seen = false;
        long cur = start;
        while (Long.compareUnsigned(cur, end) < 0) {
            Vma vma = mm.findVma(cur);
            if (vma == null || Long.compareUnsigned(vma.start, end) >= 0) {
                break;
            }
            long a = Math.max(vma.start, start);
            long len = Math.min(end, vma.end) - a;
            if (!seen && start < vma.start) {
                return -Errno.EFAULT;
            }
            long offset = seen ? vma.start - lastEnd : 0;
            lastEnd = vma.end;
            Vrm sub = new Vrm();
            sub.mm = mm;
            sub.pid = v.pid;
            sub.vma = vma;
            sub.addr = a;
            sub.newAddr = target + offset;
            sub.oldLen = len;
            sub.newLen = len;
            sub.flags = v.flags;
            long r = checkPrepVma(sub);
            if (r == 0) {
                r = mremapTo(sub);
            }
            if (Errno.isError(r)) {
                return r;
            }
            if (!seen) {
                res = r;
            }
            seen = true;
            target = r + len;
            // for_each_vma_range: continue after this source VMA (with DONTUNMAP it is still there)
            cur = lastEnd;
        }
        return res;
    }

    /** mremap_to: unmap the fixed target, shrink first if asked, choose the address, move. */
    static long mremapTo(Vrm v) {
        Mm mm = v.mm;
        if ((v.flags & MapFlags.MREMAP_FIXED) != 0) {
            int err = MmapOps.doMunmap(mm, v.newAddr, v.newLen);
            if (err != 0) {
                return err;
            }
            v.vma = lookup(mm, v.addr);
            if (v.vma == null) {
                return -Errno.EFAULT;
            }
        }
        if (v.type == SHRINK) {
            int err = MmapOps.doMunmap(mm, v.addr + v.newLen, v.delta);
            if (err != 0) {
                return err;
            }
            v.vma = lookup(mm, v.addr);
            if (v.vma == null) {
                return -Errno.EFAULT;
            }
            v.oldLen = v.newLen;
        }
        if (v.dontunmap() && !Limits.mayExpandVm(mm, v.vma.flags, v.oldLen >>> 12)) {
            return -Errno.ENOMEM;
        }
        long err = setNewAddr(v);
        if (err != 0) {
            return err;
        }
        return moveVma(v);
    }

    /** vrm_set_new_addr: get_unmapped_area with the user's address as hint (MAP_FIXED when fixed). */
    static long setNewAddr(Vrm v) {
        Vma vma = v.vma;
        int mf = 0;
        if ((v.flags & MapFlags.MREMAP_FIXED) != 0) {
            mf |= MapFlags.FIXED;
        }
        if ((vma.flags & VmFlags.MAYSHARE) != 0) {
            mf |= MapFlags.SHARED;
        }
        long pgoff = vma.pgoff + ((v.addr - vma.start) >>> 12);
        long a = MmapOps.getUnmappedArea(v.mm, vma.file, v.newAddr, v.newLen, pgoff, mf, vma.flags);
        if (Errno.isError(a)) {
            return a;
        }
        v.newAddr = a;
        return 0;
    }

    /** mremap_at: no-op, shrink in place, or expand (in place or by a move). */
    static long mremapAt(Vrm v) {
        switch (v.type) {
            case NO_RESIZE -> {
                return v.addr;
            }
            case SHRINK -> {
                int err = MmapOps.doMunmap(v.mm, v.addr + v.newLen, v.delta);
                return err != 0 ? err : v.addr;
            }
            default -> {
                return expandVma(v);
            }
        }
    }

    /** expand_vma: vma_merge_extend in place when [addr, oldLen) ends the VMA and room follows, else move. */
    static long expandVma(Vrm v) {
        Mm mm = v.mm;
        Vma vma = v.vma;
        if (vma.end - v.addr == v.oldLen && vmaExpandable(mm, vma, v.delta)) {
            if (!calcCharge(v)) {
                return -Errno.ENOMEM;
            }
            long oldEnd = vma.end;
            Vmg g = Vmg.forVma(mm, vma, vma, oldEnd, oldEnd + v.delta);
            g.middle = null;
            g.next = mm.tree.next(oldEnd);
            g.pgoff = vma.pgoff + ((oldEnd - vma.start) >>> 12);
            if (VmaMerge.mergeNewRange(g) == null) {
                return -Errno.ENOMEM;
            }
            mm.totalVm += v.delta >>> 12;
            if ((vma.flags & VmFlags.LOCKED) != 0) {
                mm.lockedVm += v.delta >>> 12;
            }
            return v.addr;
        }
        if ((v.flags & MapFlags.MREMAP_MAYMOVE) == 0) {
            return -Errno.ENOMEM;
        }
        long err = setNewAddr(v);
        if (err != 0) {
            return err;
        }
        return moveVma(v);
    }

    /** vma_expandable: nothing in [end, end+delta) and still below TASK_SIZE. */
    static boolean vmaExpandable(Mm mm, Vma vma, long delta) {
        long end = vma.end + delta;
        if (Long.compareUnsigned(end, vma.end) < 0 || Long.compareUnsigned(end, mm.taskSize) > 0) {
            return false;
        }
        return mm.tree.findIntersection(vma.end, end) == null;
    }

    /**
     * move_vma: may_split pre-check, copy_vma (merging at the destination when allowed), move the page tables,
     * vm_ops->mremap (undone on failure), grow the copy to newLen, then unmap the source (its vm_ops->close
     * runs, as in the kernel) or, for MREMAP_DONTUNMAP, dontunmap_complete.
     */
    static long moveVma(Vrm v) {
        Mm mm = v.mm;
        Vma vma = v.vma;
        long oldAddr = v.addr;
        long oldLen = v.oldLen;
        long newAddr = v.newAddr;
        if (mm.mapCount() >= mm.k.maxMapCount - 3) {
            return -Errno.ENOMEM;
        }
        if (!calcCharge(v)) {
            return -Errno.ENOMEM;
        }
        if (vma.ops != null) {
            int err = 0;
            if (vma.start != oldAddr) {
                err = vma.ops.maySplit(vma, oldAddr);
            }
            if (err == 0 && vma.end != oldAddr + oldLen) {
                err = vma.ops.maySplit(vma, oldAddr + oldLen);
            }
            if (err != 0) {
                return err;
            }
        }
        long pgoff = vma.pgoff + ((oldAddr - vma.start) >>> 12);
        if (oldLen == 0) {
            return duplicateShared(mm, vma, newAddr, v.newLen, pgoff);
        }
        boolean wholeVma = vma.start == oldAddr && vma.end == oldAddr + oldLen;
        boolean locked = (vma.flags & VmFlags.LOCKED) != 0;
        Vma newVma = copyVma(mm, vma, oldAddr, newAddr, oldLen, pgoff);
        Pages.move(mm, oldAddr, newAddr, oldLen);
        int err = SpecialMappings.mremap(newVma);
        if (err != 0) {
            Pages.move(mm, newAddr, oldAddr, oldLen);
            MmapOps.doMunmapNoClose(mm, newAddr, oldLen);
            return err;
        }
        if (v.newLen > oldLen) {
            long delta = v.newLen - oldLen;
            Vma grown = lookup(mm, newAddr + oldLen - 1);
            if (grown != null && grown.end == newAddr + oldLen) {
                Vmg g = Vmg.forVma(mm, grown, grown, grown.end, grown.end + delta);
                g.middle = null;
                g.next = mm.tree.next(grown.end);
                g.pgoff = grown.pgoff + ((grown.end - grown.start) >>> 12);
                if (VmaMerge.mergeNewRange(g) == null) {
                    Vma ext = grown.dup(mm);
                    ext.start = grown.end;
                    ext.end = grown.end + delta;
                    ext.pgoff = g.pgoff;
                    mm.link(ext);
                }
                mm.totalVm += delta >>> 12;
            }
        }
        // vrm_stat_account(new_len): a locked source adds the new length to locked_vm; unmapping the source
        // takes the old length off again, but MREMAP_DONTUNMAP only clears the old VMA's lock bits
        // (dontunmap_complete: "we won't unmap"), so locked_vm keeps both, as the kernel's VmLck shows
        if (locked) {
            mm.lockedVm += v.newLen >>> 12;
        }
        if (v.dontunmap()) {
            vma = lookup(mm, oldAddr);
            if (vma != null) {
                vma.flags &= ~VmFlags.LOCKED_MASK;
                if (wholeVma && vma != newVma) {
                    vma.anonVma = null;
                    vma.avcCount = 0;
                }
            }
            mm.totalVm += oldLen >>> 12;
        } else {
            mm.totalVm += oldLen >>> 12;
            MmapOps.doMunmap(mm, oldAddr, oldLen);
        }
        return newAddr;
    }

    /**
     * move_vma with old_len 0 (only reached for VM_SHARED|VM_MAYSHARE, check_prep_vma): copy_vma_and_data
     * creates the new VMA at new_len over the same object and pgoff, move_page_tables moves nothing and the
     * source unmap covers nothing, so the result is a second mapping of the same pages.
     */
    static long duplicateShared(Mm mm, Vma vma, long newAddr, long newLen, long pgoff) {
        Vma newVma = copyVma(mm, vma, newAddr, newAddr, newLen, pgoff);
        int err = SpecialMappings.mremap(newVma);
        if (err != 0) {
            MmapOps.doMunmapNoClose(mm, newAddr, newLen);
            return err;
        }
        mm.totalVm += newLen >>> 12;
        if ((vma.flags & VmFlags.LOCKED) != 0) {
            mm.lockedVm += newLen >>> 12; // vrm_stat_account(new_len); the empty source unmaps nothing
        }
        return newAddr;
    }

    /** copy_vma: the moved range at its new place, merged with neighbours when allowed (6.16 anon rules). */
    static Vma copyVma(Mm mm, Vma vma, long oldAddr, long addr, long len, long pgoff) {
        if (vma.ops == null && vma.anonVma == null) {
            pgoff = addr >>> 12;
        }
        Vmg g = Vmg.forVma(mm, mm.tree.prev(addr), vma, oldAddr, oldAddr + len);
        g.middle = null;
        g.copiedFrom = vma;
        g.start = addr;
        g.end = addr + len;
        g.pgoff = pgoff;
        g.next = mm.tree.next(addr);
        // an unfaulted anonymous source may merge with its own copy (its pgoff was reset to stay linear);
        // unmapping the old range afterwards leaves what the kernel leaves
        Vma merged = VmaMerge.mergeNewRange(g);
        if (merged != null) {
            return merged;
        }
        Vma n = vma.dup(mm);
        n.start = addr;
        n.end = addr + len;
        n.pgoff = pgoff;
        mm.link(n);
        return n;
    }
}
