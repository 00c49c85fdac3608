package org.mmwb.ui.internal.session;

import java.util.List;

/**
 * A process of the session with its VMAs in address order.
 *
 * @param pid       scenario pid (1, then 2, 3, ... in fork order)
 * @param parentPid the parent's pid, 0 for the first process
 * @param alive     false after exit (then it has no VMAs)
 * @param vmas      its VMAs, gate area last
 */
public record ProcessInfo(int pid, int parentPid, boolean alive, List<VmaRow> vmas) {

    /** Copies the list. */
    public ProcessInfo {
        vmas = List.copyOf(vmas);
    }

    /** The VMA containing addr, or null. */
    public VmaRow vmaAt(long addr) {
        int i = indexAt(addr);
        return i < 0 ? null : vmas.get(i);
    }

    /** The VMA starting at start, or null. */
    public VmaRow vmaStarting(long start) {
        int i = indexAt(start);
        return i >= 0 && vmas.get(i).start() == start ? vmas.get(i) : null;
    }

    /**
     * The index of the VMA containing addr, or -1: a binary search, as the VMAs are in address order (unsigned, so
     * the gate area at the top of the address space sorts last), like find_vma.
     */
    public int indexAt(long addr) {
        int lo = 0;
        int hi = vmas.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            VmaRow v = vmas.get(mid);
            if (Long.compareUnsigned(addr, v.start()) < 0) {
                hi = mid - 1;
            } else if (Long.compareUnsigned(addr, v.end()) >= 0) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Label of the process node: "pid 2 (child of 1)", "pid 3 (exited)". */
    public String label() {
        if (!alive) {
            return "pid " + pid + " (exited)";
        }
        return "pid " + pid + (parentPid > 0 ? " (child of " + parentPid + ")" : "");
    }
}
