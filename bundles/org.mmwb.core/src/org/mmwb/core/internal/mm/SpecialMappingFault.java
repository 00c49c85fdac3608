package org.mmwb.core.internal.mm;

import org.mmwb.core.internal.log.FaultLog;
import org.mmwb.core.internal.page.PhysMem;
import org.mmwb.core.internal.pgtable.Pte;
import org.mmwb.core.mm.SpecialMapping;
import org.mmwb.core.mm.VmFaultResult;

/**
 * special_mapping_fault, the fault op of special mappings (mm/mmap.c; the other vm_ops are in
 * {@link SpecialMappings}): the mapping's .fault handler with vmf.pgoff relative to the mapping, or a walk of its
 * pages array. A handler is third-party code: one that breaks its contract (throws, returns invalid bits, leaves no
 * page...) ends the fault with VM_FAULT_SIGBUS, its PTEs undone and the reason in the {@link FaultTrace}, and the
 * mapping's failure listener is told.
 */
final class SpecialMappingFault {
    private final MmKernel k;
    private final PhysMem phys;
    private final FaultLog log;
    private final FaultTrace trace;

    private final int pSigbus;
    private final int pSpecialPages;
    private final int pSpecialFault;

    SpecialMappingFault(MmKernel k, FaultTrace trace) {
        this.k = k;
        this.phys = k.phys;
        this.log = k.log;
        this.trace = trace;
        pSigbus = log.intern(FaultTrace.SIGBUS);
        pSpecialPages = log.intern("special_mapping_fault(pages)");
        pSpecialFault = log.intern("special_mapping_fault(.fault)");
    }

    /**
     * special_mapping_fault: call sm.fault with vmf.pgoff relative to the mapping if it is set, else walk the
     * pages array; a missing page is VM_FAULT_SIGBUS. A handler that breaks its contract ends the fault with
     * VM_FAULT_SIGBUS and a recorded reason.
     */
    int specialMappingFault(Vma vma, long addr) {
        FaultCtx ctx = k.ctx;
        long rel = (addr - vma.start) >>> 12;
        ctx.pgoff = vma.pgoff + rel - vma.pgoff;
        if (vma.ops.kind == VmOps.Kind.LEGACY_SPECIAL) {
            LegacyPages lp = (LegacyPages) vma.priv;
            trace.handler = log.intern(lp.name() == null ? "legacy_special_mapping" : lp.name());
            trace.pgoff = ctx.pgoff;
            return pagesFault(lp.pages(), ctx);
        }
        SpecialMapping sm = (SpecialMapping) vma.priv;
        trace.handler = log.intern(sm.owner().isEmpty() ? sm.name() : sm.name() + " (" + sm.owner() + ")");
        trace.pgoff = ctx.pgoff;
        if (sm.fault() == null) {
            long[] pages = new long[sm.pageCount()];
            for (int i = 0; i < pages.length; i++) {
                pages[i] = sm.page(i);
            }
            return pagesFault(pages, ctx);
        }
        trace.path = pSpecialFault;
        int r;
        ctx.depth++;
        ctx.inHandler = true;
        try {
            r = sm.fault().fault(sm, vma, ctx);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            ctx.violation = ctx.violation != null ? ctx.violation : "threw " + t;
            r = VmFaultResult.SIGBUS;
        } finally {
            ctx.inHandler = false;
            ctx.depth--;
        }
        r = checkHandler(ctx, r);
        if (trace.reason != null && sm.failureListener() != null) {
            try {
                sm.failureListener().failed(sm, vma, addr, trace.reason);
            } catch (RuntimeException e) {
                // a listener must not turn a SIGBUS into an engine failure
            }
        }
        return r;
    }

    /** The checks a broken third-party handler fails; any failure undoes its PTEs and yields SIGBUS. */
    private int checkHandler(FaultCtx ctx, int r) {
        String why = ctx.violation;
        if (why == null && (r & ~VmFaultResult.VALID_MASK) != 0) {
            why = "returned invalid vm_fault_t 0x" + Integer.toHexString(r);
        }
        if (why == null && ctx.page >= 0 && ctx.nInserted > 0) {
            why = "set vmf->page and also inserted PFNs";
        }
        if (why == null && (r & VmFaultResult.ERROR) == 0) {
            if ((r & VmFaultResult.NOPAGE) != 0 && ctx.nInserted == 0 && ctx.vma.mm.pgd.get(ctx.address) == 0) {
                why = "returned VM_FAULT_NOPAGE without installing a PTE";
            } else if ((r & VmFaultResult.NOPAGE) == 0 && ctx.page < 0) {
                why = ctx.nInserted > 0 ? "inserted PFNs but did not return VM_FAULT_NOPAGE"
                    : "returned " + VmFaultResult.describe(r) + " without a page";
            } else if ((r & VmFaultResult.NOPAGE) == 0 && !(phys.isRam(ctx.page) && phys.isAllocated(ctx.page))) {
                why = String.format("set vmf->page to PFN 0x%x, which is not an allocated page", ctx.page);
            }
        }
        if (why != null) {
            ctx.undoInserts();
            ctx.page = -1;
            trace.reason = why;
            trace.path = pSigbus;
            return VmFaultResult.SIGBUS;
        }
        if ((r & VmFaultResult.ERROR) != 0) {
            ctx.undoInserts();
            ctx.page = -1;
            return r;
        }
        if (ctx.page >= 0) {
            phys.get(ctx.page);
        } else if (ctx.nInserted > 0) {
            long pte = ctx.vma.mm.pgd.get(ctx.address);
            trace.pfn = pte != 0 ? Pte.pfn(pte) : Pte.pfn(ctx.vma.mm.pgd.get(ctx.inserted[0]));
        }
        return r;
    }

    /** The pages-array walk of special_mapping_fault. */
    private int pagesFault(long[] pages, FaultCtx ctx) {
        trace.path = pSpecialPages;
        long pgoff = ctx.pgoff;
        int i = 0;
        while (pgoff > 0 && i < pages.length && pages[i] >= 0) {
            pgoff--;
            i++;
        }
        if (pgoff == 0 && i < pages.length && pages[i] >= 0) {
            phys.get(pages[i]);
            ctx.page = pages[i];
            return 0;
        }
        trace.path = pSigbus;
        return VmFaultResult.SIGBUS;
    }
}
