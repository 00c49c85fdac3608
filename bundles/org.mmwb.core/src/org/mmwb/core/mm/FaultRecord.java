package org.mmwb.core.mm;

/**
 * One fault of the fault log.
 *
 * @param seq      sequence number
 * @param pid      faulting task
 * @param address  faulting address
 * @param access   "r", "w" or "x"
 * @param vmaStart vm_start of the VMA, -1 if none
 * @param handler  the handler (vm_ops / special mapping and its contributor)
 * @param path     the kernel path taken ("do_anonymous_page", "do_wp_page(reuse)", ...)
 * @param pgoff    vmf->pgoff (relative to the mapping for special mappings)
 * @param result   VM_FAULT_* bits
 * @param pfn      the frame mapped, -1 if none
 * @param reason   why a handler failed, or null
 */
public record FaultRecord(long seq, int pid, long address, String access, long vmaStart, String handler,
        String path, long pgoff, int result, long pfn, String reason) {

    /** The result as VM_FAULT_* names. */
    public String resultName() {
        return VmFaultResult.describe(result);
    }
}
