package org.mmwb.x86;

import java.util.List;

import org.mmwb.core.mm.KernelProfile;
import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.VmFlags;

/** The x86-64 kernel profiles: 6.18 (the host's kernel) and a skeleton of 3.19 (the seed's era). */
public final class X86Profiles {
    public static final String X86_64_6_18 = "x86_64-6.18";
    public static final String X86_64_3_19 = "x86_64-3.19";
    /** start_brk after exec: a small PIE at ELF_ET_DYN_BASE without randomisation. */
    static final long START_BRK = 0x555555559000L;

    private X86Profiles() {
    }

    /** x86_64-6.18: [vvar] + [vvar_vclock] + [vdso] top-down below mmap_base, [vsyscall] xonly gate. */
    public static KernelProfile x86_64_6_18() {
        return new KernelProfile(X86_64_6_18, 4, 5, START_BRK, 33, List.of(new VvarProvider(),
            new VvarVclockProvider(), new VdsoProvider(), new VsyscallProvider()), false,
            KernelProfile.DEFAULT_RAM_PAGES, "Linux 6.18 on x86-64 (default)", "org.mmwb.x86");
    }

    /** x86_64-3.19 skeleton: [vvar] (data page + uncached HPET page by .fault) then [vdso], [vsyscall] r-x. */
    public static KernelProfile x86_64_3_19() {
        return new KernelProfile(X86_64_3_19, 4, 4, START_BRK, 33, List.of(new Vvar319Provider(),
            new VdsoProvider(X86_64_3_19, Placement.after("[vvar]")),
            new VsyscallProvider(X86_64_3_19, VmFlags.READ | VmFlags.EXEC)), false, KernelProfile.DEFAULT_RAM_PAGES,
            "Linux 3.19 on x86-64 (the seed patch's era)", "org.mmwb.x86");
    }

    /** The profile of a name, or null. */
    public static KernelProfile byName(String name) {
        return switch (name) {
            case X86_64_6_18 -> x86_64_6_18();
            case X86_64_3_19 -> x86_64_3_19();
            default -> null;
        };
    }

    /** Profile names known here. */
    public static List<String> names() {
        return List.of(X86_64_6_18, X86_64_3_19);
    }
}
