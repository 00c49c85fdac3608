package org.mmwb.core.internal.registry;

import java.util.Set;

import org.mmwb.core.catalog.RegisteredProvider;
import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.MmStruct;
import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.SpecialMapping;
import org.mmwb.core.mm.SpecialMappingProvider;
import org.mmwb.core.mm.VmArea;

/**
 * A contributed provider as the engine sees it. The declaration in plugin.xml wins for name, size, profiles and
 * placement (so one class can serve several profiles); the class supplies the VM flags, the legacy choice and the
 * {@link SpecialMapping}. The mapping is re-made with the declared name, the contributing bundle as owner (the
 * fault log shows {@code [name] (bundle)}) and its {@code .fault} handler under a {@link GuardedFault}. A class
 * that throws from {@code create} or {@code installed}, or whose {@code create} asked for IO memory another device
 * holds ({@link Kernel#registerIoMemory} refused with EBUSY), is logged with its bundle; its mapping is then absent.
 * Handler failures only the engine detects reach the same log through the mapping's
 * {@link SpecialMapping.FailureListener}.
 */
public final class GuardedProvider implements RegisteredProvider {
    private final ProviderContribution c;
    private final Placement placement;
    private final long budgetNanos;
    private final RegistryLog log;

    GuardedProvider(ProviderContribution c, Placement placement, long budgetNanos, RegistryLog log) {
        this.c = c;
        this.placement = placement;
        this.budgetNanos = budgetNanos;
        this.log = log;
    }

    /** The contribution behind it. */
    public ProviderContribution contribution() {
        return c;
    }

    @Override
    public String id() {
        return c.id();
    }

    /** The contributed object (for listings: its class name). */
    public SpecialMappingProvider implementation() {
        return c.impl();
    }

    @Override
    public String implementationClass() {
        return c.impl().getClass().getName();
    }

    @Override
    public String name() {
        return c.name();
    }

    @Override
    public int pages() {
        return c.pages();
    }

    @Override
    public long vmFlags() {
        try {
            return c.impl().vmFlags();
        } catch (RuntimeException | LinkageError e) {
            log.error(c.bundle(), what() + ": vmFlags() threw; using VM_READ|VM_MAYREAD", e);
            return org.mmwb.core.mm.VmFlags.READ | org.mmwb.core.mm.VmFlags.MAYREAD;
        }
    }

    @Override
    public Placement placement() {
        return placement;
    }

    @Override
    public Set<String> profiles() {
        return c.profiles();
    }

    @Override
    public String contributor() {
        return c.bundle();
    }

    @Override
    public boolean legacy() {
        try {
            return c.impl().legacy();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Override
    public SpecialMapping create(Kernel kernel) {
        SpecialMapping sm;
        int refusedBefore = kernel.ioMemoryRefusals();
        try {
            sm = c.impl().create(kernel);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            log.error(c.bundle(), what() + ": create() threw; the mapping is left out of this kernel", e);
            return null;
        }
        if (kernel.ioMemoryRefusals() != refusedBefore) {
            log.error(c.bundle(), what() + ": create() asked for " + kernel.lastIoMemoryRefusal()
                    + "; the mapping is left out of this kernel (take free PFNs with Kernel.allocIoMemory)", null);
            return null;
        }
        if (sm == null) {
            return null; // a gate area has no mapping object
        }
        long[] pages = null;
        int n = sm.pageCount();
        if (n > 0 || sm.fault() == null) {
            pages = new long[n];
            for (int i = 0; i < n; i++) {
                pages[i] = sm.page(i);
            }
        }
        GuardedFault fault = sm.fault() == null ? null
                : new GuardedFault(sm.fault(), what(), c.bundle(), budgetNanos, log);
        SpecialMapping.FailureListener own = sm.failureListener();
        SpecialMapping.FailureListener listener = fault == null ? own : (m, vma, address, reason) -> {
            fault.engineFailure(m, vma, address, reason);
            if (own != null) {
                own.failed(m, vma, address, reason);
            }
        };
        return new SpecialMapping(c.name(), pages, fault, sm.mremap(), sm.close(), c.bundle(), listener);
    }

    @Override
    public void installed(MmStruct mm, VmArea vma) {
        try {
            c.impl().installed(mm, vma);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            log.error(c.bundle(), what() + ": installed() threw; ignored", e);
        }
    }

    /** The same provider placed differently (a dangling {@code after} falls back to top-down). */
    GuardedProvider withPlacement(Placement p) {
        return new GuardedProvider(c, p, budgetNanos, log);
    }

    private String what() {
        return "provider " + c.id() + " (" + c.name() + ")";
    }

    @Override
    public String toString() {
        return c.name() + " [" + c.id() + " from " + c.bundle() + "]";
    }
}
