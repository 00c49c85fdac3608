package org.mmwb.scenario;

import java.util.List;

import org.mmwb.scenario.internal.profiles.RegistryProfiles;

/**
 * A kernel profile a scenario can name on its {@code kernel} line: which kernel the machine behaves like.
 *
 * @param name            e.g. {@code x86_64-6.18}
 * @param maxLevels       the deepest page-table layout the kernel supports (4, or 5 with LA57)
 * @param specialMappings the bracketed mapping names a scenario may address, e.g. {@code [vdso]}
 * @param help            one line for completion and help
 */
public record KernelProfile(String name, int maxLevels, List<String> specialMappings, String help) {

    public KernelProfile {
        specialMappings = List.copyOf(specialMappings);
    }

    /** Kernel 6.18 on x86-64: [vvar] (4 pages), [vvar_vclock] (2), [vdso] (2), 4- or 5-level paging. */
    public static final KernelProfile X86_64_6_18 = new KernelProfile("x86_64-6.18", 5,
            List.of("[vdso]", "[vvar]", "[vvar_vclock]", "[stack]", "[heap]"),
            "Linux 6.18 on x86-64 (default)");

    /** Kernel 3.19 on x86-64, the seed patch's era: [vvar] with the HPET page, no [vvar_vclock], 4 levels only. */
    public static final KernelProfile X86_64_3_19 = new KernelProfile("x86_64-3.19", 4,
            List.of("[vdso]", "[vvar]", "[stack]", "[heap]"), "Linux 3.19 on x86-64 (the seed patch's era)");

    /** The default profile when a scenario has no {@code kernel} line. */
    public static final KernelProfile DEFAULT = X86_64_6_18;

    /**
     * All known profiles, default first: those the extension registry declares (with the special mappings their
     * providers install at exec, plugins' included), or the two built-in ones where no registry runs.
     */
    public static List<KernelProfile> known() {
        List<KernelProfile> builtIns = List.of(X86_64_6_18, X86_64_3_19);
        List<KernelProfile> registered = RegistryProfiles.profiles(builtIns, DEFAULT.name());
        return registered.isEmpty() ? builtIns : registered;
    }

    /** The profile of that name, or null. */
    public static KernelProfile byName(String name) {
        for (KernelProfile p : known()) {
            if (p.name.equals(name)) {
                return p;
            }
        }
        return null;
    }
}
