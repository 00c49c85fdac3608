package org.mmwb.x86;

import java.util.Set;

import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.SpecialMapping;
import org.mmwb.core.mm.VmFault;
import org.mmwb.core.mm.VmFaultResult;

/**
 * [vvar_vclock] of Linux 6.18 (arch/x86/entry/vdso/vma.c, vvar_vclock_fault): 2 pages right after [vvar];
 * page 0 the KVM pvclock page via vmf_insert_pfn_prot when the pvclock vclock is in use (this host is a KVM
 * guest), page 1 the Hyper-V TSC page (SIGBUS without Hyper-V).
 */
public final class VvarVclockProvider extends AbstractProvider {
    static final int PVCLOCK_PAGE = 0;
    static final int HVCLOCK_PAGE = 1;

    private final boolean pvclock;
    private final boolean hyperv;

    public VvarVclockProvider() {
        this(true, false);
    }

    /** @param pvclock KVM pvclock in use; @param hyperv Hyper-V TSC page available */
    public VvarVclockProvider(boolean pvclock, boolean hyperv) {
        super("[vvar_vclock]", 2, VvarProvider.FLAGS, Placement.after("[vvar]"), Set.of(X86Profiles.X86_64_6_18));
        this.pvclock = pvclock;
        this.hyperv = hyperv;
    }

    @Override
    public SpecialMapping create(Kernel kernel) {
        long pvti = kernel.allocKernelPage();
        long tsc = kernel.allocKernelPage();
        SpecialMapping.Fault fault = (sm, vma, vmf) -> switch ((int) vmf.pgoff()) {
            case PVCLOCK_PAGE -> pvclock ? vmf.vmfInsertPfnProt(vmf.address(), pvti, VmFault.CACHE_WB)
                : VmFaultResult.SIGBUS;
            case HVCLOCK_PAGE -> hyperv ? vmf.vmfInsertPfn(vmf.address(), tsc) : VmFaultResult.SIGBUS;
            default -> VmFaultResult.SIGBUS;
        };
        return new SpecialMapping(name(), null, fault, null, null, CONTRIBUTOR);
    }
}
