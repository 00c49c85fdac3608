package org.mmwb.core.mm;

/**
 * {@code struct vm_special_mapping}: a named kernel-provided mapping whose pages come from a pages array
 * or, since the seed patch ("mm: Add a vm_special_mapping .fault method"), from a {@code .fault} handler
 * called with {@code vmf.pgoff()} relative to the mapping. {@code .mremap} runs when the whole mapping moves,
 * {@code .close} when it is unmapped. Instances are immutable and shared by every mm that maps them.
 *
 * <h2>Contract for plugin authors (mm/mmap.c special_mapping_fault, 6.18)</h2>
 * <ul>
 * <li><b>Pages array</b> ({@code fault == null}): page {@code vmf.pgoff()} of the mapping is {@code pages[pgoff]};
 * a pgoff at or past the terminator ends the fault in SIGBUS (BUS_ADRERR).</li>
 * <li><b>{@code .fault}</b>: called with {@code vmf.pgoff()} <em>relative to the mapping</em> (0 = its first page,
 * whatever its vm_pgoff) and {@code vmf.address()} page-aligned. Either hand back a RAM page with
 * {@link VmFault#setPage} and return 0, or insert PFNs with {@link VmFault#vmfInsertPfn} /
 * {@link VmFault#vmfInsertPfnProt} (the VMA must be VM_PFNMAP or VM_MIXEDMAP, addresses inside this VMA) and
 * return {@link VmFaultResult#NOPAGE}. Return {@link VmFaultResult#SIGBUS} for a page that does not exist
 * (the access gets SIGBUS, like vvar's timens page outside a time namespace).</li>
 * <li>The fault also ends in SIGBUS, with the reason in the fault log and reported to the
 * {@link FailureListener}, when the handler throws, returns bits outside {@link VmFaultResult#VALID_MASK},
 * returns NOPAGE without installing the faulting address's PTE, inserts PFNs without returning NOPAGE, does both
 * setPage and inserts, sets a PFN that is not an allocated RAM page, inserts outside its VMA, or touches user
 * memory (which would recurse into the fault path). Its PTEs are then undone.</li>
 * <li>{@code .mremap} and {@code .close} are optional (null). {@code .mremap} gets the new VMA when the whole
 * mapping moves and may refuse with -errno (the move is undone); partial mremap/munmap/mprotect of a special
 * mapping is -EINVAL (may_split), growing it -EFAULT. {@code .close} runs when it is unmapped or its mm exits.</li>
 * <li>Threads: one fault at a time. Called directly (plain Java), {@code .fault} runs on the simulation thread.
 * Contributed through the extension point, it runs on a handler thread of the registry adapter while the
 * simulation thread waits for it, which is how its time budget ({@code mmwb.faultHandlerBudgetMillis}) is
 * enforced; state a handler shares with other callbacks or with tests must be thread-safe (atomics, a
 * synchronized map). {@code .mremap} and {@code .close} always run on the simulation thread. Keep handlers short
 * and free of side effects beyond the fault.</li>
 * <li>A handler that threw, or broke the contract, stays enabled, as a kernel's {@code .fault} stays installed:
 * each later fault calls it again and ends the same way (the Eclipse log keeps the first ten failures per
 * mapping). Only a handler that ran past its time budget is disabled for the rest of that simulated kernel,
 * because its thread could not be stopped.</li>
 * </ul>
 */
public final class SpecialMapping {
    /**
     * The .fault callback: hand back a page with vmf.setPage and return 0, or insert PFNs and return
     * VM_FAULT_NOPAGE, or return VM_FAULT_SIGBUS (see the class comment).
     */
    @FunctionalInterface
    public interface Fault {
        int fault(SpecialMapping sm, VmArea vma, VmFault vmf);
    }

    /** The .mremap callback: 0 or -errno (a failure makes mremap undo the move). */
    @FunctionalInterface
    public interface Mremap {
        int mremap(SpecialMapping sm, VmArea newVma);
    }

    /** The .close callback. */
    @FunctionalInterface
    public interface Close {
        void close(SpecialMapping sm, VmArea vma);
    }

    /**
     * Told when the engine ends one of this mapping's faults in SIGBUS because its {@code .fault} handler broke
     * the contract (see the class comment). The registry adapter uses it to put such failures in the Eclipse
     * log with the contributing bundle. Must not throw (a throw is ignored).
     */
    @FunctionalInterface
    public interface FailureListener {
        /**
         * @param sm      the mapping
         * @param vma     the VMA that faulted
         * @param address the faulting address
         * @param reason  what the handler did wrong, as the fault log shows it
         */
        void failed(SpecialMapping sm, VmArea vma, long address, String reason);
    }

    private final String name;
    private final long[] pages;
    private final Fault fault;
    private final Mremap mremap;
    private final Close close;
    private final String owner;
    private final FailureListener failureListener;

    /**
     * @param name  the name, e.g. "[vdso]"
     * @param pages PFNs backing the mapping (the NULL-terminated array; a negative entry ends it), or null
     *              when {@code fault} is set
     * @param fault the .fault handler or null
     * @param mremap the .mremap callback or null
     * @param close the .close callback or null
     * @param owner who contributed it (a bundle id), for the fault log
     */
    public SpecialMapping(String name, long[] pages, Fault fault, Mremap mremap, Close close, String owner) {
        this(name, pages, fault, mremap, close, owner, null);
    }

    /**
     * As {@link #SpecialMapping(String, long[], Fault, Mremap, Close, String)}, with a listener told about
     * handler failures only the engine detects.
     *
     * @param failureListener the listener or null
     */
    public SpecialMapping(String name, long[] pages, Fault fault, Mremap mremap, Close close, String owner,
            FailureListener failureListener) {
        this.failureListener = failureListener;
        this.name = name;
        this.pages = pages == null ? null : pages.clone();
        this.fault = fault;
        this.mremap = mremap;
        this.close = close;
        this.owner = owner == null ? "" : owner;
    }

    /** The name /proc/PID/maps shows, e.g. "[vdso]". */
    public String name() {
        return name;
    }

    /** Number of pages in the pages array before its terminator (0 when there is none). */
    public int pageCount() {
        if (pages == null) {
            return 0;
        }
        int n = 0;
        while (n < pages.length && pages[n] >= 0) {
            n++;
        }
        return n;
    }

    /** The PFN of pages[i], or -1 past the terminator. */
    public long page(int i) {
        return pages != null && i >= 0 && i < pageCount() ? pages[i] : -1;
    }

    /** The .fault handler, or null for a pages-array mapping. */
    public Fault fault() {
        return fault;
    }

    /** The .mremap callback, or null. */
    public Mremap mremap() {
        return mremap;
    }

    /** The .close callback, or null. */
    public Close close() {
        return close;
    }

    /** Who contributed it (a bundle id), "" when built in. */
    public String owner() {
        return owner;
    }

    /** The failure listener, or null. */
    public FailureListener failureListener() {
        return failureListener;
    }

    @Override
    public String toString() {
        return name;
    }
}
