package org.mmwb.core.internal.mm;

import org.mmwb.core.mm.Errno;
import org.mmwb.core.mm.MapFlags;
import org.mmwb.core.mm.VmFlags;

/** mremap(2) as mm/mremap.c of Linux 6.18 decides it (check_mremap_params, check_prep_vma, move_vma...). */
public final class MremapOps {
    static final long PAGE = 4096;

    private MremapOps() {
    }

    /** do_mremap: returns the new address or -errno. */
    public static long mremap(Mm mm, int pid, long addr, long oldLenIn, long newLenIn, int flags, long newAddr) {
        long oldLen = MmapOps.pageAlign(oldLenIn);
        long newLen = MmapOps.pageAlign(newLenIn);
        if ((flags & ~(MapFlags.MREMAP_FIXED | MapFlags.MREMAP_MAYMOVE | MapFlags.MREMAP_DONTUNMAP)) != 0) {
            return -Errno.EINVAL;
        }
        if ((addr & (PAGE - 1)) != 0) {
            return -Errno.EINVAL;
        }
        if (newLen == 0 || (newLenIn != 0 && newLen == 0) || (oldLenIn != 0 && oldLen == 0)) {
            return -Errno.EINVAL;
        }
        if ((flags & MapFlags.MREMAP_FIXED) != 0 && (flags & MapFlags.MREMAP_MAYMOVE) == 0) {
            return -Errno.EINVAL;
        }
        boolean dontunmap = (flags & MapFlags.MREMAP_DONTUNMAP) != 0;
        if (dontunmap && ((flags & MapFlags.MREMAP_MAYMOVE) == 0 || oldLen != newLen)) {
            return -Errno.EINVAL;
        }
        boolean fixed = (flags & MapFlags.MREMAP_FIXED) != 0;
        if (fixed) {
            if ((newAddr & (PAGE - 1)) != 0) {
                return -Errno.EINVAL;
            }
            if (Long.compareUnsigned(newLen, mm.taskSize) > 0
                    || Long.compareUnsigned(newAddr, mm.taskSize - newLen) > 0) {
                return -Errno.EINVAL;
            }
            if (addr < newAddr + newLen && newAddr < addr + oldLen) {
                return -Errno.EINVAL;
            }
        }
        Vma vma = mm.vmaLookup(addr) instanceof Vma v ? v : null;
        if (vma == null) {
            return -Errno.EFAULT;
        }
        if ((vma.flags & VmFlags.SEALED) != 0) {
            return -Errno.EPERM;
        }
        // check_prep_vma
        if (oldLen == 0 && (vma.flags & VmFlags.MAYSHARE) == 0) {
            return -Errno.EINVAL;
        }
        if (oldLen > vma.end - addr) {
            return -Errno.EFAULT;
        }
        if (dontunmap && (vma.flags & (VmFlags.DONTEXPAND | VmFlags.PFNMAP)) != 0) {
            return -Errno.EINVAL;
        }
        if (newLen > oldLen && (vma.flags & (VmFlags.DONTEXPAND | VmFlags.PFNMAP)) != 0) {
            return -Errno.EFAULT;
        }
        if (fixed || dontunmap) {
            return mremapTo(mm, pid, vma, addr, oldLen, newLen, newAddr, fixed, dontunmap);
        }
        if (newLen <= oldLen) {
            if (newLen < oldLen) {
                int err = MmapOps.doMunmap(mm, addr + newLen, oldLen - newLen);
                if (err != 0) {
                    return err;
                }
            }
            return addr;
        }
        // expand in place if the VMA ends at the old range and the room above is free
        if (addr + oldLen == vma.end && vmaExpandable(mm, vma, newLen - oldLen)) {
            long delta = newLen - oldLen;
            long oldEnd = vma.end;
            Vmg g = Vmg.forVma(mm, vma, vma, oldEnd, oldEnd + delta);
            g.middle = null;
            g.next = mm.tree.next(oldEnd);
            g.pgoff = vma.pgoff + ((oldEnd - vma.start) >>> 12);
            Vma merged = VmaMerge.mergeNewRange(g);
            if (merged == null) {
                return -Errno.ENOMEM;
            }
            mm.totalVm += delta >>> 12;
            if ((vma.flags & VmFlags.LOCKED) != 0) {
                mm.lockedVm += delta >>> 12;
                MmapOps.mmPopulate(mm, pid, oldEnd, delta, true);
            }
            return addr;
        }
        if ((flags & MapFlags.MREMAP_MAYMOVE) == 0) {
            return -Errno.ENOMEM;
        }
        int mf = (vma.flags & VmFlags.MAYSHARE) != 0 ? MapFlags.SHARED : 0;
        long pgoff = vma.pgoff + ((addr - vma.start) >>> 12);
        long na = MmapOps.getUnmappedArea(mm, vma.file, 0, newLen, pgoff, mf, vma.flags);
        if (Errno.isError(na)) {
            return na;
        }
        return moveVma(mm, pid, vma, addr, oldLen, newLen, na, false);
    }

    /** vma_expandable: [end, end+delta) is free and below TASK_SIZE. */
    static boolean vmaExpandable(Mm mm, Vma vma, long delta) {
        long end = vma.end + delta;
        if (Long.compareUnsigned(end, vma.end) < 0 || Long.compareUnsigned(end, mm.taskSize) > 0) {
            return false;
        }
        Vma next = mm.nextOf(vma);
        return next == null || Long.compareUnsigned(end, MmapOps.startGap(next)) <= 0;
    }

    /** mremap_to: unmap the target, shrink first if asked, then move. */
    static long mremapTo(Mm mm, int pid, Vma vma, long addr, long oldLen, long newLen, long newAddr,
            boolean fixed, boolean dontunmap) {
        if (fixed) {
            int err = MmapOps.doMunmap(mm, newAddr, newLen);
            if (err != 0) {
                return err;
            }
        }
        if (oldLen > newLen) {
            int err = MmapOps.doMunmap(mm, addr + newLen, oldLen - newLen);
            if (err != 0) {
                return err;
            }
            oldLen = newLen;
        }
        vma = mm.vmaLookup(addr) instanceof Vma v ? v : null;
        if (vma == null) {
            return -Errno.EFAULT;
        }
        if (newLen > oldLen && (vma.flags & (VmFlags.DONTEXPAND | VmFlags.PFNMAP)) != 0) {
            return -Errno.EFAULT;
        }
        if (!fixed) {
            int mf = (vma.flags & VmFlags.MAYSHARE) != 0 ? MapFlags.SHARED : 0;
            long pgoff = vma.pgoff + ((addr - vma.start) >>> 12);
            newAddr = MmapOps.getUnmappedArea(mm, vma.file, 0, newLen, pgoff, mf, vma.flags);
            if (Errno.isError(newAddr)) {
                return newAddr;
            }
        }
        return moveVma(mm, pid, vma, addr, oldLen, newLen, newAddr, dontunmap);
    }

    /**
     * move_vma: may_split pre-check, copy_vma (which may merge with the destination's neighbours), move the page
     * tables, vm_ops->mremap (undone on failure), then unmap the source unless MREMAP_DONTUNMAP.
     */
    static long moveVma(Mm mm, int pid, Vma vma, long oldAddr, long oldLen, long newLen, long newAddr,
            boolean dontunmap) {
        if (mm.mapCount() >= mm.k.maxMapCount - 3) {
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
        // isolate the source range as its own VMA
        if (vma.start < oldAddr) {
            int err = VmaMerge.split(mm, vma, oldAddr, true);
            if (err != 0) {
                return err;
            }
        }
        if (vma.end > oldAddr + oldLen) {
            int err = VmaMerge.split(mm, vma, oldAddr + oldLen, false);
            if (err != 0) {
                return err;
            }
        }
        long pgoff = vma.pgoff;
        Vma newVma = copyVma(mm, vma, newAddr, oldLen, pgoff);
        Pages.move(mm, oldAddr, newAddr, oldLen);
        int err = SpecialMappings.mremap(newVma);
        if (err != 0) {
            Pages.move(mm, newAddr, oldAddr, oldLen);
            if (newVma != vma) {
                mm.unlink(newVma);
            }
            return err;
        }
        long lenPages = oldLen >>> 12;
        if (dontunmap) {
            long oldLocked = vma.flags & VmFlags.LOCKED;
            vma.flags &= ~VmFlags.LOCKED_MASK;
            if (oldLocked != 0) {
                mm.lockedVm -= lenPages;
            }
            mm.totalVm += lenPages;
        } else if (newVma != vma) {
            // the source VMA is unmapped; its PTEs already moved. close() is not called for a move.
            mm.unlink(vma);
        }
        if (newLen > oldLen) {
            long delta = newLen - oldLen;
            Vma grown = mm.vmaLookup(newAddr) instanceof Vma g ? g : newVma;
            if (grown.end == newAddr + oldLen) {
                Vmg g = Vmg.forVma(mm, grown, grown, grown.end, grown.end + delta);
                g.middle = null;
                g.next = mm.tree.next(grown.end);
                g.pgoff = grown.pgoff + ((grown.end - grown.start) >>> 12);
                if (VmaMerge.mergeNewRange(g) == null) {
                    return -Errno.ENOMEM;
                }
                mm.totalVm += delta >>> 12;
            }
        }
        return newAddr;
    }

    /** copy_vma: the moved VMA at its new place, merged with neighbours when allowed (6.16 anon rules). */
    static Vma copyVma(Mm mm, Vma vma, long addr, long len, long pgoff) {
        boolean faulted = !(vma.ops == null && vma.anonVma == null);
        if (!faulted) {
            pgoff = addr >>> 12;
        }
        Vma prev = mm.tree.prev(addr);
        Vmg g = Vmg.forVma(mm, prev, vma, vma.start, vma.end);
        g.middle = null;
        g.copiedFrom = vma;
        g.start = addr;
        g.end = addr + len;
        g.pgoff = pgoff;
        g.next = mm.tree.next(addr);
        // the source is still linked; temporarily detach it so a merge never absorbs it
        mm.unlink(vma);
        Vma merged = VmaMerge.mergeNewRange(g);
        mm.link(vma);
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
