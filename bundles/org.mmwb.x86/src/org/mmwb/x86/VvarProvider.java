package org.mmwb.x86;

import java.util.Set;

import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.SpecialMapping;
import org.mmwb.core.mm.VmArea;
import org.mmwb.core.mm.VmFault;
import org.mmwb.core.mm.VmFaultResult;
import org.mmwb.core.mm.VmFlags;

/**
 * [vvar] of Linux 6.18 (lib/vdso/datastore.c, vvar_fault): 4 pages, VM_READ|VM_MAYREAD|VM_IO|VM_DONTDUMP|
 * VM_PFNMAP, resolved by pgoff: 0 the time data page (in a time namespace the task's timens page, and the real
 * data page is inserted at page 1 too), 1 the real time data in a time namespace (SIGBUS outside one), 2 the
 * getrandom data page, 3 the arch data page (none on x86: SIGBUS).
 */
public final class VvarProvider extends AbstractProvider {
    static final int TIME_PAGE = 0;
    static final int TIMENS_PAGE = 1;
    static final int RNG_PAGE = 2;
    static final int ARCH_PAGES_START = 3;
    static final int NR_PAGES = 4;
    static final long FLAGS = VmFlags.READ | VmFlags.MAYREAD | VmFlags.IO | VmFlags.DONTDUMP | VmFlags.PFNMAP;

    public VvarProvider() {
        super("[vvar]", NR_PAGES, FLAGS, Placement.topDown(), Set.of(X86Profiles.X86_64_6_18));
    }

    @Override
    public SpecialMapping create(Kernel kernel) {
        long timeData = kernel.allocKernelPage();
        long rngData = kernel.allocKernelPage();
        long timensPage = kernel.allocKernelPage();
        SpecialMapping.Fault fault = (sm, vma, vmf) -> vvarFault(kernel, vma, vmf, timeData, rngData, timensPage);
        return new SpecialMapping(name(), null, fault, null, null, CONTRIBUTOR);
    }

    /** vvar_fault. */
    static int vvarFault(Kernel kernel, VmArea vma, VmFault vmf, long timeData, long rngData, long timensPage) {
        boolean timens = kernel.timeNamespace();
        long pfn;
        switch ((int) vmf.pgoff()) {
            case TIME_PAGE -> {
                pfn = timeData;
                if (timens) {
                    int err = vmf.vmfInsertPfn(vmf.address() + TIMENS_PAGE * 4096L, pfn);
                    if ((err & VmFaultResult.ERROR) != 0) {
                        return err;
                    }
                    pfn = timensPage;
                }
            }
            case TIMENS_PAGE -> {
                if (!timens) {
                    return VmFaultResult.SIGBUS;
                }
                pfn = timeData;
            }
            case RNG_PAGE -> pfn = rngData;
            default -> {
                // VDSO_ARCH_PAGES_START..END: x86 has no CONFIG_ARCH_HAS_VDSO_ARCH_DATA
                return VmFaultResult.SIGBUS;
            }
        }
        return vmf.vmfInsertPfn(vmf.address(), pfn);
    }
}
