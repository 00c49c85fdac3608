package org.mmwb.host;

import java.util.List;

/**
 * One VMA of a live process as /proc/PID/smaps and /proc/PID/pagemap show it.
 *
 * @param start  vm_start
 * @param end    vm_end
 * @param perms  the maps permission column, e.g. {@code rw-p}
 * @param offset the maps offset column in bytes (vm_pgoff * 4096)
 * @param name   the maps name column: empty, {@code [vdso]}, {@code /memfd:f (deleted)}, a path, ...
 * @param flags  the VmFlags mnemonics of smaps, in the kernel's order
 * @param rssKb  the smaps Rss in kB
 * @param pages  one letter per page from the start, as {@link PageLetter} defines; shorter than the VMA when the
 *               scan was capped (see {@link #pagesComplete()}), empty when pagemap was unreadable
 */
public record HostVma(long start, long end, String perms, long offset, String name, List<String> flags, long rssKb,
        String pages) {

    /** Page size of x86-64. */
    public static final long PAGE_SIZE = 4096;

    /** Makes the flag list unmodifiable. */
    public HostVma {
        flags = List.copyOf(flags);
    }

    /** @return vm_pgoff: the offset in pages */
    public long pgoff() {
        return offset / PAGE_SIZE;
    }

    /** @return the number of pages the VMA spans */
    public long pageCount() {
        return (end - start) / PAGE_SIZE;
    }

    /** @return true when {@link #pages()} has a letter for every page */
    public boolean pagesComplete() {
        return pages.length() == pageCount();
    }

    /** @return the /proc/PID/maps line of this VMA (without device and inode) */
    public String mapsLine() {
        return String.format("%x-%x %s %08x %s", start, end, perms, offset, name).stripTrailing();
    }
}
