package org.mmwb.core.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mmwb.core.catalog.Problem;
import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.KernelProfile;
import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.Task;
import org.mmwb.core.mm.VmFlags;
import org.mmwb.core.mm.VmaSnapshot;

/** Building profiles from contributions: order, duplicates, dangling 'after', the declaration winning. */
class ProviderCatalogTest {
    private static final String ARCH = "org.example.arch";
    private final RegistryLog log = RegistryLog.inMemory();

    private static ProviderContribution p(String id, String name, Placement pl, String bundle) {
        return Fixtures.provider(id, name, 1, pl, bundle, Fixtures.impl(name, VmFlags.READ | VmFlags.MAYREAD, null));
    }

    private static List<String> names(KernelProfile k) {
        return k.providers().stream().map(x -> x.name()).collect(Collectors.toList());
    }

    private String problems() {
        return log.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void declaringBundleFirstThenOthersByBundleName() {
        Catalog c = Fixtures.catalog(log, 0, p("z1", "[z]", Placement.topDown(), "org.zeta"),
                p("a1", "[a]", Placement.topDown(), "org.alpha"), p("v1", "[v]", Placement.topDown(), ARCH),
                p("w1", "[w]", Placement.after("[v]"), ARCH));
        assertEquals(List.of("[v]", "[w]", "[a]", "[z]"), names(c.profile(Fixtures.PROFILE)));
        assertTrue(log.problems().isEmpty(), problems());
    }

    @Test
    void duplicateNameInAProfileIsLoggedWithItsBundleAndSkipped() {
        Catalog c = Fixtures.catalog(log, 0, p("v1", "[v]", Placement.topDown(), ARCH),
                p("v2", "[v]", Placement.topDown(), "com.example.clash"));
        assertEquals(List.of("[v]"), names(c.profile(Fixtures.PROFILE)));
        assertEquals("v1", ((GuardedProvider) c.profile(Fixtures.PROFILE).providers().get(0)).id());
        Problem pr = log.problems().get(0);
        assertEquals("com.example.clash", pr.bundle());
        assertTrue(pr.error() && pr.message().contains("already contributed"), pr.toString());
    }

    @Test
    void duplicateIdIsSkipped() {
        Catalog c = Fixtures.catalog(log, 0, p("same", "[v]", Placement.topDown(), ARCH),
                p("same", "[w]", Placement.topDown(), "com.example.b"));
        assertEquals(1, c.providers().size());
        assertEquals("com.example.b", log.problems().get(0).bundle());
    }

    @Test
    void danglingAfterFallsBackToAGroupOfItsOwn() {
        Catalog c = Fixtures.catalog(log, 0, p("v1", "[v]", Placement.topDown(), ARCH),
                p("x1", "[x]", Placement.after("[nowhere]"), "com.example.x"));
        KernelProfile k = c.profile(Fixtures.PROFILE);
        assertEquals(Placement.Kind.TOP_DOWN, k.providers().get(1).placement().kind());
        assertTrue(problems().contains("[nowhere]"), problems());
        Kernel kernel = new Kernel(k);
        Task t = kernel.spawn();
        assertTrue(kernel.snapshot(t).stream().anyMatch(v -> v.name().equals("[x]")), "still installed");
    }

    @Test
    void afterCycleIsBroken() {
        Catalog c = Fixtures.catalog(log, 0, p("a", "[a]", Placement.after("[b]"), ARCH),
                p("b", "[b]", Placement.after("[a]"), ARCH));
        Kernel kernel = new Kernel(c.profile(Fixtures.PROFILE));
        List<VmaSnapshot> v = kernel.snapshot(kernel.spawn());
        assertTrue(v.stream().anyMatch(s -> s.name().equals("[a]")), v.toString());
        assertTrue(v.stream().anyMatch(s -> s.name().equals("[b]")), v.toString());
        assertTrue(problems().contains("cycle"), problems());
    }

    @Test
    void unknownProfileIsNull() {
        assertNull(Fixtures.catalog(log, 0).profile("x86_64-9.99"));
        assertNotNull(Fixtures.catalog(log, 0).profile(Fixtures.PROFILE));
    }

    @Test
    void theDeclarationWinsAndTheBundleOwnsTheMapping() {
        // the class claims another name and owner; the declared name and the contributing bundle are used
        ProviderContribution c = Fixtures.provider("id", "[declared]", 3, Placement.topDown(), "com.example.owner",
                Fixtures.impl("[claimed]", VmFlags.READ | VmFlags.MAYREAD, null));
        Kernel kernel = new Kernel(Fixtures.catalog(log, 0, c).profile(Fixtures.PROFILE));
        Task t = kernel.spawn();
        VmaSnapshot v = kernel.snapshot(t).stream().filter(s -> s.name().equals("[declared]")).findFirst()
                .orElseThrow();
        assertEquals(3 * 4096, v.end() - v.start());
        assertEquals(0, kernel.access(t, v.start(), Kernel.ACCESS_READ));
        assertEquals("[declared] (com.example.owner)", kernel.fault(kernel.faultCount() - 1).handler());
    }

    @Test
    void aProviderWhoseCreateThrowsIsLeftOutAndLogged() {
        ProviderContribution bad = Fixtures.provider("bad", "[bad]", 1, Placement.topDown(), "com.example.bad",
                new org.mmwb.core.mm.SpecialMappingProvider() {
                    public String name() {
                        return "[bad]";
                    }

                    public int pages() {
                        return 1;
                    }

                    public long vmFlags() {
                        return VmFlags.READ;
                    }

                    public Placement placement() {
                        return Placement.topDown();
                    }

                    public java.util.Set<String> profiles() {
                        return java.util.Set.of();
                    }

                    public org.mmwb.core.mm.SpecialMapping create(Kernel k) {
                        throw new NoClassDefFoundError("com/example/Missing");
                    }
                });
        Kernel kernel = new Kernel(Fixtures.catalog(log, 0, bad, p("v", "[v]", Placement.topDown(), ARCH))
                .profile(Fixtures.PROFILE));
        List<VmaSnapshot> v = kernel.snapshot(kernel.spawn());
        assertTrue(v.stream().noneMatch(s -> s.name().equals("[bad]")));
        assertTrue(v.stream().anyMatch(s -> s.name().equals("[v]")));
        assertEquals("com.example.bad", log.problems().get(0).bundle());
        assertTrue(log.problems().get(0).message().contains("create()"), problems());
    }

    @Test
    void attributeParsing() {
        assertEquals(0xffffffffff600000L, Attributes.number("0xffffffffff600000"));
        assertEquals(33L, Attributes.number(" 33 "));
        assertNull(Attributes.number("33x"));
        assertNull(Attributes.number("-1"));
        assertNull(Attributes.number("0x"));
        assertTrue(Attributes.isMappingName("[vdso]"));
        assertTrue(!Attributes.isMappingName("vdso") && !Attributes.isMappingName("[]")
                && !Attributes.isMappingName("[a b]"));
        assertEquals(java.util.Set.of(), Attributes.profiles("*"));
        assertEquals(java.util.Set.of("a", "b"), Attributes.profiles("a, b,"));
    }
}
