package org.mmwb.host;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mmwb.host.internal.HelperBuild;
import org.mmwb.host.internal.SmapsReader;

/**
 * Imports the memory map of a live process ({@code ./mmwb import PID}): /proc/PID/smaps for the VMAs, their
 * VmFlags and Rss, /proc/PID/pagemap (where readable) for the page letters, /proc/kpageflags (root) to recognise
 * the zero page. Pure reading: nothing is mapped or touched, so it is safe inside the JVM.
 */
public final class ProcImport {
    /**
     * Default cap of page letters per VMA: 64 GiB of address space (16M letters, 16 MB), so that a JVM's heap or a
     * database's buffer pool is imported whole; beyond it the letters are cut and a note says so.
     */
    public static final int DEFAULT_MAX_PAGES = 1 << 24;
    private static final long KPF_ZERO_PAGE = 1L << 24;

    private ProcImport() {
    }

    /**
     * @param pid the process id
     * @return its snapshot, with at most {@link #DEFAULT_MAX_PAGES} page letters per VMA
     * @throws ProcImportException when the process does not exist or /proc/PID/smaps is unreadable
     */
    public static ProcSnapshot read(long pid) throws ProcImportException {
        return read(pid, DEFAULT_MAX_PAGES);
    }

    /**
     * @param pid      the process id
     * @param maxPages the most page letters per VMA; larger VMAs get a shorter letter string and a note
     * @return its snapshot
     * @throws ProcImportException when the process does not exist or /proc/PID/smaps is unreadable
     */
    public static ProcSnapshot read(long pid, int maxPages) throws ProcImportException {
        if (HelperBuild.platformProblem() != null && !Files.isDirectory(Path.of("/proc/self"))) {
            throw new ProcImportException("importing a process needs Linux /proc: " + HelperBuild.platformProblem());
        }
        if (pid <= 0) {
            throw new ProcImportException("not a process id: " + pid);
        }
        Path dir = Path.of("/proc", Long.toString(pid));
        if (!Files.isDirectory(dir)) {
            throw new ProcImportException("process " + pid + " does not exist (no " + dir + ")");
        }
        String comm = readSmall(dir.resolve("comm"), pid).strip();
        List<String> smaps;
        try {
            smaps = Files.readAllLines(dir.resolve("smaps"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProcImportException(why(dir.resolve("smaps"), pid, e));
        }
        if (!Files.isDirectory(dir)) {
            throw new ProcImportException("process " + pid + " exited while it was being read");
        }
        List<HostVma> raw = SmapsReader.parse(smaps);
        List<String> notes = new ArrayList<>();
        List<HostVma> vmas = new ArrayList<>(raw.size());
        boolean pagemapRead = false;
        boolean pfnsVisible = false;
        try (FileChannel pm = FileChannel.open(dir.resolve("pagemap"), StandardOpenOption.READ);
                FileChannel kpf = openOptional(Path.of("/proc/kpageflags"))) {
            pagemapRead = true;
            Scan scan = new Scan(pm, kpf);
            for (HostVma v : raw) {
                long n = v.pageCount();
                if (n > maxPages) {
                    notes.add(String.format("%x-%x %s: %d pages, letters only for the first %d", v.start(), v.end(),
                            v.name(), n, maxPages));
                    n = maxPages;
                }
                vmas.add(new HostVma(v.start(), v.end(), v.perms(), v.offset(), v.name(), v.flags(), v.rssKb(),
                        scan.letters(v.start(), n)));
            }
            pfnsVisible = scan.sawPfn;
            if (!scan.sawPfn) {
                notes.add("PFNs are hidden (not root): the zero page reads as 'a' (anon, not exclusive)");
            } else if (kpf == null) {
                notes.add("/proc/kpageflags is unreadable: the zero page reads as 'a'");
            }
        } catch (NoSuchFileException e) {
            throw new ProcImportException("process " + pid + " exited while it was being read");
        } catch (IOException e) {
            notes.add("page letters left out: " + why(dir.resolve("pagemap"), pid, e));
            vmas.clear();
            vmas.addAll(raw);
            pagemapRead = false;
        }
        return new ProcSnapshot(pid, comm, kernelRelease(), vmas, pagemapRead, pfnsVisible, notes);
    }

    /** @return the running kernel's release (uname -r), or "unknown" */
    public static String kernelRelease() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static FileChannel openOptional(Path p) {
        try {
            return FileChannel.open(p, StandardOpenOption.READ);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    private static String readSmall(Path p, long pid) throws ProcImportException {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProcImportException(why(p, pid, e));
        }
    }

    private static String why(Path p, long pid, IOException e) {
        if (e instanceof NoSuchFileException || !Files.isDirectory(Path.of("/proc", Long.toString(pid)))) {
            return "process " + pid + " does not exist (it may have exited)";
        }
        if (e instanceof AccessDeniedException) {
            return "cannot read " + p + ": permission denied (another user's process needs root)";
        }
        String m = e.getMessage();
        return "cannot read " + p + ": " + (m == null ? e.getClass().getSimpleName() : m);
    }

    /** Reads pagemap entries in chunks and turns them into letters. */
    private static final class Scan {
        private final FileChannel pagemap;
        private final FileChannel kpageflags;
        private final ByteBuffer buf = ByteBuffer.allocateDirect(8 * 4096).order(ByteOrder.LITTLE_ENDIAN);
        private final ByteBuffer one = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        boolean sawPfn;

        Scan(FileChannel pagemap, FileChannel kpageflags) {
            this.pagemap = pagemap;
            this.kpageflags = kpageflags;
        }

        String letters(long start, long pages) throws IOException {
            char[] out = new char[(int) pages];
            Arrays.fill(out, PageLetter.NOT_PRESENT);
            long done = 0;
            while (done < pages) {
                int chunk = (int) Math.min(4096, pages - done);
                buf.clear().limit(chunk * 8);
                int r = pagemap.read(buf, ((start >>> 12) + done) * 8);
                if (r <= 0) {
                    break;                      // beyond what pagemap walks ([vsyscall]): not present
                }
                buf.flip();
                int got = r / 8;
                for (int i = 0; i < got; i++) {
                    long e = buf.getLong();
                    long pfn = PageLetter.pfn(e);
                    sawPfn |= pfn != 0;
                    out[(int) (done + i)] = PageLetter.of(e, pfn != 0 && isZero(pfn));
                }
                done += got;
            }
            return new String(out);
        }

        private boolean isZero(long pfn) throws IOException {
            if (kpageflags == null) {
                return false;
            }
            one.clear();
            return kpageflags.read(one, pfn * 8) == 8 && (one.getLong(0) & KPF_ZERO_PAGE) != 0;
        }
    }
}
