package org.mmwb.scenario;

import java.util.List;
import java.util.Objects;

/**
 * One VMA of a process as /proc/PID/maps, smaps and pagemap show it: the contract VMA object of docs/scenarios.md.
 *
 * @param start first address
 * @param end   address after the last byte
 * @param perms four letters as in /proc/PID/maps, e.g. {@code rw-p}, {@code r-xs}
 * @param pgoff the file offset in pages as /proc/PID/maps shows it (0 for anonymous and special mappings); the
 *              maps text prints it in bytes ({@code pgoff << 12})
 * @param name  "" for anonymous memory, {@code [vdso]}, {@code [stack]}, {@code /memfd:f (deleted)}, ...
 * @param flags VmFlags mnemonics of /proc/PID/smaps in the kernel's order ({@code rd}, {@code wr}, ...)
 * @param pages one letter per page: {@code .} not present, {@code Z} zero page, {@code A} anon mapped once,
 *              {@code a} anon shared after fork, {@code F} file/shmem page, {@code G} guard marker
 * @param sym   how the runner names the start symbolically ({@code $a+0x1000}, {@code [vdso]}); null when the
 *              start is absolute (placed by the scenario). Filled by the runner, not by targets.
 */
public record VmaSnapshot(long start, long end, String perms, long pgoff, String name, List<String> flags,
        String pages, String sym) {

    public VmaSnapshot {
        Objects.requireNonNull(perms, "perms");
        name = name == null ? "" : name;
        flags = List.copyOf(flags == null ? List.of() : flags);
        pages = pages == null ? "" : pages;
    }

    /** A snapshot without symbolic name, as targets create them. */
    public VmaSnapshot(long start, long end, String perms, long pgoff, String name, List<String> flags,
            String pages) {
        this(start, end, perms, pgoff, name, flags, pages, null);
    }

    /** Size in bytes. */
    public long size() {
        return end - start;
    }

    /** True when the name is a bracketed kernel name such as {@code [vdso]} or {@code [stack]}. */
    public boolean isSpecialName() {
        return name.startsWith("[") && name.endsWith("]");
    }

    public VmaSnapshot withSym(String s) {
        return new VmaSnapshot(start, end, perms, pgoff, name, flags, pages, s);
    }
}
