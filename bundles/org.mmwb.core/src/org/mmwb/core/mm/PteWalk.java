package org.mmwb.core.mm;

/**
 * A crash-style {@code vtop} walk of one address through the page tables.
 *
 * @param address   the virtual address
 * @param levelNames "PGD", "P4D"(5-level), "PUD", "PMD", "PTE" for each walked entry
 * @param entries   raw entries, top-down, as far as the walk went
 * @param decoded   each entry decoded ("P RW US A D NX pfn=0x...")
 * @param huge      true when the walk ended at a huge PMD
 * @param pfn       the physical frame of the address, -1 when not mapped
 * @param state     the pagemap letter of the page (. Z A a F G)
 */
public record PteWalk(long address, String[] levelNames, long[] entries, String[] decoded, boolean huge, long pfn,
        char state) {
}
