package __PKG__;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.mmwb.core.mm.Errno;
import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.SpecialMapping;
import org.mmwb.core.mm.SpecialMappingProvider;
import org.mmwb.core.mm.VmFault;
import org.mmwb.core.mm.VmFaultResult;
import org.mmwb.core.mm.VmFlags;

/**
 * {@code __NAME__}: a read-only special mapping of two pages in every x86_64-6.18 process.
 * <ul>
 * <li>page 0 is a kernel page (RAM) whose first byte is {@code 'P'}: the {@code .fault} handler hands it back
 * with {@code vmf.setPage} and returns 0 (like vdso_fault);</li>
 * <li>page 1 is one page of device memory, answered by this provider's own device (register byte 0 reads
 * {@value #DEVICE_BYTE}): the PFN comes from {@link Kernel#allocIoMemory}, so no other device has it, and the
 * handler inserts it uncached and returns VM_FAULT_NOPAGE (like vvar's HPET page).</li>
 * </ul>
 * A mapping that mixes struct pages and raw PFNs is VM_MIXEDMAP (a pure PFN mapping would be VM_PFNMAP|VM_IO).
 * <p>
 * Lifetime: the extension registry makes one instance of this class; {@link #create} runs once per simulated
 * kernel, and the mapping it returns is shared by every process of that kernel. Per-kernel state therefore lives in
 * a map keyed by the kernel (or in the handler's captured variables), never in fields of this object.
 * <p>
 * Threads: {@code .fault} runs on a handler thread of the engine while the simulation thread waits for it (that is
 * how its time budget is enforced); {@code .mremap} and {@code .close} run on the simulation thread. Hence the
 * atomic counter.
 */
public final class __CLASS__ implements SpecialMappingProvider {
    /** Readable, never writable, struct pages and PFNs mixed. VM_DONTEXPAND is added by the engine. */
    static final long FLAGS = VmFlags.READ | VmFlags.MAYREAD | VmFlags.MIXEDMAP;
    /** Byte 0 of the kernel page. */
    static final byte PAGE_BYTE = 'P';
    /** What the device's register byte 0 reads. */
    static final int DEVICE_BYTE = 0x2a;

    /** What this provider keeps per simulated kernel. */
    public record State(long page, long devicePfn, AtomicInteger closes) {
    }

    private static final Map<Kernel, State> STATES = Collections.synchronizedMap(new WeakHashMap<>());

    /** Required by the extension registry: a public no-argument constructor. */
    public __CLASS__() {
    }

    @Override
    public String name() {
        return "__NAME__";
    }

    @Override
    public int pages() {
        return 2;
    }

    @Override
    public long vmFlags() {
        return FLAGS;
    }

    @Override
    public Placement placement() {
        return Placement.topDown();
    }

    @Override
    public Set<String> profiles() {
        return Set.of("x86_64-6.18");
    }

    @Override
    public SpecialMapping create(Kernel kernel) {
        long page = kernel.allocKernelPage();
        kernel.writeKernelPage(page, 0, PAGE_BYTE);
        // One page of device memory nobody else uses; its bytes come from this lambda (the device model).
        long devicePfn = kernel.allocIoMemory(1, (pfn, offset) -> offset == 0 ? DEVICE_BYTE : 0);
        if (devicePfn < 0) {
            throw new IllegalStateException("no free device memory: " + Errno.name(-devicePfn));
        }
        State state = new State(page, devicePfn, new AtomicInteger());
        STATES.put(kernel, state);
        SpecialMapping.Fault fault = (sm, vma, vmf) -> fault(state, vmf);
        SpecialMapping.Close close = (sm, vma) -> state.closes().incrementAndGet();
        return new SpecialMapping(name(), null, fault, null, close, "__ID__");
    }

    /** The .fault handler: {@code vmf.pgoff()} is relative to the mapping (0 = its first page). */
    static int fault(State state, VmFault vmf) {
        if (vmf.pgoff() == 0) {
            vmf.setPage(state.page());
            return 0;
        }
        if (vmf.pgoff() == 1) {
            return vmf.vmfInsertPfnProt(vmf.address(), state.devicePfn(), VmFault.CACHE_UC);
        }
        return VmFaultResult.SIGBUS;
    }

    /** The state of a kernel this provider was created in (tests reach it through {@code run.kernel()}). */
    public static State state(Kernel kernel) {
        return STATES.get(kernel);
    }
}
