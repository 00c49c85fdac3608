package org.mmwb.ui.internal.views;

/** Placeholder until the simulation session exists: Processes and their VMAs, with the columns of /proc/PID/maps, VmFlags, resident pages and the provider of each special mapping. */
public final class AddressSpaceView extends PlaceholderView {
    @Override
    protected String purpose() {
        return "Processes and their VMAs, with the columns of /proc/PID/maps, VmFlags, resident pages and the provider of each special mapping.";
    }
}
