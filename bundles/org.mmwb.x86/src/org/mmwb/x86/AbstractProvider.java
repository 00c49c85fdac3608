package org.mmwb.x86;

import java.util.Set;

import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.SpecialMappingProvider;

/** Common fields of the built-in x86 providers. */
abstract class AbstractProvider implements SpecialMappingProvider {
    static final String CONTRIBUTOR = "org.mmwb.x86";

    private final String name;
    private final int pages;
    private final long vmFlags;
    private final Placement placement;
    private final Set<String> profiles;

    AbstractProvider(String name, int pages, long vmFlags, Placement placement, Set<String> profiles) {
        this.name = name;
        this.pages = pages;
        this.vmFlags = vmFlags;
        this.placement = placement;
        this.profiles = profiles;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int pages() {
        return pages;
    }

    @Override
    public long vmFlags() {
        return vmFlags;
    }

    @Override
    public Placement placement() {
        return placement;
    }

    @Override
    public Set<String> profiles() {
        return profiles;
    }

    @Override
    public String contributor() {
        return CONTRIBUTOR;
    }
}
