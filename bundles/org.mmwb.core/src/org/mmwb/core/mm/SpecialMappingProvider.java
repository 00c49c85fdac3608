package org.mmwb.core.mm;

import java.util.Set;

/**
 * Plain-Java SPI for contributors of special mappings (the extension point's contributions are adapted to
 * this). A provider names its mapping, gives its size, VM flags and placement, says which kernel profiles
 * it applies to and creates the {@link SpecialMapping} once per {@link Kernel}.
 */
public interface SpecialMappingProvider {
    /** The mapping's name with brackets, e.g. "[vvar]". */
    String name();

    /** Size in pages. */
    int pages();

    /** VM_* flags passed to _install_special_mapping (VM_DONTEXPAND and mm->def_flags are added). */
    long vmFlags();

    /** Where it goes at exec. */
    Placement placement();

    /** Profile names it applies to (e.g. "x86_64-6.18"); empty = all. */
    Set<String> profiles();

    /** Who contributes it (a bundle id), for the fault log. */
    default String contributor() {
        return getClass().getName();
    }

    /** Creates the mapping object; called once per kernel, may allocate kernel pages from it. */
    SpecialMapping create(Kernel kernel);

    /** Called after exec installed this provider's VMA in an mm (x86's vdso records mm->context.vdso). */
    default void installed(MmStruct mm, VmArea vma) {
    }

    /** Whether to install with the seed-era legacy_special_mapping_vmops (pages only, no name/may_split). */
    default boolean legacy() {
        return false;
    }
}
