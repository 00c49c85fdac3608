package org.mmwb.core.internal.mm;

import org.mmwb.core.mm.Errno;
import org.mmwb.core.mm.SpecialMapping;
import org.mmwb.core.mm.VmFlags;

/**
 * _install_special_mapping / __install_special_mapping and the vm_ops callbacks of special mappings
 * (special_mapping_close, special_mapping_mremap) of mm/mmap.c. The fault side is {@link SpecialMappingFault}.
 */
public final class SpecialMappings {
    private SpecialMappings() {
    }

    /**
     * _install_special_mapping: a VMA [addr, addr+len) with vm_pgoff 0 and flags | def_flags | VM_DONTEXPAND
     * (VM_LOCKED_MASK cleared), backed by sm. Returns the VMA or null when the range is taken or bad.
     */
    public static Vma install(Mm mm, long addr, long len, long vmFlags, SpecialMapping sm) {
        return insert(mm, addr, len, vmFlags, VmOps.SPECIAL, sm);
    }

    /** install_special_mapping of the seed's era: legacy_special_mapping_vmops with a bare pages array. */
    public static Vma installLegacy(Mm mm, long addr, long len, long vmFlags, String name, long[] pages) {
        return insert(mm, addr, len, vmFlags, VmOps.LEGACY_SPECIAL, new LegacyPages(name, pages.clone()));
    }

    private static Vma insert(Mm mm, long addr, long len, long vmFlags, VmOps ops, Object priv) {
        if ((addr & 0xfff) != 0 || len <= 0 || (len & 0xfff) != 0
                || mm.tree.findIntersection(addr, addr + len) != null) {
            return null;
        }
        long flags = (vmFlags | mm.defFlags | VmFlags.DONTEXPAND) & ~VmFlags.LOCKED_MASK;
        Vma v = new Vma(mm, addr, addr + len, 0, flags);
        v.ops = ops;
        v.priv = priv;
        mm.link(v);
        mm.totalVm += len >>> 12;
        return v;
    }

    /** special_mapping_close: sm->close when the VMA goes away. */
    static void close(Vma v) {
        if (v.ops != null && v.ops.kind == VmOps.Kind.SPECIAL && v.priv instanceof SpecialMapping sm
                && sm.close() != null) {
            try {
                sm.close().close(sm, v);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                // a broken close callback must not break munmap/exit: ignore, as the kernel would carry on
            }
        }
    }

    /** special_mapping_mremap: sm->mremap after a whole-mapping move; 0 or -errno. */
    static int mremap(Vma newVma) {
        if (newVma.ops == null || newVma.ops.kind != VmOps.Kind.SPECIAL
                || !(newVma.priv instanceof SpecialMapping sm) || sm.mremap() == null) {
            return 0;
        }
        try {
            int r = sm.mremap().mremap(sm, newVma);
            return r > 0 || r < -4095 ? -Errno.EINVAL : r;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            return -Errno.EINVAL;
        }
    }
}
