package org.mmwb.core.mm;

/**
 * A read-only view of one VMA ({@code struct vm_area_struct}): [start, end), flags, pgoff and what backs it.
 * Special-mapping handlers receive it; the engine owns and mutates the object behind it.
 */
public interface VmArea {
    /** vm_start. */
    long start();

    /** vm_end (exclusive). */
    long end();

    /** vm_flags (VM_* bits of {@link VmFlags}). */
    long flags();

    /** vm_pgoff: the offset in pages into the file, or start >> 12 for private anonymous memory. */
    long pgoff();

    /** vm_file, or null for anonymous memory (shared anonymous memory has a hidden shmem file). */
    MemFile file();

    /** The special mapping behind this VMA (vm_private_data of special_mapping_vmops), or null. */
    SpecialMapping specialMapping();

    /** The name /proc/PID/maps shows: "[vdso]", "[heap]", "[stack]", "/memfd:x (deleted)" or "". */
    String name();

    /** vm_mm. */
    MmStruct mm();

    /** vma_is_anonymous: no vm_ops. */
    boolean isAnonymous();

    /** Whether an anon_vma is attached (the VMA has had anonymous pages). */
    boolean hasAnonVma();

    /** vma_pages. */
    default long pages() {
        return (end() - start()) >>> 12;
    }
}
