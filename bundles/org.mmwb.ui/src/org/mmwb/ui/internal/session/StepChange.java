package org.mmwb.ui.internal.session;

/**
 * One thing a step changed, in the kernel's terms.
 *
 * @param kind    what changed
 * @param pid     the process
 * @param address the VMA start or page address it is about (to link to the other views), -1 for none
 * @param text    e.g. "split 0x1000-0x4000 into 0x1000-0x2000 rw-p, 0x2000-0x4000 r--p"
 * @param count   how many changes the line stands for (1, or N for "... and N more PTEs installed")
 */
public record StepChange(Kind kind, int pid, long address, String text, int count) {

    /** One change. */
    public StepChange(Kind kind, int pid, long address, String text) {
        this(kind, pid, address, text, 1);
    }

    /** The kinds of change, in the order a step's changes are listed. */
    public enum Kind {
        /** A VMA added, removed, split, merged, resized or with new flags. */
        VMA,
        /** Why an adjacent VMA was not merged (vma_merge's rules). */
        NO_MERGE,
        /** A PTE (or huge PMD) installed where there was none. */
        PTE_INSTALLED,
        /** A PTE whose bits or frame changed. */
        PTE_CHANGED,
        /** A PTE cleared (zap_pte_range). */
        PTE_ZAPPED,
        /** A process created, exited or killed. */
        TASK,
        /** Why the kernel did what it did (the OOM killer's choice, THP not used). */
        NOTE
    }
}
