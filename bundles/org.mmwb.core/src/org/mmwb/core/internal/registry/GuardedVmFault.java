package org.mmwb.core.internal.registry;

import java.util.HashSet;
import java.util.Set;

import org.mmwb.core.mm.VmArea;
import org.mmwb.core.mm.VmFault;
import org.mmwb.core.mm.VmFaultResult;

/**
 * The {@link VmFault} a contributed handler sees: forwards to the engine's, notes contract violations it can see
 * (for the platform log; the engine makes its own checks and decides the fault), and can be revoked. Once revoked
 * (the handler ran past its budget and was abandoned) a late call changes nothing: inserts return VM_FAULT_SIGBUS,
 * setPage is ignored. Calls are serialized with {@link #revoke()} so that an abandoned handler thread never
 * touches the engine after the fault has ended.
 */
final class GuardedVmFault extends VmFault {
    private final VmFault vmf;
    private final Set<Long> inserted = new HashSet<>();
    private boolean revoked;
    private boolean pageSet;
    private String violation;

    GuardedVmFault(VmFault vmf) {
        this.vmf = vmf;
    }

    synchronized void revoke() {
        revoked = true;
    }

    /** The first violation seen, or null. */
    synchronized String violation() {
        return violation;
    }

    private void note(String why) {
        if (violation == null) {
            violation = why;
        }
    }

    @Override
    public VmArea vma() {
        return vmf.vma();
    }

    @Override
    public long address() {
        return vmf.address();
    }

    @Override
    public long realAddress() {
        return vmf.realAddress();
    }

    @Override
    public long pgoff() {
        return vmf.pgoff();
    }

    @Override
    public int flags() {
        return vmf.flags();
    }

    @Override
    public synchronized void setPage(long pfn) {
        if (revoked) {
            return;
        }
        pageSet = true;
        if (!inserted.isEmpty()) {
            note("set vmf->page and also inserted PFNs");
        }
        vmf.setPage(pfn);
    }

    @Override
    public synchronized int vmfInsertPfn(long addr, long pfn) {
        if (revoked) {
            return VmFaultResult.SIGBUS;
        }
        check(addr);
        return vmf.vmfInsertPfn(addr, pfn);
    }

    @Override
    public synchronized int vmfInsertPfnProt(long addr, long pfn, int cacheMode) {
        if (revoked) {
            return VmFaultResult.SIGBUS;
        }
        check(addr);
        return vmf.vmfInsertPfnProt(addr, pfn, cacheMode);
    }

    private void check(long addr) {
        VmArea v = vmf.vma();
        if (Long.compareUnsigned(addr, v.start()) < 0 || Long.compareUnsigned(addr, v.end()) >= 0) {
            note(String.format("inserted a PFN at 0x%x, outside its VMA 0x%x-0x%x", addr, v.start(), v.end()));
        } else if (!inserted.add(addr & ~0xfffL)) {
            note(String.format("inserted a PFN twice at 0x%x", addr));
        }
        if (pageSet) {
            note("set vmf->page and also inserted PFNs");
        }
    }
}
