package org.mmwb.ui.internal.editor;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mmwb.core.catalog.ProviderCatalog;
import org.mmwb.core.mm.KernelProfile;

/** What the lines before the caret define for completion: their bindings and the kernel profile they name. */
final class MmsContext {

    /** {@code $a = ...} at the start of a line, or a loop's {@code repeat $i}. */
    private static final Pattern BINDING = Pattern.compile(
            "(?m)^\\s*(?:(\\$[A-Za-z_][A-Za-z0-9_]*)\\s*=|repeat\\s+(\\$[A-Za-z_][A-Za-z0-9_]*))");
    private static final Pattern KERNEL = Pattern.compile("(?m)^\\s*kernel\\s+(\\S+)");

    private MmsContext() {
    }

    /** The bindings made in {@code text}, in the order first made. */
    static List<String> bindings(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = BINDING.matcher(text);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return List.copyOf(out);
    }

    /** The {@code [special]} names of the profile on the text's {@code kernel} line, else the installed default's. */
    static List<String> mappingNames(String text) {
        ProviderCatalog catalog = ProviderCatalog.installed();
        Matcher m = KERNEL.matcher(text);
        KernelProfile p = m.find() ? catalog.profile(m.group(1)) : null;
        if (p == null) {
            p = catalog.defaultProfile();
        }
        return p == null ? List.copyOf(KernelProfile.CORE_MAPPING_NAMES) : p.mappingNames();
    }
}
