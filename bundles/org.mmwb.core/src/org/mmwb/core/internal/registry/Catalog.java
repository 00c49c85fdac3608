package org.mmwb.core.internal.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mmwb.core.catalog.Problem;
import org.mmwb.core.catalog.ProviderCatalog;
import org.mmwb.core.catalog.RegisteredProvider;
import org.mmwb.core.mm.KernelProfile;
import org.mmwb.core.mm.Placement;

/**
 * The kernel profiles and their special-mapping providers, built from checked contributions. Plain Java: the
 * registry reader feeds it, tests feed it by hand.
 * <p>
 * Rules (each broken one is logged with the contributing bundle, never fatal):
 * <ul>
 * <li>A provider id or a profile id contributed twice: the second is skipped.</li>
 * <li>Order within a profile, which decides exec's installation order: the providers of the bundle that declares
 * the profile first, then the other bundles' by symbolic name; within a bundle in document order. So a plugin
 * never moves the built-in mappings, and the order does not depend on install order.</li>
 * <li>A mapping name contributed twice to one profile: the later one (in that order) is skipped for it.</li>
 * <li>{@code after} naming a mapping the profile does not place at exec, a second provider after the same mapping,
 * or a cycle of {@code after}s: the provider falls back to a group of its own, placed top-down.</li>
 * <li>A provider for a profile nobody declares is kept (listed) but used nowhere; a warning says so.</li>
 * </ul>
 */
public final class Catalog implements ProviderCatalog {
    private final Map<String, ProfileContribution> profiles = new LinkedHashMap<>();
    private final List<GuardedProvider> providers = new ArrayList<>();
    private final Map<String, List<GuardedProvider>> byProfile = new LinkedHashMap<>();
    private final RegistryLog log;
    private final String defaultId;
    /** How many of the log's problems were found while the contributions were read (the rest came later). */
    private final int loadProblems;

    /**
     * @param budgetNanos time budget of each contributed {@code .fault} handler, 0 for none
     */
    public Catalog(List<ProfileContribution> profileList, List<ProviderContribution> providerList,
            long budgetNanos, RegistryLog log) {
        this.log = log;
        for (ProfileContribution p : profileList) {
            ProfileContribution old = profiles.putIfAbsent(p.id(), p);
            if (old != null) {
                log.error(p.bundle(), "kernel profile " + p.id() + " is already declared by " + old.bundle()
                        + "; this declaration is skipped", null);
            }
        }
        Map<String, ProviderContribution> ids = new HashMap<>();
        for (ProviderContribution c : providerList) {
            ProviderContribution old = ids.putIfAbsent(c.id(), c);
            if (old != null) {
                log.mappingError(c.bundle(), c.name(), "provider id " + c.id() + " is already used by bundle "
                        + old.bundle()
                        + "; this contribution is skipped", null);
                continue;
            }
            providers.add(new GuardedProvider(c, c.placement(), budgetNanos, log));
            for (String prof : c.profiles()) {
                if (!profileList.stream().anyMatch(p -> p.id().equals(prof))) {
                    log.warn(c.bundle(), "provider " + c.id() + " names kernel profile " + prof
                            + ", which no bundle declares; it is used in no profile until one does");
                }
            }
        }
        for (ProfileContribution p : profiles.values()) {
            byProfile.put(p.id(), build(p));
        }
        defaultId = chooseDefault();
        loadProblems = log.problems().size();
    }

    /** The profile declared default (the first of several, the others logged), else the first declared. */
    private String chooseDefault() {
        String chosen = null;
        for (ProfileContribution p : profiles.values()) {
            if (!p.isDefault()) {
                continue;
            }
            if (chosen == null) {
                chosen = p.id();
            } else {
                log.warn(p.bundle(), "kernel profile " + p.id() + " is declared default, but " + chosen
                        + " already is; " + chosen + " stays the default");
            }
        }
        return chosen != null || profiles.isEmpty() ? chosen : profiles.keySet().iterator().next();
    }

    private List<GuardedProvider> build(ProfileContribution profile) {
        List<GuardedProvider> in = new ArrayList<>();
        for (GuardedProvider r : providers) {
            if (r.contribution().appliesTo(profile.id())) {
                in.add(r);
            }
        }
        // stable sort: the declaring bundle first, then by bundle name; document order within a bundle
        in.sort(Comparator.comparing((GuardedProvider r) -> !r.contributor().equals(profile.bundle()))
                .thenComparing(GuardedProvider::contributor));
        Map<String, GuardedProvider> byName = new LinkedHashMap<>();
        for (GuardedProvider r : in) {
            GuardedProvider old = byName.putIfAbsent(r.name(), r);
            if (old != null) {
                log.error(r.contributor(), "provider " + r.id() + ": " + r.name() + " is already contributed to"
                        + " profile " + profile.id() + " by " + old.id() + " (" + old.contributor()
                        + "); skipped in that profile", null);
            }
        }
        List<GuardedProvider> out = new ArrayList<>(byName.values());
        repairAfter(profile.id(), out);
        return List.copyOf(out);
    }

    /** Dangling, shared or cyclic {@code after} references fall back to top-down groups of their own. */
    private void repairAfter(String profile, List<GuardedProvider> list) {
        Map<String, GuardedProvider> exec = new HashMap<>();
        for (GuardedProvider r : list) {
            Placement.Kind k = r.placement().kind();
            if (k == Placement.Kind.TOP_DOWN || k == Placement.Kind.AFTER || k == Placement.Kind.FIXED) {
                exec.put(r.name(), r);
            }
        }
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            GuardedProvider r = list.get(i);
            if (r.placement().kind() != Placement.Kind.AFTER) {
                continue;
            }
            String target = r.placement().after();
            String why = null;
            if (!exec.containsKey(target) || exec.get(target).placement().kind() == Placement.Kind.FIXED) {
                why = "its 'after' mapping " + target + " is not placed at exec in profile " + profile;
            } else if (!taken.add(target)) {
                why = "another provider is already placed after " + target + " in profile " + profile;
            } else if (cyclic(r, exec)) {
                why = "its 'after' references form a cycle in profile " + profile;
            }
            if (why != null) {
                log.warn(r.contributor(), "provider " + r.id() + ": " + why + "; placed top-down as a group of"
                        + " its own");
                GuardedProvider fixed = r.withPlacement(Placement.topDown());
                list.set(i, fixed);
                exec.put(fixed.name(), fixed);
            }
        }
    }

    private static boolean cyclic(GuardedProvider start, Map<String, GuardedProvider> exec) {
        Set<String> seen = new HashSet<>();
        GuardedProvider r = start;
        while (r != null && r.placement().kind() == Placement.Kind.AFTER) {
            if (!seen.add(r.name())) {
                return true;
            }
            r = exec.get(r.placement().after());
        }
        return false;
    }

    @Override
    public KernelProfile profile(String id) {
        ProfileContribution p = id == null ? null : profiles.get(id);
        if (p == null) {
            return null;
        }
        return new KernelProfile(p.id(), p.levels(), p.maxLevels(), p.startBrk(), p.stackPages(),
                List.copyOf(byProfile.get(id)), p.timeNamespace(), KernelProfile.DEFAULT_RAM_PAGES, p.description(),
                p.bundle());
    }

    @Override
    public List<KernelProfile> profiles() {
        return profiles.keySet().stream().map(this::profile).toList();
    }

    @Override
    public KernelProfile defaultProfile() {
        return profile(defaultId);
    }

    @Override
    public List<RegisteredProvider> providers() {
        return List.copyOf(providers);
    }

    @Override
    public List<RegisteredProvider> providers(String profile) {
        return List.copyOf(byProfile.getOrDefault(profile, List.of()));
    }

    @Override
    public List<Problem> problems() {
        return log.problems();
    }

    @Override
    public List<Problem> problems(int since) {
        List<Problem> all = log.problems();
        List<Problem> out = new ArrayList<>(all.subList(0, Math.min(loadProblems, all.size())));
        if (since < all.size()) {
            out.addAll(all.subList(Math.max(since, loadProblems), all.size()));
        }
        return out;
    }
}
