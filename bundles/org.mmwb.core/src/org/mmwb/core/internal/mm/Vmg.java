package org.mmwb.core.internal.mm;

import org.mmwb.core.mm.MemFile;

/** {@code struct vma_merge_struct}: a proposed range and the attributes it must match to merge. */
final class Vmg {
    Mm mm;
    Vma prev;
    Vma middle;
    Vma next;
    long start;
    long end;
    long pgoff;
    long flags;
    MemFile file;
    AnonVma anonVma;
    String anonName;
    /** The VMA copy_vma copies from (vmg->copied_from). */
    Vma copiedFrom;

    /** VMG_MMAP_STATE / VMG_STATE: a new range. */
    static Vmg forNew(Mm mm, Vma prev, Vma next, long start, long end, long pgoff, long flags, MemFile file) {
        Vmg g = new Vmg();
        g.mm = mm;
        g.prev = prev;
        g.next = next;
        g.start = start;
        g.end = end;
        g.pgoff = pgoff;
        g.flags = flags;
        g.file = file;
        return g;
    }

    /** VMG_VMA_STATE: a range of an existing VMA, attributes taken from it. */
    static Vmg forVma(Mm mm, Vma prev, Vma vma, long start, long end) {
        Vmg g = new Vmg();
        g.mm = mm;
        g.prev = prev;
        g.middle = vma;
        g.start = start;
        g.end = end;
        g.pgoff = vma.pgoff + ((start - vma.start) >>> 12);
        g.flags = vma.flags;
        g.file = vma.file;
        g.anonVma = vma.anonVma;
        g.anonName = vma.anonName;
        return g;
    }
}
