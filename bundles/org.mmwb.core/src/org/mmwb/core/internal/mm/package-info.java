/**
 * The engine behind {@link org.mmwb.core.mm.Kernel}: VMA split/merge ({@code VmaMerge}, mm/vma.c of 6.18 with
 * the 6.16 anon_vma rules), the syscalls ({@code MmapOps}, {@code ModifyOps}, {@code MadviseOps},
 * {@code MremapOps}), fork/exit ({@code ForkExit}), exec's layout ({@code Exec}), the fault path (one class per
 * kernel file: {@code Faults}, {@code Memory}, {@code HugeMemory}, {@code Shmem}, {@code Gup},
 * {@code SpecialMappingFault}, with {@code PageAlloc}, {@code FaultTrace} and {@code FaultCtx}; see
 * docs/architecture.md), special mappings ({@code SpecialMappings}), the OOM killer ({@code OomKill}), device
 * memory ({@code IoMemoryRegistry}), dumps ({@code Dumps}) and the invariant checker ({@code Invariants}).
 * Data structures come from the sibling internal packages (pgtable, page, log, vma).
 *
 * <p>Design notes. The anon_vma_chain is reduced to its length ({@code Vma.avcCount}): merge decisions only ask
 * whether it is singular. Huge pages are 512 contiguous frames (the allocation falls back to 4 KiB pages when
 * none can be had, as a failed order-9 allocation does); the huge zero page is one such block. Every behaviour
 * was checked against the host kernel; HostReplayTest replays recorded random sequences. Things the simulator
 * leaves out: swap and reclaim (MADV_FREE keeps pages), NUMA, KSM, userfaultfd, hugetlbfs, pkeys, rlimits other
 * than RLIMIT_AS/DATA/STACK/MEMLOCK ({@link Limits}), shmem's own commit accounting.
 */
package org.mmwb.core.internal.mm;
