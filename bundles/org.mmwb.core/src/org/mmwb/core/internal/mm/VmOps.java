package org.mmwb.core.internal.mm;

import org.mmwb.core.mm.Errno;
import org.mmwb.core.mm.SpecialMapping;

/**
 * {@code struct vm_operations_struct}: the few ops whose presence changes mm behaviour. The fault op itself is
 * dispatched by {@link Memory} (__do_fault) on the ops' kind.
 */
final class VmOps {
    enum Kind { SHMEM, SPECIAL, LEGACY_SPECIAL }

    /** shmem_vm_ops / shmem_anon_vm_ops: fault from the page cache, no close. */
    static final VmOps SHMEM = new VmOps(Kind.SHMEM, "shmem_fault");
    /** special_mapping_vmops (mm/mmap.c). */
    static final VmOps SPECIAL = new VmOps(Kind.SPECIAL, "special_mapping_fault");
    /** legacy_special_mapping_vmops of the seed's era: pages array in vm_private_data, no name, no may_split. */
    static final VmOps LEGACY_SPECIAL = new VmOps(Kind.LEGACY_SPECIAL, "special_mapping_fault(legacy)");

    final Kind kind;
    final String faultName;

    private VmOps(Kind kind, String faultName) {
        this.kind = kind;
        this.faultName = faultName;
    }

    /** vm_ops->close present: blocks removal of the VMA by merge (can_merge_remove_vma). */
    boolean hasClose() {
        return kind == Kind.SPECIAL || kind == Kind.LEGACY_SPECIAL;
    }

    /** vm_ops->may_split: special_mapping_split forbids splitting (-EINVAL). */
    int maySplit(Vma vma, long addr) {
        return kind == Kind.SPECIAL ? -Errno.EINVAL : 0;
    }

    /** vm_ops->name: special_mapping_name. */
    String name(Vma vma) {
        if (kind == Kind.SPECIAL && vma.priv instanceof SpecialMapping sm) {
            return sm.name();
        }
        // the seed's era named legacy mappings from arch_vma_name
        return kind == Kind.LEGACY_SPECIAL && vma.priv instanceof LegacyPages lp ? lp.name() : null;
    }
}
