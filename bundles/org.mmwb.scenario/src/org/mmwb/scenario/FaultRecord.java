package org.mmwb.scenario;

/**
 * One page fault as recorded by a target: the contract fault object of docs/scenarios.md.
 *
 * @param seq     sequence number, 0 for the first fault of the run
 * @param pid     scenario pid of the faulting process
 * @param address the faulting address
 * @param access  r, w or x
 * @param vma     the VMA's name, or for an unnamed VMA its range as {@code start-end} in hex
 * @param handler the code that resolved the fault (e.g. {@code do_anonymous_page}, {@code special_mapping_fault},
 *                or the provider's handler name)
 * @param pgoff   page offset of the address within the VMA as the fault handler sees it ({@code vmf->pgoff}; for a
 *                special mapping relative to the mapping, as in the seed patch)
 * @param result  the VM_FAULT_* outcome or signal, e.g. {@code NOPAGE}, {@code SIGBUS}
 * @param pfn     the page frame installed, or -1 for none (JSON {@code null})
 * @param sym     symbolic form of the address assigned by the runner, or null
 * @param reason  why the fault failed when a handler broke (threw, returned garbage, ran too long), else null;
 *                {@code result} stays the kernel's outcome ({@code SIGBUS})
 */
public record FaultRecord(long seq, int pid, long address, String access, String vma, String handler, long pgoff,
        String result, long pfn, String sym, String reason) {

    public FaultRecord {
        access = access == null ? "" : access;
        vma = vma == null ? "" : vma;
        handler = handler == null ? "" : handler;
        result = result == null ? "" : result;
    }

    /** A record without symbolic address, as targets create them. */
    public FaultRecord(long seq, int pid, long address, String access, String vma, String handler, long pgoff,
            String result, long pfn) {
        this(seq, pid, address, access, vma, handler, pgoff, result, pfn, null, null);
    }

    /** A record with a symbolic address and no failure reason. */
    public FaultRecord(long seq, int pid, long address, String access, String vma, String handler, long pgoff,
            String result, long pfn, String sym) {
        this(seq, pid, address, access, vma, handler, pgoff, result, pfn, sym, null);
    }

    public FaultRecord withSym(String s) {
        return new FaultRecord(seq, pid, address, access, vma, handler, pgoff, result, pfn, s, reason);
    }
}
