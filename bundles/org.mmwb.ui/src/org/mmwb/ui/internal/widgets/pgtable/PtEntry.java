package org.mmwb.ui.internal.widgets.pgtable;

/**
 * One entry of a page table as a tree node: entry {@code index} of table {@code table} at {@code depth}
 * (0 = pgd). Created only for populated entries of expanded tables; equal by value, so a node made by the
 * content provider and one made by {@link PageTableTree#revealAddress(long)} are the same element.
 *
 * @param parent the entry pointing to {@code table}, null in the pgd
 * @param table  pool index of the table holding the entry
 * @param index  0..511
 * @param depth  0 = pgd ... levels-1 = pte
 * @param va     first (canonical) address the entry maps
 */
public record PtEntry(PtEntry parent, int table, int index, int depth, long va) {
}
