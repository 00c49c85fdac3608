package org.mmwb.x86;

import java.util.Set;

import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.SpecialMapping;
import org.mmwb.core.mm.VmFault;
import org.mmwb.core.mm.VmFaultResult;
import org.mmwb.core.mm.VmFlags;

/**
 * [vvar] of the seed's era, written the way the seed patch enables: a .fault handler that maps page 0 (the
 * vvar data page) and page 1, the HPET's register page, as uncached IO memory (pgprot_noncached).
 */
public final class Vvar319Provider extends AbstractProvider {
    /** The HPET's register page on PC hardware (0xfed00000). */
    static final long HPET_PFN = 0xfed00;

    public Vvar319Provider() {
        super("[vvar]", 2, VmFlags.READ | VmFlags.MAYREAD | VmFlags.IO | VmFlags.PFNMAP, Placement.topDown(),
            Set.of(X86Profiles.X86_64_3_19));
    }

    @Override
    public SpecialMapping create(Kernel kernel) {
        long data = kernel.allocKernelPage();
        long hpet = HPET_PFN;
        // Claim the HPET's page, so that no plugin's device aliases it (its registers read as 0 here).
        kernel.registerIoMemory(hpet, 1, (pfn, offset) -> 0);
        SpecialMapping.Fault fault = (sm, vma, vmf) -> switch ((int) vmf.pgoff()) {
            case 0 -> vmf.vmfInsertPfn(vmf.address(), data);
            case 1 -> vmf.vmfInsertPfnProt(vmf.address(), hpet, VmFault.CACHE_UC_MINUS);
            default -> VmFaultResult.SIGBUS;
        };
        return new SpecialMapping(name(), null, fault, null, null, CONTRIBUTOR);
    }
}
