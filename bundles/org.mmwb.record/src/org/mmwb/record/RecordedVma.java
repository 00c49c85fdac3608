package org.mmwb.record;

import java.util.List;

/**
 * One VMA as /proc/PID/smaps showed it on the live kernel: range, permissions, the maps offset (bytes), the file's
 * device and inode, the name column, the VmFlags mnemonics and, in exec snapshots, the pages present (runs of
 * {@code [first page, count]} relative to start; anonymous and page-cache pages apart).
 */
public record RecordedVma(long start, long end, String perms, long offset, String dev, long ino, String name,
        String vmFlags, List<long[]> anonPresent, List<long[]> filePresent) {

    /** Pages of the VMA. */
    public long pages() {
        return (end - start) >>> 12;
    }

    /** The /proc/PID/maps line without device and inode (which the simulator numbers its own way). */
    public String mapsKey() {
        return String.format("%x-%x %s %08x %s", start, end, perms, ino != 0 ? offset : 0, name);
    }
}
