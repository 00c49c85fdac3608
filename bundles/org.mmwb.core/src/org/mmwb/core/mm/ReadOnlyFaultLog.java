package org.mmwb.core.mm;

/**
 * The fault log read-only: one row per page fault the kernel handled (handle_mm_fault and its outcome), addressed
 * by sequence number. Only the newest {@link #limit()} faults are kept; sequence numbers keep counting, so a seq
 * names the same fault for ever. Reading a row allocates nothing, so views can page through millions of faults.
 * Get it from {@link Kernel#faultLog()}; {@link Kernel#fault(long)} gives one row as a {@link FaultRecord}.
 *
 * @since 0.2.0
 */
public interface ReadOnlyFaultLog {
    /** Access bit: read (FAULT_FLAG / X86_PF_ semantics folded into R/W/X). */
    int ACCESS_READ = 1;
    /** Access bit: write (X86_PF_WRITE, FAULT_FLAG_WRITE). */
    int ACCESS_WRITE = 2;
    /** Access bit: instruction fetch (X86_PF_INSTR). */
    int ACCESS_EXEC = 4;
    /** Access bit: from user mode (X86_PF_USER, FAULT_FLAG_USER). */
    int ACCESS_USER = 8;
    /** {@link #vmaStart(long)} of a fault outside every VMA. */
    long NO_VMA = -1;
    /** {@link #pfn(long)} of a fault that mapped no page. */
    long NO_PFN = -1;

    /** How many faults are kept at most. */
    long limit();

    /** Faults kept now. */
    long size();

    /** Sequence number of the oldest fault kept (== nextSeq() when empty). */
    long firstSeq();

    /** Sequence number the next fault will get. */
    long nextSeq();

    /** The faulting task. */
    int pid(long seq);

    /** The faulting address. */
    long address(long seq);

    /** ACCESS_* bits. */
    int access(long seq);

    /** vm_start of the VMA, {@link #NO_VMA} if none. */
    long vmaStart(long seq);

    /** Id of the handler's name ({@link #name(int)}): the vm_ops or special mapping and its contributor. */
    int handler(long seq);

    /** vmf->pgoff. */
    long pgoff(long seq);

    /** VM_FAULT_* bits ({@link VmFaultResult}). */
    int result(long seq);

    /** PFN mapped, {@link #NO_PFN} if none. */
    long pfn(long seq);

    /** Id of the kernel path taken ({@link #name(int)}), e.g. do_anonymous_page. */
    int path(long seq);

    /** The name of a handler or path id, or null if the id is unknown. */
    String name(int id);

    /** Approximate Java heap bytes the log uses. */
    long bytesUsed();

    /** "r", "w" or "x" (what the JSON output calls the access), from ACCESS_* bits. */
    static String accessName(int access) {
        if ((access & ACCESS_EXEC) != 0) {
            return "x";
        }
        return (access & ACCESS_WRITE) != 0 ? "w" : "r";
    }
}
