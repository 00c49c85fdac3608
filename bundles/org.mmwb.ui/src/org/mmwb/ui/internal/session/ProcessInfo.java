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
        for (VmaRow v : vmas) {
            if (v.contains(addr)) {
                return v;
            }
        }
        return null;
    }

    /** The VMA starting at start, or null. */
    public VmaRow vmaStarting(long start) {
        for (VmaRow v : vmas) {
            if (v.start() == start) {
                return v;
            }
        }
        return null;
    }

    /** Label of the process node: "pid 2 (child of 1)", "pid 3 (exited)". */
    public String label() {
        if (!alive) {
            return "pid " + pid + " (exited)";
        }
        return "pid " + pid + (parentPid > 0 ? " (child of " + parentPid + ")" : "");
    }
}
