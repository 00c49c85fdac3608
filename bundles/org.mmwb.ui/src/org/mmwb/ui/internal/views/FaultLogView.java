package org.mmwb.ui.internal.views;

/** Placeholder until the simulation session exists: Every page fault of the simulation: address, access, VMA, handler, relative pgoff, VM_FAULT_* result and PFN. */
public final class FaultLogView extends PlaceholderView {
    @Override
    protected String purpose() {
        return "Every page fault of the simulation: address, access, VMA, handler, relative pgoff, VM_FAULT_* result and PFN.";
    }
}
