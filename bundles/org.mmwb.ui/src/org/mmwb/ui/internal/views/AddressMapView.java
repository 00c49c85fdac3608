package org.mmwb.ui.internal.views;

/** Placeholder until the simulation session exists: A picture of the whole address space, VMAs coloured by kind, gaps compressed. */
public final class AddressMapView extends PlaceholderView {
    @Override
    protected String purpose() {
        return "A picture of the whole address space, VMAs coloured by kind, gaps compressed.";
    }
}
