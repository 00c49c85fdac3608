package org.mmwb.x86;

import java.util.Set;

import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.SpecialMapping;
import org.mmwb.core.mm.VmFlags;

/**
 * The [vsyscall] gate area at 0xffffffffff600000 (arch/x86/entry/vsyscall/vsyscall_64.c): not a VMA of the
 * mm's tree but shown by /proc/PID/maps (get_gate_vma). With vsyscall=xonly (6.18's default) it is "--xp":
 * instruction fetches are emulated, reads fault with SIGSEGV(MAPERR).
 */
public final class VsyscallProvider extends AbstractProvider {
    public static final long VSYSCALL_ADDR = 0xffffffffff600000L;

    public VsyscallProvider(String profile, long flags) {
        super("[vsyscall]", 1, flags, Placement.gate(VSYSCALL_ADDR), Set.of(profile));
    }

    /** The 6.18 xonly gate. */
    public VsyscallProvider() {
        this(X86Profiles.X86_64_6_18, VmFlags.EXEC);
    }

    @Override
    public SpecialMapping create(Kernel kernel) {
        return null;
    }
}
