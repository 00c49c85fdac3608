package org.mmwb.core.mm;

/**
 * One VMA as /proc/PID/maps + smaps show it, with the /proc/PID/pagemap state of each page.
 *
 * @param start   vm_start
 * @param end     vm_end
 * @param perms   "rw-p" etc.
 * @param pgoff   vm_pgoff (the maps column shows pgoff * 4096)
 * @param dev     "00:00" for anonymous memory, "00:01" for shmem
 * @param inode   0 for anonymous memory
 * @param name    "[vdso]", "[heap]", "/memfd:f (deleted)", ""
 * @param vmFlags raw VM_* bits
 * @param flags   VmFlags mnemonics in kernel order
 * @param pages   one letter per page: . Z A a F G (docs/scenarios.md, "JSON output")
 * @param gate    true for the gate area ([vsyscall]), which is not in the VMA tree
 */
public record VmaSnapshot(long start, long end, String perms, long pgoff, String dev, long inode, String name,
        long vmFlags, String[] flags, String pages, boolean gate) {

    /** The offset column of /proc/PID/maps: vm_pgoff in bytes for file mappings, 0 for anonymous ones. */
    public long mapsOffset() {
        return inode != 0 ? pgoff << 12 : 0;
    }

    /** The /proc/PID/maps line (name padded to column 73 as show_map_vma does). */
    public String mapsLine() {
        String head = String.format("%08x-%08x %s %08x %s %d", start, end, perms, mapsOffset(), dev, inode);
        if (name.isEmpty()) {
            return head + " ";
        }
        StringBuilder sb = new StringBuilder(head);
        while (sb.length() < 72) {
            sb.append(' ');
        }
        return sb.append(' ').append(name).toString();
    }

    /** The smaps "VmFlags: ..." line. */
    public String vmFlagsLine() {
        return "VmFlags: " + VmFlags.smapsLine(vmFlags);
    }
}
