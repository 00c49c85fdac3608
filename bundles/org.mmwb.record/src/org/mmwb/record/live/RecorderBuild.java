package org.mmwb.record.live;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import org.mmwb.host.HostUnavailableException;
import org.mmwb.host.internal.HelperBuild;

/**
 * Finds or builds the recorder binary the way {@link HelperBuild} builds the host helper: the C source
 * {@code /native/mmwb-record.c} of the org.mmwb.host bundle, compiled with gcc into
 * {@code <cache>/record-<hash>/mmwb-record} (the hash covers the source and the flags).
 */
public final class RecorderBuild {
    private static final String RESOURCE = "/native/mmwb-record.c";
    private static final String[] FLAGS = { "-O2", "-std=gnu11", "-w", "-pthread" };

    private RecorderBuild() {
    }

    /** @return the recorder's C source */
    public static byte[] source() throws HostUnavailableException {
        try (InputStream in = HelperBuild.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new HostUnavailableException("the recorder's C source native/mmwb-record.c is not on the class "
                    + "path (the org.mmwb.host bundle must include native/)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new HostUnavailableException("cannot read the recorder's C source: " + e.getMessage(), e);
        }
    }

    /** @return the path of an executable recorder, compiled first when missing or stale */
    public static Path ensureBinary() throws HostUnavailableException {
        return HelperBuild.build(source(), "mmwb-record", "record", FLAGS, "the recorder",
                "recording needs a C compiler to build its small recorder");
    }
}
