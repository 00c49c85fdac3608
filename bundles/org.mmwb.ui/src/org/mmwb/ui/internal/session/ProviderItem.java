package org.mmwb.ui.internal.session;

import java.util.ArrayList;
import java.util.List;

import org.mmwb.core.mm.SpecialMapping;
import org.mmwb.core.mm.SpecialMappingProvider;

/**
 * A special-mapping provider of the session's kernel with the mapping it created (null when none: a gate area,
 * an imported session, or a provider that failed).
 *
 * @param provider the provider
 * @param mapping  its {@code vm_special_mapping}, or null
 */
public record ProviderItem(SpecialMappingProvider provider, SpecialMapping mapping) {

    /** The callbacks the mapping has: "pages[2]", "fault", "mremap", "close"; "gate" for a gate area. */
    public String callbacks() {
        if (provider.placement().kind() == org.mmwb.core.mm.Placement.Kind.GATE) {
            return "gate area (no vm_area_struct)";
        }
        if (mapping == null) {
            return "";
        }
        List<String> out = new ArrayList<>();
        if (mapping.pageCount() > 0) {
            out.add("pages[" + mapping.pageCount() + "]");
        }
        if (mapping.fault() != null) {
            out.add(".fault");
        }
        if (mapping.mremap() != null) {
            out.add(".mremap");
        }
        if (mapping.close() != null) {
            out.add(".close");
        }
        if (provider.legacy()) {
            out.add("legacy vmops");
        }
        return String.join(" ", out);
    }

    /** "all" or the profile names. */
    public String profiles() {
        return provider.profiles().isEmpty() ? "all" : String.join(", ", provider.profiles().stream().sorted().toList());
    }

    /** Placement at exec: "top-down", "after [vvar]", "fixed 0x...", "gate 0x...", "on request". */
    public String placement() {
        var p = provider.placement();
        return switch (p.kind()) {
            case FIXED -> "fixed 0x" + Long.toHexString(p.address());
            case GATE -> "gate 0x" + Long.toHexString(p.address());
            default -> p.after() != null ? "after " + p.after() : p.kind().name().toLowerCase().replace('_', ' ');
        };
    }
}
