package org.mmwb.ui.internal.session;

import org.mmwb.core.internal.pgtable.Pte;
import org.mmwb.ui.internal.widgets.pgtable.PtEntry;

/**
 * A selected page-table entry with what the Properties view needs to describe it on its own.
 *
 * @param pid    the process whose mm the table belongs to
 * @param entry  the tree node (level, index, VA)
 * @param level  "PGD", "P4D", "PUD", "PMD" or "PTE"
 * @param raw    the raw entry
 * @param spanShift log2 of the bytes one entry of this level maps (12 for a PTE, 21 for a PMD ...)
 */
public record PteItem(int pid, PtEntry entry, String level, long raw, int spanShift) {

    /** The entry decoded ("P RW US A D NX pfn=0x..."). */
    public String decoded() {
        return Pte.decode(raw);
    }

    /** The PFN the entry points to (a frame or the next table), or -1 when it is empty. */
    public long pfn() {
        return raw == 0 ? -1 : Pte.pfn(raw);
    }
}
