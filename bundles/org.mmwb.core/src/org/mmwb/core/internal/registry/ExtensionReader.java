package org.mmwb.core.internal.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.InvalidRegistryObjectException;
import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.SpecialMappingProvider;

/**
 * Reads the contributions to {@code org.mmwb.core.specialMappings} (schema/specialMappings.exsd). Each element is
 * read on its own: a missing or failing class, a class that does not implement {@link SpecialMappingProvider}, or
 * a bad attribute is logged with the contributing bundle and that element is skipped; the others are read. A bad
 * number of a {@code kernelProfile} falls back to its documented default with a warning.
 */
public final class ExtensionReader {
    /** The extension point's full id. */
    public static final String POINT = "org.mmwb.core.specialMappings";
    static final int DEFAULT_LEVELS = 4;
    static final long DEFAULT_START_BRK = 0x555555559000L;
    static final int DEFAULT_STACK_PAGES = 33;

    private final RegistryLog log;
    private final List<ProfileContribution> profiles = new ArrayList<>();
    private final List<ProviderContribution> providers = new ArrayList<>();

    public ExtensionReader(RegistryLog log) {
        this.log = log;
    }

    /** Reads every contribution of the registry. */
    public ExtensionReader read(IExtensionRegistry registry) {
        IConfigurationElement[] elements;
        try {
            elements = registry.getConfigurationElementsFor(POINT);
        } catch (RuntimeException e) {
            log.error("", "cannot read the extension point " + POINT, e);
            return this;
        }
        for (IConfigurationElement e : elements) {
            String bundle = "";
            try {
                bundle = e.getContributor().getName();
                switch (e.getName()) {
                    case "kernelProfile" -> readProfile(e, bundle);
                    case "provider" -> readProvider(e, bundle);
                    default -> log.error(bundle, "unknown element <" + e.getName() + "> in " + POINT + "; skipped",
                            null);
                }
            } catch (InvalidRegistryObjectException ex) {
                log.error(bundle, "a contribution went away while it was read (bundle uninstalled?)", ex);
            } catch (RuntimeException | LinkageError ex) {
                log.error(bundle, "a contribution could not be read; skipped", ex);
            }
        }
        return this;
    }

    public List<ProfileContribution> profiles() {
        return List.copyOf(profiles);
    }

    public List<ProviderContribution> providers() {
        return List.copyOf(providers);
    }

    private void readProfile(IConfigurationElement e, String bundle) {
        String id = e.getAttribute("id");
        if (id == null || id.isBlank()) {
            log.error(bundle, "<kernelProfile> without an id; skipped", null);
            return;
        }
        long levels = number(e, "levels", DEFAULT_LEVELS, bundle, id);
        if (levels != 4 && levels != 5) {
            log.warn(bundle, "kernel profile " + id + ": levels must be 4 or 5, not " + levels + "; using 4");
            levels = DEFAULT_LEVELS;
        }
        long maxLevels = number(e, "maxLevels", levels, bundle, id);
        if ((maxLevels != 4 && maxLevels != 5) || maxLevels < levels) {
            log.warn(bundle, "kernel profile " + id + ": maxLevels must be 4 or 5 and at least levels, not "
                    + maxLevels + "; using " + levels);
            maxLevels = levels;
        }
        long brk = number(e, "startBrk", DEFAULT_START_BRK, bundle, id);
        if ((brk & 0xfff) != 0) {
            log.warn(bundle, "kernel profile " + id + ": startBrk is not page aligned; using the default");
            brk = DEFAULT_START_BRK;
        }
        long stack = number(e, "stackPages", DEFAULT_STACK_PAGES, bundle, id);
        if (stack <= 0 || stack > 1 << 20) {
            log.warn(bundle, "kernel profile " + id + ": stackPages out of range; using " + DEFAULT_STACK_PAGES);
            stack = DEFAULT_STACK_PAGES;
        }
        boolean timens = Boolean.parseBoolean(e.getAttribute("timeNamespace"));
        String desc = e.getAttribute("description");
        boolean dflt = Boolean.parseBoolean(e.getAttribute("default"));
        profiles.add(new ProfileContribution(id.trim(), (int) levels, (int) maxLevels, brk, (int) stack, timens,
                desc == null ? "" : desc, dflt, bundle));
    }

    private long number(IConfigurationElement e, String attr, long dflt, String bundle, String id) {
        String s = e.getAttribute(attr);
        if (s == null) {
            return dflt;
        }
        Long v = Attributes.number(s);
        if (v == null) {
            log.warn(bundle, id + ": " + attr + "=\"" + s + "\" is not a number; using the default " + dflt);
            return dflt;
        }
        return v;
    }

    private void readProvider(IConfigurationElement e, String bundle) {
        String id = e.getAttribute("id");
        String name = e.getAttribute("name");
        String what = "provider " + (id == null ? "(no id)" : id) + (name == null ? "" : " (" + name + ")");
        if (id == null || id.isBlank()) {
            log.error(bundle, what + ": the id attribute is missing; skipped", null);
            return;
        }
        if (!Attributes.isMappingName(name)) {
            log.error(bundle, what + ": name must be a bracketed name like [vdso], not \"" + name + "\"; skipped",
                    null);
            return;
        }
        Long pages = Attributes.number(e.getAttribute("pages"));
        if (pages == null || pages <= 0 || pages > 1 << 20) {
            skip(e, bundle, what + ": pages=\"" + e.getAttribute("pages") + "\" is not a positive number of"
                    + " pages; skipped", null);
            return;
        }
        Placement placement = placement(e, bundle, what);
        if (placement == null) {
            return;
        }
        Set<String> profs = Attributes.profiles(e.getAttribute("profiles"));
        Object o;
        try {
            o = e.createExecutableExtension("class");
        } catch (CoreException ex) {
            skip(e, bundle, what + ": class " + e.getAttribute("class") + " cannot be created; skipped", ex);
            return;
        } catch (RuntimeException | LinkageError ex) {
            skip(e, bundle, what + ": class " + e.getAttribute("class") + " failed while it was created;"
                    + " skipped", ex);
            return;
        }
        if (!(o instanceof SpecialMappingProvider impl)) {
            skip(e, bundle, what + ": class " + o.getClass().getName() + " does not implement "
                    + SpecialMappingProvider.class.getName() + "; skipped", null);
            return;
        }
        checkAgreement(impl, name, pages, bundle, what);
        providers.add(new ProviderContribution(id.trim(), name, pages.intValue(), profs, placement, bundle, impl));
    }

    private Placement placement(IConfigurationElement e, String bundle, String what) {
        String kind = e.getAttribute("placement");
        String after = e.getAttribute("after");
        String address = e.getAttribute("address");
        Long addr = address == null ? null : Attributes.number(address);
        if (address != null && (addr == null || (addr & 0xfff) != 0)) {
            skip(e, bundle, what + ": address=\"" + address + "\" is not a page-aligned number; skipped", null);
            return null;
        }
        switch (kind == null ? "exec" : kind) {
            case "exec" -> {
                if (after != null && addr != null) {
                    skip(e, bundle, what + ": give either after or address, not both; skipped", null);
                    return null;
                }
                if (after != null) {
                    if (!Attributes.isMappingName(after)) {
                        skip(e, bundle, what + ": after=\"" + after + "\" is not a mapping name like [vvar];"
                                + " skipped", null);
                        return null;
                    }
                    return Placement.after(after);
                }
                return addr != null ? Placement.fixed(addr) : Placement.topDown();
            }
            case "gate" -> {
                if (addr == null) {
                    skip(e, bundle, what + ": placement=\"gate\" needs an address; skipped", null);
                    return null;
                }
                return Placement.gate(addr);
            }
            case "request" -> {
                return Placement.onRequest();
            }
            default -> {
                skip(e, bundle, what + ": placement=\"" + kind + "\" is none of exec, gate, request; skipped",
                        null);
                return null;
            }
        }
    }

    /** Logs why a provider element was skipped, naming its mapping (a scenario using it is told why it is missing). */
    private void skip(IConfigurationElement e, String bundle, String message, Throwable cause) {
        log.mappingError(bundle, e.getAttribute("name"), message, cause);
    }

    /** The class's own name and size are not used, but a disagreement is most likely a mistake: say so. */
    private void checkAgreement(SpecialMappingProvider impl, String name, long pages, String bundle, String what) {
        try {
            if (impl.name() != null && !impl.name().equals(name)) {
                log.warn(bundle, what + ": the class names its mapping " + impl.name() + "; the declared name "
                        + name + " is used");
            }
            if (impl.pages() > 0 && impl.pages() != pages) {
                log.warn(bundle, what + ": the class says " + impl.pages() + " pages; the declared " + pages
                        + " are used");
            }
        } catch (RuntimeException | LinkageError ex) {
            log.warn(bundle, what + ": name()/pages() threw " + ex + "; the declaration is used");
        }
    }
}
