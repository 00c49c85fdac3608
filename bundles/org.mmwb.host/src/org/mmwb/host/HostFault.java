package org.mmwb.host;

/**
 * One user page fault of a scenario process on the live kernel, as the tracepoint exceptions:page_fault_user
 * reported it (arch/x86/mm/fault.c, trace_page_fault_entries): taken by one of the scenario's own accesses.
 *
 * @param pid       scenario pid
 * @param address   the faulting address (CR2)
 * @param errorCode the x86 error code: X86_PF_PROT 0x1, X86_PF_WRITE 0x2, X86_PF_USER 0x4, X86_PF_INSTR 0x10, ...
 * @param ip        the instruction that faulted
 */
public record HostFault(int pid, long address, long errorCode, long ip) {

    /** "x" for an instruction fetch, "w" for a write, else "r": the access of the report's fault objects. */
    public String access() {
        if ((errorCode & 0x10) != 0) {
            return "x";
        }
        return (errorCode & 0x2) != 0 ? "w" : "r";
    }
}
