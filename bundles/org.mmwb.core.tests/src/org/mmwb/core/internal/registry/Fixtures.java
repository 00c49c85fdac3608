package org.mmwb.core.internal.registry;

import java.util.List;
import java.util.Set;

import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.SpecialMapping;
import org.mmwb.core.mm.SpecialMappingProvider;
import org.mmwb.core.mm.TestProvider;

/** Hand-made contributions, as the registry reader would produce them, for plain-classpath tests. */
final class Fixtures {
    static final String PROFILE = "test-1.0";
    static final long PFNMAP = TestProvider.IO_PFNMAP;

    private Fixtures() {
    }

    static ProfileContribution profile(String bundle) {
        return new ProfileContribution(PROFILE, 4, 4, 0x555555559000L, 33, false, "test", false, bundle);
    }

    /** A provider with a given .fault handler (null: a one-page pages array). */
    static SpecialMappingProvider impl(String name, long flags, SpecialMapping.Fault fault) {
        return new TestProvider(name, 0, flags, Placement.topDown(), Set.of(), "what-the-class-claims", kernel -> {
            long[] pages = fault == null ? new long[] {kernel.allocKernelPage()} : null;
            return new SpecialMapping(name, pages, fault, null, null, "what-the-class-claims");
        });
    }

    static ProviderContribution provider(String id, String name, int pages, Placement pl, String bundle,
            SpecialMappingProvider impl) {
        return new ProviderContribution(id, name, pages, Set.of(PROFILE), pl, bundle, impl);
    }

    static Catalog catalog(RegistryLog log, long budgetNanos, ProviderContribution... ps) {
        return new Catalog(List.of(profile("org.example.arch")), List.of(ps), budgetNanos, log);
    }
}
