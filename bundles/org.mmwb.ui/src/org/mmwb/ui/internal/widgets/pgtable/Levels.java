package org.mmwb.ui.internal.widgets.pgtable;

/** Names of the x86-64 paging levels as crash's {@code vtop} prints them. */
public final class Levels {

    private Levels() {
    }

    /**
     * @param levels 4 or 5 (LA57)
     * @param depth  0 for the top-level table, {@code levels - 1} for a PTE table
     * @return "PGD", "P4D" (5-level only), "PUD", "PMD" or "PTE"
     */
    public static String name(int levels, int depth) {
        return switch (levels - 1 - depth) {
            case 0 -> "PTE";
            case 1 -> "PMD";
            case 2 -> "PUD";
            case 3 -> levels == 5 ? "P4D" : "PGD";
            default -> "PGD";
        };
    }
}
