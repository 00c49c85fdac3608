package org.mmwb.host.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.mmwb.host.HostUnavailableException;

/**
 * Finds or builds the helper binary: the C source is read from the class path ({@code /native/mmwb-hostd.c}, the
 * bundle's {@code native/} folder) and compiled with gcc into {@code <cache>/host-<hash>/mmwb-hostd}, where the
 * hash covers the source and the compiler command, so an edited source builds a new binary.
 * <p>
 * System properties: {@code mmwb.host.cache} (cache root; default $XDG_CACHE_HOME/mmwb or ~/.cache/mmwb),
 * {@code mmwb.host.cc} (the compiler; default $CC, then gcc, then cc on PATH), {@code mmwb.host.source} (a source
 * file to use instead of the class path resource).
 */
public final class HelperBuild {
    /** Resource names tried in order: bin.includes=native/ puts it under /native, a source folder at the root. */
    private static final String[] RESOURCES = { "/native/mmwb-hostd.c", "/mmwb-hostd.c" };
    private static final String[] FLAGS = { "-O2", "-std=gnu11", "-w" };

    private HelperBuild() {
    }

    /** @return null when the platform can run the helper, else why not */
    public static String platformProblem() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        if (!os.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return "the live-kernel side needs Linux x86-64; this is " + os + " " + arch;
        }
        if (!arch.equals("amd64") && !arch.equals("x86_64")) {
            return "the live-kernel side needs Linux x86-64; this is Linux " + arch;
        }
        return null;
    }

    /** @return the compiler to use, or null when none is found */
    public static Path findCompiler() {
        String explicit = System.getProperty("mmwb.host.cc");
        if (explicit == null || explicit.isBlank()) {
            explicit = System.getenv("CC");
        }
        if (explicit != null && !explicit.isBlank()) {
            Path p = explicit.contains("/") ? Path.of(explicit) : onPath(explicit);
            return p != null && Files.isExecutable(p) ? p : null;
        }
        Path gcc = onPath("gcc");
        return gcc != null ? gcc : onPath("cc");
    }

    private static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            path = "/usr/local/bin:/usr/bin:/bin";
        }
        for (String dir : path.split(":")) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** @return the C source text of the helper */
    public static byte[] source() throws HostUnavailableException {
        String override = System.getProperty("mmwb.host.source");
        try {
            if (override != null && !override.isBlank()) {
                return Files.readAllBytes(Path.of(override));
            }
            for (String name : RESOURCES) {
                try (InputStream in = HelperBuild.class.getResourceAsStream(name)) {
                    if (in != null) {
                        return in.readAllBytes();
                    }
                }
            }
        } catch (IOException e) {
            throw new HostUnavailableException("cannot read the helper's C source: " + e.getMessage(), e);
        }
        throw new HostUnavailableException("the helper's C source native/mmwb-hostd.c is not on the class path "
                + "(the org.mmwb.host bundle must include native/)");
    }

    /** @return the cache root for helper binaries */
    public static Path cacheRoot() {
        String prop = System.getProperty("mmwb.host.cache");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "mmwb");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "mmwb");
    }

    /**
     * Returns the helper binary, compiling it first when it is missing or stale.
     *
     * @return the path of an executable helper
     * @throws HostUnavailableException when the platform is wrong, no compiler exists, or compiling fails
     */
    public static Path ensureBinary() throws HostUnavailableException {
        return build(source(), "mmwb-hostd", "host", FLAGS, "the live-kernel helper",
                "running scenarios on the live kernel needs a C compiler to build its small helper");
    }

    /**
     * Finds or compiles a C program of this bundle into {@code <cache>/<prefix>-<hash>/<name>} (the hash covers the
     * source and the flags, so a changed source is rebuilt and an unchanged one never is).
     *
     * @param what       the program as messages name it, e.g. "the recorder"
     * @param needsCc    the start of the message when no compiler is found
     * @throws HostUnavailableException when the platform is wrong, no compiler exists, or compiling fails
     */
    public static Path build(byte[] src, String name, String prefix, String[] flags, String what, String needsCc)
            throws HostUnavailableException {
        String problem = platformProblem();
        if (problem != null) {
            throw new HostUnavailableException(problem);
        }
        Path dir = cacheRoot().resolve(prefix + "-" + hash(src, flags));
        Path bin = dir.resolve(name);
        if (Files.isExecutable(bin)) {
            return bin;
        }
        Path cc = findCompiler();
        if (cc == null) {
            throw new HostUnavailableException(needsCc + ", and none was found (install gcc, or set CC or "
                    + "-Dmmwb.host.cc)");
        }
        try {
            Files.createDirectories(dir);
            Path c = dir.resolve(name + ".c");
            Files.write(c, src);
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            String[] cmd = new String[flags.length + 4];
            cmd[0] = cc.toString();
            System.arraycopy(flags, 0, cmd, 1, flags.length);
            cmd[flags.length + 1] = "-o";
            cmd[flags.length + 2] = tmp.toString();
            cmd[flags.length + 3] = c.toString();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new HostUnavailableException("compiling " + what + " with " + cc + " took too long");
            }
            if (p.exitValue() != 0) {
                Files.deleteIfExists(tmp);
                throw new HostUnavailableException("compiling " + what + " failed (" + cc + "):\n"
                        + new String(out, StandardCharsets.UTF_8).strip());
            }
            tmp.toFile().setExecutable(true, true);
            try {
                Files.move(tmp, bin, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, bin, StandardCopyOption.REPLACE_EXISTING);
            }
            return bin;
        } catch (IOException e) {
            throw new HostUnavailableException("cannot build " + what + " in " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostUnavailableException("interrupted while building " + what, e);
        }
    }

    private static String hash(byte[] src, String[] flags) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(src);
            md.update(String.join(" ", flags).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
