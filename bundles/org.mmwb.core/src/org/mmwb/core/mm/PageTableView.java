package org.mmwb.core.mm;

/**
 * A read-only view of an mm's x86-64 page tables (the Page Tables view, crash's {@code vtop}, benchmarks).
 * Tables are numbered by an int handle; entries are raw 64-bit values as the hardware would see them
 * (upper-level entries point at their child table through a synthetic PFN, so they decode like kernel entries).
 * Valid until the next change of the address space: read it between simulation steps, from one thread.
 */
public interface PageTableView {
    /** Page-table levels: 4 (PGD, PUD, PMD, PTE) or 5 (with P4D). */
    int levels();

    /** The handle of the top-level table (the PGD). */
    int root();

    /** The raw entry at index (0..511) of a table. */
    long entry(int table, int index);

    /** The handle of the table an entry points to, or -1 when it points to none (empty, leaf or huge). */
    int child(int table, int index);

    /** The level of a table: 0 for the PGD .. levels()-1 for a PTE table. */
    int depth(int table);

    /** The kernel's name of a level ("pgd", "p4d", "pud", "pmd", "pte") by depth. */
    String levelName(int depth);

    /** The raw PTE of the 4 KiB page holding va, 0 if none (0 also inside a huge PMD: see {@link #hugePmd}). */
    long get(long va);

    /** The raw PMD entry if va lies in a huge (2 MiB) mapping, else 0. */
    long hugePmd(long va);

    /**
     * The walk of va top-down (PGD first) into out (length &gt;= levels()); returns how many entries were read
     * (it stops after an empty entry, a huge leaf or the PTE).
     */
    int walk(long va, long[] out);

    /** Page-table pages allocated, all levels. */
    long tablePages();

    /** mm_pgtables_bytes (VmPTE of /proc/PID/status): PUD, PMD and PTE tables, 4096 bytes each. */
    long pgtablesBytes();

    /** Java heap bytes the structure uses (approximate). */
    long bytesUsed();
}
