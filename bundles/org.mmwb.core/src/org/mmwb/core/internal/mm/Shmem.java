package org.mmwb.core.internal.mm;

import org.mmwb.core.internal.page.PhysMem;
import org.mmwb.core.internal.pgtable.PageTable;
import org.mmwb.core.internal.pgtable.Pte;
import org.mmwb.core.mm.MemFile;
import org.mmwb.core.mm.VmFaultResult;

/**
 * The page cache of shmem and memfd files as faults use it: shmem_fault and shmem_get_folio (mm/shmem.c), and
 * filemap_map_pages (mm/filemap.c), shmem's map_pages, which fault-around calls.
 */
public final class Shmem {
    private final MmKernel k;
    private final PhysMem phys;
    private final FaultTrace trace;
    private final PageAlloc alloc;

    private final int pRead;
    private final int pSigbus;

    Shmem(MmKernel k, FaultTrace trace, PageAlloc alloc) {
        this.k = k;
        this.phys = k.phys;
        this.trace = trace;
        this.alloc = alloc;
        pRead = k.log.intern("do_read_fault");
        pSigbus = k.log.intern(FaultTrace.SIGBUS);
    }

    /** shmem_fault: the page-cache page of pgoff (created on first use), SIGBUS past EOF. */
    int shmemFault(Vma vma, long pgoff) {
        MemFile f = vma.file;
        if (pgoff >= f.sizePages()) {
            trace.path = pSigbus;
            return VmFaultResult.SIGBUS;
        }
        long pfn = pageCachePage(f, pgoff, vma.mm);
        if (pfn == PhysMem.NO_PAGE) {
            return VmFaultResult.OOM; // shmem_get_folio_gfp: -ENOMEM -> vmf_error
        }
        phys.get(pfn);
        k.ctx.page = pfn;
        trace.path = pRead;
        return 0;
    }

    /**
     * find_or_create the page-cache page of a file (memfd pages start with 'A' + index); {@link PhysMem#NO_PAGE}
     * when RAM is used up (no OOM killer: for writes and fault-around, which cannot name a faulting task).
     */
    public long pageCachePage(MemFile f, long index) {
        return pageCachePage(f, index, null);
    }

    /** As {@link #pageCachePage(MemFile, long)}, for a fault of mm: a failed allocation calls the OOM killer. */
    private long pageCachePage(MemFile f, long index, Mm mm) {
        long pfn = f.cachedPfn(index);
        if (pfn < 0) {
            pfn = phys.alloc(PhysMem.KIND_FILE);
            if (pfn == PhysMem.NO_PAGE && mm != null) {
                pfn = alloc.allocPageSlowpath(mm, PhysMem.KIND_FILE);
            }
            if (pfn == PhysMem.NO_PAGE) {
                return pfn;
            }
            if (!f.zeroFilled()) {
                phys.write(pfn, 0, (byte) ('A' + index % 26));
            }
            f.setCachedPfn(index, pfn);
        }
        return pfn;
    }

    /**
     * filemap_map_pages: map the pages at [first, last] relative to va (and to its file page pgoff) that are in
     * the page cache and not mapped yet, up to EOF. Returns the PFN mapped at va itself, else -1.
     */
    long filemapMapPages(Vma vma, long va, long pgoff, long first, long last) {
        MemFile f = vma.file;
        PageTable pt = vma.mm.pgd;
        long prot = Pages.pgprot(vma.flags);
        long self = -1;
        for (long d = first; d <= last; d++) {
            long a = va + (d << 12);
            long idx = pgoff + d;
            if (idx < 0 || idx >= f.sizePages() || pt.get(a) != 0) {
                continue;
            }
            // a memfd of the `file` op was written page by page when made: all its pages are in the cache;
            // zero-filled shmem (shared anonymous) has only the pages somebody faulted in
            long pfn = f.zeroFilled() || f.regular() ? f.cachedPfn(idx) : pageCachePage(f, idx);
            if (pfn < 0) {
                continue;
            }
            phys.get(pfn);
            phys.incMapcount(pfn);
            // set_pte_range: prefaulted PTEs are made old only if arch_wants_old_prefaulted_pte(), which is
            // false on x86, so they keep the _PAGE_ACCESSED of vm_page_prot like the faulting page
            pt.set(a, Pte.mk(pfn, prot));
            if (d == 0) {
                self = pfn;
            }
        }
        return self;
    }
}
