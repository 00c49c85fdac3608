package org.mmwb.core.mm;

import java.util.List;

/**
 * A simulated kernel: its name (e.g. "x86_64-6.18"), page-table levels, layout constants of exec and the
 * special-mapping providers installed at exec. Architecture bundles build these (org.mmwb.x86).
 *
 * @param name        profile name
 * @param levels      page-table levels, 4 or 5
 * @param startBrk    mm->start_brk after exec (no ELF is loaded; a fixed, deterministic heap start)
 * @param stackPages  pages of the [stack] VMA after exec (33 on x86-64: 128 KiB + the argument page)
 * @param providers   special mappings, in installation order
 * @param timeNamespace whether tasks run in a time namespace (vvar's timens page exists)
 * @param ramPages    RAM of the simulated machine in 4 KiB pages (totalram_pages); when it is used up the OOM
 *                    killer runs (see {@link Kernel})
 */
public record KernelProfile(String name, int levels, long startBrk, int stackPages,
        List<SpecialMappingProvider> providers, boolean timeNamespace, long ramPages) {

    /** Default RAM: 4 GiB (1M pages), more than any realistic scenario populates. */
    public static final long DEFAULT_RAM_PAGES = 1L << 20;

    public static final long PAGE_SIZE = 4096;
    /** x86-64 DEFAULT_MAP_WINDOW: the 47-bit user address space, less one page. */
    public static final long DEFAULT_MAP_WINDOW = (1L << 47) - PAGE_SIZE;

    public KernelProfile {
        providers = List.copyOf(providers);
        if (levels != 4 && levels != 5) {
            throw new IllegalArgumentException("levels must be 4 or 5");
        }
        if (ramPages <= 0) {
            throw new IllegalArgumentException("ramPages must be positive");
        }
    }

    /** A profile with the default RAM ({@link #DEFAULT_RAM_PAGES}). */
    public KernelProfile(String name, int levels, long startBrk, int stackPages,
            List<SpecialMappingProvider> providers, boolean timeNamespace) {
        this(name, levels, startBrk, stackPages, providers, timeNamespace, DEFAULT_RAM_PAGES);
    }

    /** The same profile with another number of page-table levels. */
    public KernelProfile withLevels(int n) {
        return new KernelProfile(name, n, startBrk, stackPages, providers, timeNamespace, ramPages);
    }

    /** The same profile inside or outside a time namespace. */
    public KernelProfile withTimeNamespace(boolean on) {
        return new KernelProfile(name, levels, startBrk, stackPages, providers, on, ramPages);
    }

    /** The same profile on a machine with {@code pages} pages of RAM (must be positive). */
    public KernelProfile withRamPages(long pages) {
        return new KernelProfile(name, levels, startBrk, stackPages, providers, timeNamespace, pages);
    }

    /** TASK_SIZE: 47 bits on 4-level, 56 bits on 5-level paging (less one page). */
    public long taskSize() {
        return levels == 5 ? (1L << 56) - PAGE_SIZE : DEFAULT_MAP_WINDOW;
    }

    /** STACK_TOP (TASK_SIZE_LOW), without randomisation. */
    public long stackTop() {
        return DEFAULT_MAP_WINDOW;
    }

    /** mmap_base() without randomisation: the 128 MiB minimum gap below the stack top. */
    public long mmapBase() {
        return (stackTop() - (128L << 20)) & ~(PAGE_SIZE - 1);
    }
}
