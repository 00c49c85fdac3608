package org.mmwb.host;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The files a user names (a recording, a session, a recorded kernel run), checked before they are read so that
 * anything but a readable regular file gets a one-line answer that names it: a directory, a FIFO (opening one
 * blocks until a writer comes), a device ({@code /dev/zero} never ends), a dangling or looping symbolic link, a
 * file larger than the Java heap can hold. Symbolic links to regular files are followed. Text is decoded as
 * strict UTF-8, and reading stops with an error once more bytes than the limit came (a file that grows while it is
 * read, or a /proc file whose size reads as 0).
 */
public final class InputFiles {
    /** st_mode file types (sys/stat.h). */
    private static final int S_IFMT = 0170000, S_IFIFO = 0010000, S_IFCHR = 0020000, S_IFBLK = 0060000,
            S_IFSOCK = 0140000;

    private InputFiles() {
    }

    /**
     * The most bytes of input this JVM reads into memory: half of its heap (a parsed session or recording takes
     * about as much heap as its text).
     */
    public static long defaultLimit() {
        return Runtime.getRuntime().maxMemory() / 2;
    }

    /**
     * Checks that file is a readable regular file (or a symbolic link to one) of at most maxBytes bytes.
     *
     * @return its size in bytes
     * @throws InputFileException "FILE: why not", naming the file as given
     */
    public static long check(Path file, long maxBytes) throws InputFileException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new InputFileException(file, missing(file));
        } catch (AccessDeniedException e) {
            throw new InputFileException(file, "permission denied");
        } catch (FileSystemException e) {
            throw new InputFileException(file, reason(e));
        } catch (IOException e) {
            throw new InputFileException(file, "cannot read: " + e.getMessage());
        }
        if (a.isDirectory()) {
            throw new InputFileException(file, "is a directory, not a file");
        }
        if (!a.isRegularFile()) {
            throw new InputFileException(file, "is " + special(file) + ", not a regular file (mmwb reads files, "
                    + "which end)");
        }
        if (!Files.isReadable(file)) {
            throw new InputFileException(file, "permission denied");
        }
        if (a.size() > maxBytes) {
            throw new InputFileException(file, tooLarge(a.size(), maxBytes));
        }
        return a.size();
    }

    /**
     * Opens a checked file (see {@link #check}) as strict UTF-8 text; reading past maxBytes fails with an
     * {@link IOException} whose message says so (see {@link #describe}).
     */
    public static BufferedReader openUtf8(Path file, long maxBytes) throws InputFileException, IOException {
        check(file, maxBytes);
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (AccessDeniedException e) {
            throw new InputFileException(file, "permission denied");
        } catch (NoSuchFileException e) {
            throw new InputFileException(file, missing(file)); // removed since the check
        }
        return new BufferedReader(new InputStreamReader(new Capped(in, maxBytes),
                StandardCharsets.UTF_8.newDecoder()), 1 << 16);
    }

    /** What a read error means for the user, without the exception's class name (no "FILE:" prefix). */
    public static String describe(IOException e) {
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text (binary data?)";
        }
        if (e instanceof FileSystemException f) {
            return reason(f);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** "3.1 GiB is more than ..." for a file of size bytes over the limit. */
    public static String tooLarge(long size, long maxBytes) {
        return size(size) + " is more than mmwb reads with this Java heap (at most " + size(maxBytes)
                + ", half the heap; MMWB_JAVA_OPTS=-Xmx8g raises it)";
    }

    private static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format("%.1f GiB", bytes / (double) (1L << 30))
                : bytes >= 1L << 20 ? String.format("%.1f MiB", bytes / (double) (1L << 20)) : bytes + " bytes";
    }

    private static String missing(Path file) {
        Path up = file.toAbsolutePath().getParent();
        while (up != null && !Files.exists(up)) {
            up = up.getParent();
        }
        if (up != null && !Files.isDirectory(up)) {
            return "no such file ('" + up + "' is not a directory)";
        }
        if (Files.isSymbolicLink(file)) {
            try {
                return "a symbolic link to '" + Files.readSymbolicLink(file) + "', which does not exist";
            } catch (IOException e) {
                return "a symbolic link to a file that does not exist";
            }
        }
        return "no such file";
    }

    private static String reason(FileSystemException e) {
        String r = e.getReason();
        if (r == null) {
            return "cannot read";
        }
        if (r.contains("Too many levels of symbolic links")) {
            return "a loop of symbolic links";
        }
        return r.substring(0, 1).toLowerCase() + r.substring(1);
    }

    private static String special(Path file) {
        int mode;
        try {
            mode = ((Number) Files.getAttribute(file, "unix:mode")).intValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
        return switch (mode & S_IFMT) {
            case S_IFIFO -> "a named pipe (FIFO)";
            case S_IFCHR -> "a character device";
            case S_IFBLK -> "a block device";
            case S_IFSOCK -> "a socket";
            default -> "a special file";
        };
    }

    /** An input stream that fails once more than its limit of bytes was read. */
    private static final class Capped extends FilterInputStream {
        private final long limit;
        private long read;

        Capped(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new IOException("it grew while it was read: " + tooLarge(read, limit));
            }
        }
    }
}
