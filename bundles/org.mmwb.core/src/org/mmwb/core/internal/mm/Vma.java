package org.mmwb.core.internal.mm;

import org.mmwb.core.mm.MemFile;
import org.mmwb.core.mm.MmStruct;
import org.mmwb.core.mm.SpecialMapping;
import org.mmwb.core.mm.VmArea;
import org.mmwb.core.mm.VmFlags;

/**
 * {@code struct vm_area_struct}. The anon_vma_chain is reduced to its length ({@link #avcCount}), which is all
 * merge decisions need (list_is_singular): a fork child's VMA has the parent's chain plus its own.
 */
public final class Vma implements VmArea {
    final Mm mm;
    long start;
    long end;
    long pgoff;
    long flags;
    MemFile file;
    AnonVma anonVma;
    int avcCount;
    VmOps ops;
    /** vm_private_data: the SpecialMapping, or the legacy pages array (long[]). */
    Object priv;
    /** anon_vma_name (prctl PR_SET_VMA_ANON_NAME); null when unnamed. */
    String anonName;

    Vma(Mm mm, long start, long end, long pgoff, long flags) {
        this.mm = mm;
        this.start = start;
        this.end = end;
        this.pgoff = pgoff;
        this.flags = flags;
    }

    /** vm_area_dup: same fields, same mm, the anon_vma chain cloned by the caller. */
    Vma dup(Mm into) {
        Vma v = new Vma(into, start, end, pgoff, flags);
        v.file = file;
        v.anonVma = anonVma;
        v.avcCount = avcCount;
        v.ops = ops;
        v.priv = priv;
        v.anonName = anonName;
        return v;
    }

    @Override
    public long start() {
        return start;
    }

    @Override
    public long end() {
        return end;
    }

    @Override
    public long flags() {
        return flags;
    }

    @Override
    public long pgoff() {
        return pgoff;
    }

    @Override
    public MemFile file() {
        return file;
    }

    @Override
    public SpecialMapping specialMapping() {
        return priv instanceof SpecialMapping sm ? sm : null;
    }

    @Override
    public MmStruct mm() {
        return mm;
    }

    @Override
    public boolean isAnonymous() {
        return ops == null;
    }

    @Override
    public boolean hasAnonVma() {
        return anonVma != null;
    }

    /** vma_is_accessible. */
    boolean accessible() {
        return (flags & VmFlags.ACCESS_FLAGS) != 0;
    }

    /** is_cow_mapping: private and may be written. */
    boolean isCow() {
        return (flags & (VmFlags.SHARED | VmFlags.MAYWRITE)) == VmFlags.MAYWRITE;
    }

    @Override
    public String name() {
        if (ops != null) {
            String n = ops.name(this);
            if (n != null) {
                return n;
            }
        }
        if (file != null) {
            return file.mapsName();
        }
        if (start <= mm.brk && end >= mm.startBrk) {
            return "[heap]";
        }
        if (start <= mm.startStack && end >= mm.startStack) {
            return "[stack]";
        }
        if (anonName != null) {
            return "[anon:" + anonName + "]";
        }
        return "";
    }

    @Override
    public String toString() {
        return String.format("%x-%x %s %08x %s", start, end, VmFlags.perms(flags), pgoff, name());
    }
}
