package org.mmwb.core.mm;

/**
 * {@code struct vm_special_mapping}: a named kernel-provided mapping whose pages come from a pages array
 * or, since the seed patch ("mm: Add a vm_special_mapping .fault method"), from a {@code .fault} handler
 * called with {@code vmf.pgoff()} relative to the mapping. {@code .mremap} runs when the whole mapping moves,
 * {@code .close} when it is unmapped. Instances are immutable and shared by every mm that maps them.
 */
public final class SpecialMapping {
    /** The .fault callback: returns VM_FAULT_* bits; sets vmf.setPage or inserts PFNs. */
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

    private final String name;
    private final long[] pages;
    private final Fault fault;
    private final Mremap mremap;
    private final Close close;
    private final String owner;

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
        this.name = name;
        this.pages = pages == null ? null : pages.clone();
        this.fault = fault;
        this.mremap = mremap;
        this.close = close;
        this.owner = owner == null ? "" : owner;
    }

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

    public Fault fault() {
        return fault;
    }

    public Mremap mremap() {
        return mremap;
    }

    public Close close() {
        return close;
    }

    public String owner() {
        return owner;
    }

    @Override
    public String toString() {
        return name;
    }
}
