package org.mmwb.core.internal.mm;

import java.util.Objects;

import org.mmwb.core.mm.Errno;
import org.mmwb.core.mm.VmFlags;

/**
 * VMA split and merge as mm/vma.c decides them in Linux 6.18: is_mergeable_vma, is_mergeable_anon_vma (with the
 * 6.16 rule that lets unfaulted and faulted anonymous neighbours merge unless one had un-COWed parents),
 * can_vma_merge_left/right, vma_merge_new_range, vma_merge_existing_range, vma_expand, __split_vma, vma_modify.
 */
final class VmaMerge {
    private VmaMerge() {
    }

    /** is_mergeable_vma: flags equal but for VM_IGNORE_MERGE, same file, same anon name. */
    static boolean isMergeableVma(Vmg g, Vma vma) {
        if (((vma.flags ^ g.flags) & ~VmFlags.IGNORE_MERGE) != 0) {
            return false;
        }
        return vma.file == g.file && Objects.equals(vma.anonName, g.anonName);
    }

    /** vma_had_uncowed_parents: an anon_vma chain longer than one means a fork parent still shares pages. */
    static boolean hadUncowedParents(Vma vma) {
        return vma != null && vma.anonVma != null && vma.avcCount != 1;
    }

    /** is_mergeable_anon_vma (6.16+): tgt is prev or next, src the middle VMA (or none for a new range). */
    static boolean isMergeableAnonVma(Vmg g, Vma tgt) {
        AnonVma tgtAnon = tgt.anonVma;
        AnonVma srcAnon = g.anonVma;
        if (tgtAnon == null && srcAnon != null) {
            return !hadUncowedParents(g.middle) && !hadUncowedParents(g.copiedFrom);
        }
        if (tgtAnon != null && srcAnon == null) {
            return !hadUncowedParents(tgt);
        }
        return srcAnon == tgtAnon;
    }

    /** can_vma_merge_before: the range can be merged in front of next. */
    static boolean canMergeBefore(Vmg g) {
        long pglen = (g.end - g.start) >>> 12;
        return isMergeableVma(g, g.next) && isMergeableAnonVma(g, g.next) && g.next.pgoff == g.pgoff + pglen;
    }

    /** can_vma_merge_after: the range can be merged behind prev. */
    static boolean canMergeAfter(Vmg g) {
        return isMergeableVma(g, g.prev) && isMergeableAnonVma(g, g.prev)
            && g.prev.pgoff + g.prev.pages() == g.pgoff;
    }

    static boolean canMergeLeft(Vmg g) {
        return g.prev != null && g.prev.end == g.start && canMergeAfter(g);
    }

    static boolean canMergeRight(Vmg g, boolean canMergeLeft) {
        Vma next = g.next;
        if (next == null || g.end != next.start || !canMergeBefore(g)) {
            return false;
        }
        if (!canMergeLeft) {
            return true;
        }
        Vma prev = g.prev;
        return prev.anonVma == null || next.anonVma == null || prev.anonVma == next.anonVma;
    }

    /** can_merge_remove_vma: a VMA with vm_ops->close cannot be removed by a merge. */
    static boolean canMergeRemove(Vma vma) {
        return vma.ops == null || !vma.ops.hasClose();
    }

    /** dup_anon_vma: the expanding VMA inherits the anon_vma of the one it absorbs. */
    static void dupAnonVma(Vma dst, Vma src) {
        if (src.anonVma != null && dst.anonVma == null) {
            dst.anonVma = src.anonVma;
            dst.avcCount = src.avcCount;
        }
    }

    /**
     * vma_merge_new_range: try to expand prev and/or next over [g.start, g.end). Returns the merged VMA or null.
     */
    static Vma mergeNewRange(Vmg g) {
        if ((g.flags & VmFlags.SPECIAL) != 0 || (g.prev == null && g.next == null)) {
            return null;
        }
        boolean left = canMergeLeft(g);
        boolean right = canMergeRight(g, left);
        Vma prev = g.prev;
        Vma next = g.next;
        long pglen = (g.end - g.start) >>> 12;
        Vma target = null;
        long start = g.start;
        long end = g.end;
        long pgoff = g.pgoff;
        if (right) {
            end = next.end;
            target = next;
            pgoff = next.pgoff - pglen;
        }
        if (left) {
            start = prev.start;
            target = prev;
            pgoff = prev.pgoff;
            if (right && !canMergeRemove(next)) {
                end = g.end;
                right = false;
            }
        }
        if (target == null) {
            return null;
        }
        long sticky = (g.flags | target.flags) & VmFlags.IGNORE_MERGE;
        if (target == prev && right) {
            // vma_expand over next: next is removed
            dupAnonVma(prev, next);
            sticky |= next.flags & VmFlags.IGNORE_MERGE;
            g.mm.unlink(next);
        }
        g.mm.setRange(target, start, end, pgoff);
        target.flags |= sticky;
        if (g.anonVma != null) {
            dupAnonVmaFrom(target, g);
        }
        return target;
    }

    private static void dupAnonVmaFrom(Vma target, Vmg g) {
        if (target.anonVma == null) {
            target.anonVma = g.anonVma;
            target.avcCount = g.copiedFrom != null ? Math.max(1, g.copiedFrom.avcCount) : 1;
        }
    }

    /**
     * vma_merge_existing_range: [g.start, g.end) of g.middle changes attributes to g.flags; merge it into prev
     * and/or next if they match. Returns the merged VMA or null (no merge).
     */
    static Vma mergeExistingRange(Vmg g) {
        Vma middle = g.middle;
        Vma prev = g.prev;
        long start = g.start;
        long end = g.end;
        boolean leftSide = start == middle.start;
        boolean rightSide = end == middle.end;
        if ((g.flags & VmFlags.SPECIAL) != 0 || (!leftSide && !rightSide)) {
            return null;
        }
        boolean mergeLeft = leftSide && canMergeLeft(g);
        Vma next = null;
        boolean mergeRight = false;
        if (rightSide) {
            next = g.mm.nextOf(middle);
            g.next = next;
            mergeRight = canMergeRight(g, mergeLeft);
        }
        if (!mergeLeft && !mergeRight) {
            return null;
        }
        boolean mergeBoth = mergeLeft && mergeRight;
        boolean deleteMiddle = leftSide && rightSide;
        if (deleteMiddle && !canMergeRemove(middle)) {
            return null;
        }
        boolean deleteNext = mergeBoth;
        if (deleteNext && !canMergeRemove(next)) {
            deleteNext = false;
            mergeRight = false;
            mergeBoth = false;
        }
        long sticky = g.flags & VmFlags.IGNORE_MERGE;
        Mm mm = g.mm;
        if (mergeBoth) {
            dupAnonVma(prev, next.anonVma != null ? next : middle);
            sticky |= (prev.flags | next.flags) & VmFlags.IGNORE_MERGE;
            long newEnd = next.end;
            mm.unlink(middle);
            mm.unlink(next);
            mm.setRange(prev, prev.start, newEnd, prev.pgoff);
            prev.flags = g.flags | sticky;
            return prev;
        }
        if (mergeLeft) {
            dupAnonVma(prev, middle);
            sticky |= prev.flags & VmFlags.IGNORE_MERGE;
            if (deleteMiddle) {
                mm.unlink(middle);
                mm.setRange(prev, prev.start, end, prev.pgoff);
            } else {
                long delta = (end - middle.start) >>> 12;
                mm.setRange(middle, end, middle.end, middle.pgoff + delta);
                mm.setRange(prev, prev.start, end, prev.pgoff);
            }
            prev.flags = g.flags | sticky;
            return prev;
        }
        // merge right
        dupAnonVma(next, middle);
        sticky |= next.flags & VmFlags.IGNORE_MERGE;
        long pglen = (end - start) >>> 12;
        if (deleteMiddle) {
            mm.unlink(middle);
            mm.setRange(next, start, next.end, next.pgoff - pglen);
        } else {
            mm.setRange(middle, middle.start, start, middle.pgoff);
            mm.setRange(next, start, next.end, next.pgoff - pglen);
        }
        next.flags = g.flags | sticky;
        return next;
    }

    /**
     * __split_vma: split vma at addr; the new VMA takes the part below (newBelow) or above addr. Returns 0 or
     * -errno (may_split of special mappings gives -EINVAL).
     */
    static int split(Mm mm, Vma vma, long addr, boolean newBelow) {
        if (vma.ops != null) {
            int err = vma.ops.maySplit(vma, addr);
            if (err != 0) {
                return err;
            }
        }
        Vma n = vma.dup(mm);
        long delta = (addr - vma.start) >>> 12;
        if (newBelow) {
            n.end = addr;
            mm.setRange(vma, addr, vma.end, vma.pgoff + delta);
        } else {
            n.start = addr;
            n.pgoff = vma.pgoff + delta;
            mm.setRange(vma, vma.start, addr, vma.pgoff);
        }
        mm.link(n);
        Pages.splitHugeAt(mm, addr);
        return 0;
    }

    /** split_vma: with the sysctl_max_map_count check. */
    static int splitChecked(Mm mm, Vma vma, long addr, boolean newBelow, int maxMapCount) {
        if (mm.mapCount() >= maxMapCount) {
            return -Errno.ENOMEM;
        }
        return split(mm, vma, addr, newBelow);
    }

    /** Result of {@link #modify}: the VMA now covering exactly [start, end), or an errno. */
    record Modified(Vma vma, int error) {
    }

    /**
     * vma_modify: give [start, end) of vma the attributes of g (flags, anon name): merge with a neighbour if
     * possible, else split off the parts outside the range. The caller then sets the attributes.
     */
    static Modified modify(Vmg g, int maxMapCount) {
        Vma merged = mergeExistingRange(g);
        if (merged != null) {
            return new Modified(merged, 0);
        }
        Vma vma = g.middle;
        if (vma.start < g.start) {
            int err = splitChecked(g.mm, vma, g.start, true, maxMapCount);
            if (err != 0) {
                return new Modified(null, err);
            }
        }
        if (vma.end > g.end) {
            int err = splitChecked(g.mm, vma, g.end, false, maxMapCount);
            if (err != 0) {
                return new Modified(null, err);
            }
        }
        return new Modified(vma, 0);
    }

    /** anon_vma_compatible: the test find_mergeable_anon_vma applies to a neighbour. */
    static boolean anonVmaCompatible(Vma a, Vma b) {
        return a.end == b.start && a.file == b.file
            && ((a.flags ^ b.flags) & ~(VmFlags.ACCESS_FLAGS | VmFlags.IGNORE_MERGE)) == 0
            && b.pgoff == a.pgoff + ((b.start - a.start) >>> 12);
    }

    /** anon_vma_prepare: attach an anon_vma, reusing a compatible neighbour's (find_mergeable_anon_vma). */
    static void anonVmaPrepare(Vma vma) {
        if (vma.anonVma != null) {
            return;
        }
        Mm mm = vma.mm;
        Vma next = mm.nextOf(vma);
        AnonVma reuse = null;
        if (next != null && anonVmaCompatible(vma, next) && next.anonVma != null && next.avcCount == 1) {
            reuse = next.anonVma;
        }
        if (reuse == null) {
            Vma prev = mm.prevOf(vma);
            if (prev != null && anonVmaCompatible(prev, vma) && prev.anonVma != null && prev.avcCount == 1) {
                reuse = prev.anonVma;
            }
        }
        vma.anonVma = reuse != null ? reuse : new AnonVma(null);
        vma.avcCount = 1;
    }
}
