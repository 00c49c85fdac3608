package org.mmwb.core.mm;

import java.util.List;
import java.util.Objects;

/**
 * One VMA of a process as /proc/PID/maps, smaps and pagemap show it: the one VMA type of every layer. The engine
 * makes them ({@link Kernel#snapshot}), the live-kernel target reads them from /proc, the scenario report prints
 * them (the VMA object of docs/scenarios.md, "JSON output") and the workbench shows them.
 *
 * @param start   vm_start
 * @param end     vm_end
 * @param perms   four letters as in /proc/PID/maps, e.g. {@code rw-p}, {@code r-xs}
 * @param pgoff   the file offset in pages as /proc/PID/maps shows it ({@code pgoff << 12}; 0 for anonymous memory
 *                and special mappings)
 * @param dev     the maps device column: "00:00" for anonymous memory, "00:01" for shmem
 * @param inode   the maps inode column, 0 for anonymous memory
 * @param name    "" for anonymous memory, {@code [vdso]}, {@code [heap]}, {@code /memfd:f (deleted)}, ...
 * @param vmFlags raw VM_* bits ({@link VmFlags}), or -1 when the source shows only the mnemonics (the live kernel)
 * @param flags   VmFlags mnemonics of /proc/PID/smaps in the kernel's order ({@code rd}, {@code wr}, ...)
 * @param pages   one letter per page: {@code .} not present, {@code Z} zero page, {@code A} anon mapped once,
 *                {@code a} anon shared after fork, {@code F} file/shmem page, {@code G} guard marker
 * @param gate    true for the gate area ([vsyscall]), which is not in the VMA tree
 * @param sym     how a scenario run names the start symbolically ({@code $a+0x1000}, {@code [vdso]}); null when the
 *                start is absolute or nobody named it. Filled by the scenario runner, not by targets.
 */
public record VmaSnapshot(long start, long end, String perms, long pgoff, String dev, long inode, String name,
        long vmFlags, List<String> flags, String pages, boolean gate, String sym) {

    /** {@link #vmFlags} of a snapshot whose source shows only the smaps mnemonics. */
    public static final long FLAGS_UNKNOWN = -1;

    public VmaSnapshot {
        Objects.requireNonNull(perms, "perms");
        dev = dev == null ? "00:00" : dev;
        name = name == null ? "" : name;
        flags = List.copyOf(flags == null ? List.of() : flags);
        pages = pages == null ? "" : pages;
    }

    /** A VMA as /proc shows it to a reader outside the kernel: no raw VM_* bits, not a gate, no symbol. */
    public VmaSnapshot(long start, long end, String perms, long pgoff, String name, List<String> flags,
            String pages) {
        this(start, end, perms, pgoff, "00:00", 0, name, FLAGS_UNKNOWN, flags, pages, false, null);
    }

    /** Size in bytes. */
    public long size() {
        return end - start;
    }

    /** True when the name is a bracketed kernel name such as {@code [vdso]} or {@code [stack]}. */
    public boolean isSpecialName() {
        return name.startsWith("[") && name.endsWith("]");
    }

    /** The same VMA named symbolically by a scenario run. */
    public VmaSnapshot withSym(String s) {
        return new VmaSnapshot(start, end, perms, pgoff, dev, inode, name, vmFlags, flags, pages, gate, s);
    }

    /** The offset column of /proc/PID/maps in bytes. */
    public long mapsOffset() {
        return pgoff << 12;
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

    /** The smaps "VmFlags: ..." line: each mnemonic followed by a space, as show_smap_vma_flags prints it. */
    public String vmFlagsLine() {
        StringBuilder sb = new StringBuilder("VmFlags: ");
        for (String f : flags) {
            sb.append(f).append(' ');
        }
        return sb.toString();
    }
}
