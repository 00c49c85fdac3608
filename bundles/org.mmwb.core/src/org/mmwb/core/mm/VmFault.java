package org.mmwb.core.mm;

/**
 * {@code struct vm_fault} as a fault handler sees it, plus the mm/memory.c helpers a handler calls
 * ({@code vmf_insert_pfn}, {@code vmf_insert_pfn_prot}). Created by the engine for each fault and valid only
 * during the handler's call.
 * <p>
 * A special mapping's {@code .fault} handler (see {@link SpecialMapping} for the whole contract):
 * <ul>
 * <li>reads {@link #pgoff()}, which is <em>relative to the mapping</em> (0 = its first page), and
 * {@link #address()}, the page-aligned faulting address inside {@link #vma()};</li>
 * <li>either hands back a RAM page with {@link #setPage} and returns 0 (the engine maps it with the VMA's
 * protection and takes the reference), or inserts PFNs (RAM or device memory) with {@link #vmfInsertPfn} /
 * {@link #vmfInsertPfnProt} at addresses inside its VMA, which must be VM_PFNMAP or VM_MIXEDMAP (and not a
 * private writable one), and returns {@link VmFaultResult#NOPAGE}; the faulting address must be among them;</li>
 * <li>returns {@link VmFaultResult#SIGBUS} when the page does not exist; the access then gets SIGBUS(BUS_ADRERR).
 * Anything else (see {@link SpecialMapping}) also ends in SIGBUS, with the reason in the fault log.</li>
 * </ul>
 */
public abstract class VmFault {
    /** FAULT_FLAG_* bits (include/linux/mm_types.h). */
    public static final int FLAG_WRITE = 1 << 0;
    public static final int FLAG_MKWRITE = 1 << 1;
    public static final int FLAG_ALLOW_RETRY = 1 << 2;
    public static final int FLAG_RETRY_NOWAIT = 1 << 3;
    public static final int FLAG_KILLABLE = 1 << 4;
    public static final int FLAG_TRIED = 1 << 5;
    public static final int FLAG_USER = 1 << 6;
    public static final int FLAG_REMOTE = 1 << 7;
    public static final int FLAG_INSTRUCTION = 1 << 8;

    /** Cache modes for {@link #vmfInsertPfnProt}: write-back (normal RAM). */
    public static final int CACHE_WB = 0;
    /** pgprot_noncached: UC- (PCD). */
    public static final int CACHE_UC_MINUS = 1;
    /** Strong uncached (PCD|PWT). */
    public static final int CACHE_UC = 2;
    /** Write-combining (PWT on the default PAT layout). */
    public static final int CACHE_WC = 3;

    /** For the engine and wrappers (the registry adapter) only. */
    protected VmFault() {
    }

    /** vmf->vma. */
    public abstract VmArea vma();

    /** vmf->address: the faulting address rounded down to its page. */
    public abstract long address();

    /** vmf->real_address: the exact faulting address. */
    public abstract long realAddress();

    /** vmf->pgoff: for special mappings relative to the mapping (0 = first page). */
    public abstract long pgoff();

    /** vmf->flags (FLAG_*). */
    public abstract int flags();

    /** True when FLAG_WRITE is set. */
    public boolean isWrite() {
        return (flags() & FLAG_WRITE) != 0;
    }

    /** vmf->page = the page with this PFN (the handler took a reference in the kernel; here the engine does). */
    public abstract void setPage(long pfn);

    /**
     * vmf_insert_pfn: map pfn at addr in this fault's VMA (VM_PFNMAP or VM_MIXEDMAP only).
     * Returns VM_FAULT_NOPAGE on success or VM_FAULT_SIGBUS / VM_FAULT_OOM.
     */
    public abstract int vmfInsertPfn(long addr, long pfn);

    /** vmf_insert_pfn_prot with a cache mode (CACHE_*), e.g. pgprot_noncached for device registers. */
    public abstract int vmfInsertPfnProt(long addr, long pfn, int cacheMode);
}
