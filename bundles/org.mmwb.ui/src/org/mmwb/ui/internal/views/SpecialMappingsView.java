package org.mmwb.ui.internal.views;

/** Placeholder until the simulation session exists: The special-mapping providers registered through org.mmwb.core.specialMappings and the bundles contributing them. */
public final class SpecialMappingsView extends PlaceholderView {
    @Override
    protected String purpose() {
        return "The special-mapping providers registered through org.mmwb.core.specialMappings and the bundles contributing them.";
    }
}
