package org.mmwb.ui.internal.views;

/** Placeholder until the simulation session exists: The populated levels of the x86-64 page tables (PGD, P4D, PUD, PMD, PTE) with raw entries, decoded bits and PFNs. */
public final class PageTablesView extends PlaceholderView {
    @Override
    protected String purpose() {
        return "The populated levels of the x86-64 page tables (PGD, P4D, PUD, PMD, PTE) with raw entries, decoded bits and PFNs.";
    }
}
