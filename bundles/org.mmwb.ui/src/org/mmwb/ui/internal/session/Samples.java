package org.mmwb.ui.internal.session;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;

/** The scenarios bundled with the workbench (folder samples/ of org.mmwb.ui), default.mms first. */
public final class Samples {

    /** The sample a newcomer sees. */
    public static final String DEFAULT = "default.mms";

    private Samples() {
    }

    /** Sample file names, default first, then alphabetical. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        Bundle b = Platform.getBundle("org.mmwb.ui");
        Enumeration<URL> e = b == null ? null : b.findEntries("samples", "*.mms", false);
        while (e != null && e.hasMoreElements()) {
            String p = e.nextElement().getPath();
            out.add(p.substring(p.lastIndexOf('/') + 1));
        }
        Collections.sort(out);
        if (out.remove(DEFAULT)) {
            out.add(0, DEFAULT);
        }
        return out;
    }

    /** A local file with the sample's text (extracted from the bundle jar when needed). */
    public static Path path(String name) throws IOException {
        Bundle b = Platform.getBundle("org.mmwb.ui");
        URL url = b == null ? null : b.getEntry("samples/" + name);
        if (url == null) {
            throw new IOException("no bundled sample " + name);
        }
        try {
            return Path.of(FileLocator.toFileURL(url).toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Path.of(FileLocator.toFileURL(url).getPath());
        }
    }
}
