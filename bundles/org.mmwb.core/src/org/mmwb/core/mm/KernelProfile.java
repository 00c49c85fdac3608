package org.mmwb.core.mm;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A kernel the simulator can behave like, as one descriptor for every layer: the engine boots from it, the scenario
 * parser checks a {@code kernel} line against it, the CLI and the workbench list it. Architecture bundles declare
 * profiles through the {@code org.mmwb.core.specialMappings} extension point (org.mmwb.x86 declares the x86-64
 * ones); {@link org.mmwb.core.catalog.ProviderCatalog} builds them with their providers.
 *
 * @param name          profile name, e.g. "x86_64-6.18"
 * @param levels        page-table levels by default, 4 or 5
 * @param maxLevels     the deepest page-table layout the kernel supports (4, or 5 with LA57), at least {@code levels}
 * @param startBrk      mm->start_brk after exec (no ELF is loaded; a fixed, deterministic heap start)
 * @param stackPages    pages of the [stack] VMA after exec (33 on x86-64: 128 KiB + the argument page)
 * @param providers     special mappings, in installation order (factories: each kernel creates its own mappings)
 * @param timeNamespace whether tasks run in a time namespace (vvar's timens page exists)
 * @param ramPages      RAM of the simulated machine in 4 KiB pages (totalram_pages); when it is used up the OOM
 *                      killer runs (see {@link Kernel})
 * @param description   one line for help and listings
 * @param contributor   the bundle that declared the profile, "" for one built in code
 */
public record KernelProfile(String name, int levels, int maxLevels, long startBrk, int stackPages,
        List<SpecialMappingProvider> providers, boolean timeNamespace, long ramPages, String description,
        String contributor) {

    /** Default RAM: 4 GiB (1M pages), more than any realistic scenario populates. */
    public static final long DEFAULT_RAM_PAGES = 1L << 20;

    public static final long PAGE_SIZE = 4096;
    /** x86-64 DEFAULT_MAP_WINDOW: the 47-bit user address space, less one page. */
    public static final long DEFAULT_MAP_WINDOW = (1L << 47) - PAGE_SIZE;

    /** The names show_map_vma() (fs/proc/task_mmu.c) gives the heap and the stack on every architecture. */
    public static final List<String> CORE_MAPPING_NAMES = List.of("[stack]", "[heap]");

    public KernelProfile {
        providers = List.copyOf(providers);
        if (levels != 4 && levels != 5) {
            throw new IllegalArgumentException("levels must be 4 or 5");
        }
        if (maxLevels != 4 && maxLevels != 5 || maxLevels < levels) {
            throw new IllegalArgumentException("maxLevels must be 4 or 5 and at least levels");
        }
        if (ramPages <= 0) {
            throw new IllegalArgumentException("ramPages must be positive");
        }
        description = description == null || description.isBlank() ? name : description;
        contributor = contributor == null ? "" : contributor;
    }

    /** A profile built in code (tests, benchmarks) with the default RAM; it supports exactly {@code levels}. */
    public KernelProfile(String name, int levels, long startBrk, int stackPages,
            List<SpecialMappingProvider> providers, boolean timeNamespace) {
        this(name, levels, levels, startBrk, stackPages, providers, timeNamespace, DEFAULT_RAM_PAGES, name, "");
    }

    /** The same profile with another number of page-table levels (up to {@link #maxLevels}). */
    public KernelProfile withLevels(int n) {
        return new KernelProfile(name, n, Math.max(n, maxLevels), startBrk, stackPages, providers, timeNamespace,
                ramPages, description, contributor);
    }

    /** The same profile inside or outside a time namespace. */
    public KernelProfile withTimeNamespace(boolean on) {
        return new KernelProfile(name, levels, maxLevels, startBrk, stackPages, providers, on, ramPages, description,
                contributor);
    }

    /** The same profile on a machine with {@code pages} pages of RAM (must be positive). */
    public KernelProfile withRamPages(long pages) {
        return new KernelProfile(name, levels, maxLevels, startBrk, stackPages, providers, timeNamespace, pages,
                description, contributor);
    }

    /** The same profile with other special-mapping providers (e.g. those still active in a kernel). */
    public KernelProfile withProviders(List<SpecialMappingProvider> ps) {
        return new KernelProfile(name, levels, maxLevels, startBrk, stackPages, ps, timeNamespace, ramPages,
                description, contributor);
    }

    /**
     * The bracketed names a process of this kernel has after exec, which a scenario may address: its providers'
     * mappings placed at exec (gate areas included, on-request ones not) and {@link #CORE_MAPPING_NAMES}.
     */
    public List<String> mappingNames() {
        Set<String> names = new LinkedHashSet<>();
        for (SpecialMappingProvider p : providers) {
            if (p.placement().kind() != Placement.Kind.ON_REQUEST) {
                names.add(p.name());
            }
        }
        names.addAll(CORE_MAPPING_NAMES);
        return List.copyOf(names);
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
