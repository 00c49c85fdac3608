package org.mmwb.core.mm;

/**
 * One page fault: the one fault type of every layer. The engine makes them from its fault log
 * ({@link Kernel#fault(long)}), the live-kernel target from what it observed, the scenario report prints them (the
 * fault object of docs/scenarios.md, "JSON output") and the workbench shows them.
 *
 * @param seq      sequence number, 0 for the first fault of a run
 * @param pid      the faulting task
 * @param address  the faulting address
 * @param access   "r", "w" or "x"
 * @param vmaStart vm_start of the VMA, {@link ReadOnlyFaultLog#NO_VMA} if none or unknown
 * @param vma      the VMA's name, or for an unnamed VMA its range as {@code start-end} in hex; "" if none
 * @param handler  the code that resolved the fault: the special mapping or vm_ops and its contributor
 *                 ({@code [vdso] (org.mmwb.x86)}), else the kernel path ({@code do_anonymous_page})
 * @param path     the kernel path taken ({@code do_wp_page(reuse)}, ...); "" where the source does not say (the
 *                 live kernel)
 * @param pgoff    vmf->pgoff (relative to the mapping for special mappings, as in the seed patch)
 * @param result   VM_FAULT_* bits ({@link VmFaultResult}); {@link #resultName()} is the report's form
 * @param pfn      the frame mapped, -1 if none
 * @param reason   why a handler failed (threw, returned garbage, ran too long), else null; {@code result} stays
 *                 the kernel's outcome (SIGBUS)
 * @param sym      symbolic form of the address a scenario run assigned, or null
 * @param user     taken in user mode (X86_PF_USER, FAULT_FLAG_USER: the CPU faulted on the task's own access);
 *                 false for the kernel faulting pages in for the task (GUP: populate, mlock, MADV_POPULATE_*),
 *                 which the live kernel's exceptions:page_fault_user tracepoint does not see
 */
public record FaultRecord(long seq, int pid, long address, String access, long vmaStart, String vma, String handler,
        String path, long pgoff, int result, long pfn, String reason, String sym, boolean user) {

    public FaultRecord {
        access = access == null ? "" : access;
        vma = vma == null ? "" : vma;
        handler = handler == null ? "" : handler;
        path = path == null ? "" : path;
    }

    /** A user-mode fault (the form before {@link #user()} existed). */
    public FaultRecord(long seq, int pid, long address, String access, long vmaStart, String vma, String handler,
            String path, long pgoff, int result, long pfn, String reason, String sym) {
        this(seq, pid, address, access, vmaStart, vma, handler, path, pgoff, result, pfn, reason, sym, true);
    }

    /** A user-mode fault as a reader outside the kernel sees it: no kernel path, no VMA start, no symbol. */
    public FaultRecord(long seq, int pid, long address, String access, String vma, String handler, long pgoff,
            int result, long pfn, String reason) {
        this(seq, pid, address, access, ReadOnlyFaultLog.NO_VMA, vma, handler, "", pgoff, result, pfn, reason, null);
    }

    /** The result as VM_FAULT_* names, e.g. {@code NOPAGE} or {@code SIGBUS}: the report's form. */
    public String resultName() {
        return VmFaultResult.describe(result);
    }

    /** The same fault named symbolically by a scenario run. */
    public FaultRecord withSym(String s) {
        return new FaultRecord(seq, pid, address, access, vmaStart, vma, handler, path, pgoff, result, pfn, reason,
                s, user);
    }

    /** The same fault taken in kernel mode ({@code user} false) or user mode. */
    public FaultRecord withUser(boolean u) {
        return new FaultRecord(seq, pid, address, access, vmaStart, vma, handler, path, pgoff, result, pfn, reason,
                sym, u);
    }
}
