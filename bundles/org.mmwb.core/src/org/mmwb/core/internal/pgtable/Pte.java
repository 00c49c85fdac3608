package org.mmwb.core.internal.pgtable;

/**
 * x86-64 page-table entry bits and helpers, named after arch/x86/include/asm/pgtable_types.h and
 * arch/x86/include/asm/pgtable.h. An entry is a plain {@code long}; nothing here allocates.
 *
 * <p>Besides present entries the simulator stores PTE markers (include/linux/swapops.h): non-present, non-zero
 * entries that carry a meaning but no page. The only marker used is the guard marker installed by
 * {@code madvise(MADV_GUARD_INSTALL)} ({@code PTE_MARKER_GUARD}).
 */
public final class Pte {

    /** _PAGE_PRESENT. */
    public static final long PRESENT = 1L << 0;
    /** _PAGE_RW. */
    public static final long RW = 1L << 1;
    /** _PAGE_USER. */
    public static final long USER = 1L << 2;
    /** _PAGE_PWT (write-through). */
    public static final long PWT = 1L << 3;
    /** _PAGE_PCD (cache disabled: IO memory). */
    public static final long PCD = 1L << 4;
    /** _PAGE_ACCESSED (young). */
    public static final long ACCESSED = 1L << 5;
    /** _PAGE_DIRTY. */
    public static final long DIRTY = 1L << 6;
    /** _PAGE_PSE: the entry is a huge leaf (PMD: 2 MiB, PUD: 1 GiB). */
    public static final long PSE = 1L << 7;
    /** _PAGE_PAT at PTE level (same bit as PSE). */
    public static final long PAT = 1L << 7;
    /** _PAGE_GLOBAL. */
    public static final long GLOBAL = 1L << 8;
    /**
     * _PAGE_PROTNONE: same bit as GLOBAL, meaningful only when PRESENT is clear. A PROT_NONE mapping keeps its
     * pages "present" for the kernel (pte_present) while the hardware sees a non-present entry.
     */
    public static final long PROTNONE = 1L << 8;
    /** _PAGE_SPECIAL (software bit 1): no struct page behind it (vm_normal_page returns NULL). */
    public static final long SPECIAL = 1L << 9;
    /** _PAGE_SOFT_DIRTY (software bit 3). */
    public static final long SOFT_DIRTY = 1L << 11;
    /** _PAGE_PAT_LARGE: the PAT bit of a huge (PSE) leaf. */
    public static final long PAT_LARGE = 1L << 12;
    /** _PAGE_NX (no execute). */
    public static final long NX = 1L << 63;
    /** PTE_PFN_MASK: physical address bits 12..51. */
    public static final long PFN_MASK = 0x000f_ffff_ffff_f000L;
    /** Flags every upper-level entry carries (_PAGE_TABLE / _KERNPG_TABLE with USER). */
    public static final long TABLE = PRESENT | RW | USER | ACCESSED | DIRTY;

    /**
     * Tag of a PTE marker: a non-present entry (bits 0 and 8 clear) with this bit set. Real kernels encode
     * markers as swap entries of type SWP_PTE_MARKER; the simulator has no swap, so one software bit suffices.
     */
    public static final long MARKER = 1L << 62;
    /** PTE_MARKER_GUARD (include/linux/swapops.h), stored in the offset field of the marker. */
    public static final long MARKER_GUARD = 1L << 13;

    private Pte() {
    }

    /** pte_pfn: the page frame number an entry points to (meaningless for non-present entries). */
    public static long pfn(long pte) {
        return (pte & PFN_MASK) >>> 12;
    }

    /** pmd_pfn: the first frame of a huge PMD leaf (ignores PAT_LARGE, which shares bit 12 with the pfn field). */
    public static long pmdPfn(long pmd) {
        return (pmd & PFN_MASK & ~((1L << 21) - 1)) >>> 12;
    }

    /** pfn_pte: an entry for {@code pfn} with the given flag bits. */
    public static long mk(long pfn, long flags) {
        return ((pfn << 12) & PFN_MASK) | (flags & ~PFN_MASK);
    }

    /** pte_present: PRESENT or PROTNONE (a PROT_NONE page still counts as mapped). */
    public static boolean present(long pte) {
        return (pte & (PRESENT | PROTNONE)) != 0 && (pte & MARKER) == 0;
    }

    /** pte_none: the entry is empty. */
    public static boolean none(long pte) {
        return pte == 0;
    }

    /** pte_write. */
    public static boolean write(long pte) {
        return (pte & RW) != 0;
    }

    /** pte_dirty. */
    public static boolean dirty(long pte) {
        return (pte & DIRTY) != 0;
    }

    /** pte_young. */
    public static boolean young(long pte) {
        return (pte & ACCESSED) != 0;
    }

    /** pte_special. */
    public static boolean special(long pte) {
        return (pte & SPECIAL) != 0;
    }

    /** pte_exec (no NX bit). */
    public static boolean exec(long pte) {
        return (pte & NX) == 0;
    }

    /** pmd_leaf / pmd_trans_huge: a present huge leaf at PMD level. */
    public static boolean huge(long pmd) {
        return (pmd & (PRESENT | PSE)) == (PRESENT | PSE);
    }

    /** pte_mkwrite. */
    public static long mkwrite(long pte) {
        return pte | RW;
    }

    /** pte_wrprotect. */
    public static long wrprotect(long pte) {
        return pte & ~RW;
    }

    /** pte_mkdirty (also sets soft-dirty, as the kernel does). */
    public static long mkdirty(long pte) {
        return pte | DIRTY | SOFT_DIRTY;
    }

    /** pte_mkclean. */
    public static long mkclean(long pte) {
        return pte & ~DIRTY;
    }

    /** pte_mkyoung. */
    public static long mkyoung(long pte) {
        return pte | ACCESSED;
    }

    /** pte_mkold. */
    public static long mkold(long pte) {
        return pte & ~ACCESSED;
    }

    /** pte_mkspecial. */
    public static long mkspecial(long pte) {
        return pte | SPECIAL;
    }

    /** pte_modify: keep pfn and the bits that survive mprotect, take protection bits from {@code newprot}. */
    public static long modify(long pte, long newprot) {
        long keep = PFN_MASK | PCD | PWT | PAT | ACCESSED | DIRTY | SPECIAL | SOFT_DIRTY;
        return (pte & keep) | (newprot & ~keep);
    }

    /** make_pte_marker(PTE_MARKER_GUARD): the entry MADV_GUARD_INSTALL writes. */
    public static long guardMarker() {
        return MARKER | MARKER_GUARD;
    }

    /** is_guard_pte_marker. */
    public static boolean isGuardMarker(long pte) {
        return (pte & (PRESENT | PROTNONE | MARKER | MARKER_GUARD)) == (MARKER | MARKER_GUARD);
    }

    /** is_pte_marker: a non-present entry carrying a marker. */
    public static boolean isMarker(long pte) {
        return (pte & (PRESENT | PROTNONE | MARKER)) == MARKER;
    }

    /**
     * Human-readable decoding for views, e.g. {@code "P RW US A D NX pfn=0x1234"}; {@code "none"} for 0 and
     * {@code "marker(guard)"} for a guard marker.
     */
    public static String decode(long pte) {
        if (pte == 0) {
            return "none";
        }
        if (isMarker(pte)) {
            return isGuardMarker(pte) ? "marker(guard)" : "marker(0x" + Long.toHexString(pte) + ")";
        }
        StringBuilder sb = new StringBuilder(48);
        if ((pte & PRESENT) != 0) {
            sb.append("P ");
        } else if ((pte & PROTNONE) != 0) {
            sb.append("PROTNONE ");
        } else {
            sb.append("!P ");
        }
        flag(sb, pte, RW, "RW");
        flag(sb, pte, USER, "US");
        flag(sb, pte, PWT, "PWT");
        flag(sb, pte, PCD, "PCD");
        flag(sb, pte, ACCESSED, "A");
        flag(sb, pte, DIRTY, "D");
        flag(sb, pte, PSE, "PSE");
        if ((pte & PRESENT) != 0) {
            flag(sb, pte, GLOBAL, "G");
        }
        flag(sb, pte, SPECIAL, "SPECIAL");
        flag(sb, pte, SOFT_DIRTY, "SD");
        flag(sb, pte, NX, "NX");
        sb.append("pfn=0x").append(Long.toHexString(pfn(pte)));
        return sb.toString();
    }

    private static void flag(StringBuilder sb, long pte, long bit, String name) {
        if ((pte & bit) != 0) {
            sb.append(name).append(' ');
        }
    }
}
