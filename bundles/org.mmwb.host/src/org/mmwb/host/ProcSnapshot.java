package org.mmwb.host;

import java.util.List;

/**
 * The memory map of a live process as {@link ProcImport} read it from /proc.
 *
 * @param pid           the process id
 * @param comm          /proc/PID/comm
 * @param kernelRelease the release of the kernel it ran on (uname -r)
 * @param vmas          its VMAs in address order, with VmFlags, Rss and page letters
 * @param pagemapRead   whether /proc/PID/pagemap could be read (else every {@link HostVma#pages()} is empty)
 * @param pfnsVisible   whether PFNs were visible (root): without them the zero page cannot be told from a shared
 *                      anonymous page and reads as 'a'
 * @param notes         what the reader had to leave out or guess, e.g. capped page scans
 */
public record ProcSnapshot(long pid, String comm, String kernelRelease, List<HostVma> vmas, boolean pagemapRead,
        boolean pfnsVisible, List<String> notes) {

    /** Makes the lists unmodifiable. */
    public ProcSnapshot {
        vmas = List.copyOf(vmas);
        notes = List.copyOf(notes);
    }
}
