package org.mmwb.core.mm;

import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A provider made of its parts, for tests of this bundle: the record's accessors are the SPI's, {@code create}
 * calls {@code creator}.
 */
public record TestProvider(String name, int pages, long vmFlags, Placement placement, Set<String> profiles,
        String contributor, Function<Kernel, SpecialMapping> creator) implements SpecialMappingProvider {
    /** The VM flags of a read-only device mapping: VM_IO | VM_PFNMAP. */
    public static final long IO_PFNMAP = VmFlags.READ | VmFlags.MAYREAD | VmFlags.IO | VmFlags.PFNMAP;

    @Override
    public SpecialMapping create(Kernel kernel) {
        return creator.apply(kernel);
    }

    /** The same provider with other VM flags. */
    public TestProvider withVmFlags(long flags) {
        return new TestProvider(name, pages, flags, placement, profiles, contributor, creator);
    }

    /**
     * A one-page device mapping placed top-down at exec, for every profile: {@code create} takes IO memory with
     * takeIo (which answers its first PFN) and the {@code .fault} handler maps that PFN uncached with
     * vmf_insert_pfn_prot. The mapping's owner is the contributor; listener may be null.
     */
    public static TestProvider ioDevice(String name, String contributor, ToLongFunction<Kernel> takeIo,
            SpecialMapping.FailureListener listener) {
        return new TestProvider(name, 1, IO_PFNMAP, Placement.topDown(), Set.of(), contributor, kernel -> {
            long pfn = takeIo.applyAsLong(kernel);
            return new SpecialMapping(name, null,
                (sm, vma, vmf) -> vmf.vmfInsertPfnProt(vmf.address(), pfn, VmFault.CACHE_UC), null, null,
                contributor, listener);
        });
    }
}
