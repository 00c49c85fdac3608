package org.mmwb.x86.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mmwb.core.catalog.Problem;
import org.mmwb.core.catalog.ProviderCatalog;
import org.mmwb.core.catalog.RegisteredProvider;
import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.KernelProfile;
import org.mmwb.core.mm.PteWalk;
import org.mmwb.core.mm.Signals;
import org.mmwb.core.mm.Task;
import org.mmwb.core.mm.VmaSnapshot;
import org.mmwb.x86.X86Profiles;

/**
 * The built-in x86 providers reach the simulator through the extension point (org.mmwb.x86's plugin.xml) and give
 * the same address space as the profiles built in Java; 3.19's [vvar] maps the HPET page uncached by .fault.
 */
class RegistryProfilesTest {

    private static String maps(KernelProfile p) {
        Kernel k = new Kernel(p);
        return k.maps(k.spawn());
    }

    @Test
    void registryProfilesEqualTheJavaOnes() {
        for (String name : X86Profiles.names()) {
            KernelProfile reg = ProviderCatalog.installed().profile(name);
            assertNotNull(reg, name + " from the registry; problems: " + ProviderCatalog.installed().problems());
            assertEquals(maps(X86Profiles.byName(name)), maps(reg), name);
        }
    }

    @Test
    void everyBuiltInComesFromTheX86BundleWithoutProblems() {
        List<RegisteredProvider> x86 = ProviderCatalog.installed().providers().stream()
                .filter(p -> p.contributor().equals("org.mmwb.x86")).collect(Collectors.toList());
        assertEquals(List.of("org.mmwb.x86.vvar", "org.mmwb.x86.vvar_vclock", "org.mmwb.x86.vdso",
                "org.mmwb.x86.vsyscall", "org.mmwb.x86.vvar319", "org.mmwb.x86.vdso319", "org.mmwb.x86.vsyscall319"),
                x86.stream().map(RegisteredProvider::id).collect(Collectors.toList()));
        List<Problem> mine = ProviderCatalog.installed().problems().stream()
                .filter(p -> p.bundle().equals("org.mmwb.x86")).collect(Collectors.toList());
        assertTrue(mine.isEmpty(), mine.toString());
    }

    @Test
    void hpetPageOfThreeNineteenIsUncachedIoMemory() {
        Kernel k = new Kernel(ProviderCatalog.installed().profile(X86Profiles.X86_64_3_19));
        Task t = k.spawn();
        VmaSnapshot vvar = k.snapshot(t).stream().filter(v -> v.name().equals("[vvar]")).findFirst().orElseThrow();
        assertEquals(2 * 4096, vvar.end() - vvar.start());
        assertEquals(Signals.OK, k.access(t, vvar.start() + 4096, Kernel.ACCESS_READ));
        PteWalk w = k.vtop(t, vvar.start() + 4096);
        assertEquals(0xfed00L, w.pfn(), "the HPET's registers at 0xfed00000");
        assertFalse(k.isRam(w.pfn()));
        assertTrue(w.decoded()[w.decoded().length - 1].contains("PCD"), w.decoded()[w.decoded().length - 1]);
        var f = k.fault(k.faultCount() - 1);
        assertEquals("[vvar] (org.mmwb.x86)", f.handler());
        assertEquals(1, f.pgoff(), "vmf->pgoff relative to the mapping");
    }
}
