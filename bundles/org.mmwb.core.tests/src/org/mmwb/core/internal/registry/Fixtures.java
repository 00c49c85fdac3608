package org.mmwb.core.internal.registry;

import java.util.List;
import java.util.Set;

import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.SpecialMapping;
import org.mmwb.core.mm.SpecialMappingProvider;
import org.mmwb.core.mm.VmFlags;

/** Hand-made contributions, as the registry reader would produce them, for plain-classpath tests. */
final class Fixtures {
    static final String PROFILE = "test-1.0";
    static final long PFNMAP = VmFlags.READ | VmFlags.MAYREAD | VmFlags.IO | VmFlags.PFNMAP;

    private Fixtures() {
    }

    static ProfileContribution profile(String bundle) {
        return new ProfileContribution(PROFILE, 4, 4, 0x555555559000L, 33, false, "test", false, bundle);
    }

    /** A provider with a given .fault handler (null: a one-page pages array). */
    static SpecialMappingProvider impl(String name, long flags, SpecialMapping.Fault fault) {
        return new SpecialMappingProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int pages() {
                return 0;
            }

            @Override
            public long vmFlags() {
                return flags;
            }

            @Override
            public Placement placement() {
                return Placement.topDown();
            }

            @Override
            public Set<String> profiles() {
                return Set.of();
            }

            @Override
            public SpecialMapping create(Kernel kernel) {
                long[] pages = fault == null ? new long[] {kernel.allocKernelPage()} : null;
                return new SpecialMapping(name, pages, fault, null, null, "what-the-class-claims");
            }
        };
    }

    static ProviderContribution provider(String id, String name, int pages, Placement pl, String bundle,
            SpecialMappingProvider impl) {
        return new ProviderContribution(id, name, pages, Set.of(PROFILE), pl, bundle, impl);
    }

    static Catalog catalog(RegistryLog log, long budgetNanos, ProviderContribution... ps) {
        return new Catalog(List.of(profile("org.example.arch")), List.of(ps), budgetNanos, log);
    }
}
