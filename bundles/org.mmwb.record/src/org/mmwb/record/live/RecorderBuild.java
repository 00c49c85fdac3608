package org.mmwb.record.live;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

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
        String problem = HelperBuild.platformProblem();
        if (problem != null) {
            throw new HostUnavailableException(problem);
        }
        byte[] src = source();
        Path dir = HelperBuild.cacheRoot().resolve("record-" + hash(src));
        Path bin = dir.resolve("mmwb-record");
        if (Files.isExecutable(bin)) {
            return bin;
        }
        Path cc = HelperBuild.findCompiler();
        if (cc == null) {
            throw new HostUnavailableException("recording needs a C compiler to build its small recorder, and none "
                + "was found (install gcc, or set CC or -Dmmwb.host.cc)");
        }
        try {
            Files.createDirectories(dir);
            Path c = dir.resolve("mmwb-record.c");
            Files.write(c, src);
            Path tmp = Files.createTempFile(dir, "mmwb-record", ".tmp");
            String[] cmd = new String[FLAGS.length + 4];
            cmd[0] = cc.toString();
            System.arraycopy(FLAGS, 0, cmd, 1, FLAGS.length);
            cmd[FLAGS.length + 1] = "-o";
            cmd[FLAGS.length + 2] = tmp.toString();
            cmd[FLAGS.length + 3] = c.toString();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new HostUnavailableException("compiling the recorder with " + cc + " took too long");
            }
            if (p.exitValue() != 0) {
                Files.deleteIfExists(tmp);
                throw new HostUnavailableException("compiling the recorder failed (" + cc + "):\n"
                    + new String(out, StandardCharsets.UTF_8).strip());
            }
            tmp.toFile().setExecutable(true, true);
            Files.move(tmp, bin, StandardCopyOption.REPLACE_EXISTING);
            return bin;
        } catch (IOException e) {
            throw new HostUnavailableException("cannot build the recorder in " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostUnavailableException("interrupted while building the recorder", e);
        }
    }

    private static String hash(byte[] src) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(src);
            md.update(String.join(" ", FLAGS).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
