package org.mmwb.iomap;

import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.SpecialMapping;
import org.mmwb.core.mm.SpecialMappingProvider;
import org.mmwb.core.mm.VmArea;
import org.mmwb.core.mm.VmFault;
import org.mmwb.core.mm.VmFaultResult;
import org.mmwb.core.mm.VmFlags;

/**
 * {@code [mmwb_timer]}: the register pages of a {@link TimerDevice}, mapped as IO memory the way a driver's mmap
 * with a {@code .fault} handler does it: VM_IO|VM_PFNMAP|VM_DONTDUMP (as remap_pfn_range sets them), shared and
 * read-only ({@code r--s}), each page inserted on its first access with {@code vmf_insert_pfn_prot} and
 * {@code pgprot_noncached}-strength protections (PCD|PWT: strong uncached, as device registers need). The PFNs lie
 * in the PCI hole, outside RAM: pagemap shows the pages as {@code .}, and no struct page is touched.
 * Installed only on request ({@link IomapOperation}).
 */
public final class TimerRegsProvider implements SpecialMappingProvider {
    /** The mapping's name. */
    public static final String NAME = "[mmwb_timer]";
    /** VM flags of the mapping (VM_DONTEXPAND is added by _install_special_mapping). */
    public static final long FLAGS = VmFlags.READ | VmFlags.MAYREAD | VmFlags.SHARED | VmFlags.MAYSHARE | VmFlags.IO
            | VmFlags.PFNMAP | VmFlags.DONTDUMP;

    private static final Map<Kernel, TimerDevice> DEVICES = new WeakHashMap<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int pages() {
        return TimerDevice.PAGES;
    }

    @Override
    public long vmFlags() {
        return FLAGS;
    }

    @Override
    public Placement placement() {
        return Placement.onRequest();
    }

    @Override
    public Set<String> profiles() {
        return Set.of();
    }

    @Override
    public String contributor() {
        return "org.mmwb.iomap";
    }

    @Override
    public SpecialMapping create(Kernel kernel) {
        TimerDevice dev = new TimerDevice();
        synchronized (DEVICES) {
            DEVICES.put(kernel, dev);
        }
        // Loads and stores of the register PFNs reach the device model (an ioremap'd BAR, seen from user space).
        long err = kernel.registerIoMemory(TimerDevice.BAR_PFN, TimerDevice.PAGES,
                (pfn, offset) -> dev.readb((int) (pfn - TimerDevice.BAR_PFN), offset));
        if (err != 0) {
            throw new IllegalStateException("the timer's registers at PFN 0x" + Long.toHexString(TimerDevice.BAR_PFN)
                    + " are taken: " + kernel.lastIoMemoryRefusal());
        }
        return new SpecialMapping(NAME, null, TimerRegsProvider::timerFault, null, null, contributor());
    }

    /** The device of a kernel (one per simulated machine), or null before the kernel created it. */
    public static TimerDevice device(Kernel kernel) {
        synchronized (DEVICES) {
            return DEVICES.get(kernel);
        }
    }

    /**
     * The .fault handler: {@code vmf.pgoff()} is relative to the mapping (the seed patch), so it is the register
     * page; insert its PFN uncached and return VM_FAULT_NOPAGE, or VM_FAULT_SIGBUS past the register block.
     */
    static int timerFault(SpecialMapping sm, VmArea vma, VmFault vmf) {
        long pfn = TimerDevice.pfn(vmf.pgoff());
        if (pfn < 0) {
            return VmFaultResult.SIGBUS;
        }
        return vmf.vmfInsertPfnProt(vmf.address(), pfn, VmFault.CACHE_UC);
    }
}
