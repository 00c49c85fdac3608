package org.mmwb.host;

import java.io.BufferedReader;
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
import org.mmwb.host.internal.ProcStat;
import org.mmwb.host.internal.SmapsReader;

/**
 * Imports the memory map of a live process ({@code ./mmwb import PID}): /proc/PID/smaps for the VMAs, their
 * VmFlags and Rss, /proc/PID/pagemap (where readable) for the page letters, /proc/kpageflags (root) to recognise
 * the zero page. Pure reading: nothing is mapped or touched, so it is safe inside the JVM.
 * <p>
 * A process can exit, or its pid be reused, while its files are read: pagemap then reads as empty and smaps as
 * cut short, which would pass for a real address space. So /proc/PID/stat is read before and after, and the
 * import fails with "exited while it was being read" unless the same process (same start time) is still alive.
 */
public final class ProcImport {
    /**
     * Default cap of page letters per VMA: 64 GiB of address space (16M letters, 16 MB), so that a JVM's heap or a
     * database's buffer pool is imported whole; beyond it the letters are cut and a note says so.
     */
    public static final int DEFAULT_MAX_PAGES = 1 << 24;
    /** Cap of page letters for the whole process (256 GiB of address space, 64 MB of letters). */
    public static final long MAX_TOTAL_PAGES = 1L << 26;
    private static final long KPF_ZERO_PAGE = 1L << 24;

    /** Called after each file of the process is read (a test stops or kills the process there). */
    @FunctionalInterface
    interface Hook {
        void afterRead(String file) throws IOException;
    }

    private final Path proc;
    private final Hook hook;

    ProcImport(Path proc, Hook hook) {
        this.proc = proc;
        this.hook = hook;
    }

    /**
     * @param pid the process id
     * @return its snapshot, with at most {@link #DEFAULT_MAX_PAGES} page letters per VMA
     * @throws ProcImportException when the process does not exist, exits while it is read, or its files are
     *                             unreadable
     */
    public static ProcSnapshot read(long pid) throws ProcImportException {
        return read(pid, DEFAULT_MAX_PAGES);
    }

    /**
     * @param pid      the process id
     * @param maxPages the most page letters per VMA; larger VMAs get a shorter letter string and a note
     * @return its snapshot
     * @throws ProcImportException as {@link #read(long)}
     */
    public static ProcSnapshot read(long pid, int maxPages) throws ProcImportException {
        if (HelperBuild.platformProblem() != null && !Files.isDirectory(Path.of("/proc/self"))) {
            throw new ProcImportException("importing a process needs Linux /proc: " + HelperBuild.platformProblem());
        }
        return new ProcImport(Path.of("/proc"), file -> { }).snapshot(pid, maxPages);
    }

    ProcSnapshot snapshot(long pid, int maxPages) throws ProcImportException {
        if (pid <= 0) {
            throw new ProcImportException("not a process id: " + pid);
        }
        Path dir = proc.resolve(Long.toString(pid));
        if (!Files.isDirectory(dir)) {
            throw new ProcImportException("process " + pid + " does not exist (no " + dir + ")");
        }
        ProcStat before = stat(dir, pid);
        String comm = readSmall(dir.resolve("comm"), pid).strip();
        List<HostVma> raw = smaps(dir, pid);
        if (raw.isEmpty() && before.kernelThread()) {
            throw new ProcImportException("process " + pid + " (" + comm + ") is a kernel thread: it has no user "
                    + "address space to import");
        }
        List<String> notes = new ArrayList<>();
        List<HostVma> vmas = new ArrayList<>(raw.size());
        boolean pagemapRead = false;
        boolean pfnsVisible = false;
        Path pagemap = dir.resolve("pagemap");
        try (FileChannel pm = FileChannel.open(pagemap, StandardOpenOption.READ);
                FileChannel kpf = openOptional(proc.resolve("kpageflags"))) {
            pagemapRead = true;
            Scan scan = new Scan(pm, kpf);
            long budget = MAX_TOTAL_PAGES;
            long overBudget = 0;
            for (HostVma v : raw) {
                long n = Math.min(v.pageCount(), Math.min(maxPages, budget));
                if (n < Math.min(v.pageCount(), maxPages)) {
                    overBudget++;
                } else if (n < v.pageCount()) {
                    notes.add(String.format("%x-%x %s: %d pages, letters only for the first %d", v.start(), v.end(),
                            v.name(), v.pageCount(), n));
                }
                budget -= n;
                vmas.add(new HostVma(v.start(), v.end(), v.perms(), v.offset(), v.name(), v.flags(), v.rssKb(),
                        scan.letters(v.start(), n)));
            }
            if (overBudget > 0) {
                notes.add(overBudget + " VMAs have fewer page letters than pages: at most " + MAX_TOTAL_PAGES
                        + " letters are read for a whole process");
            }
            pfnsVisible = scan.sawPfn;
            if (!scan.sawPfn) {
                notes.add("PFNs are hidden (not root): the zero page reads as 'a' (anon, not exclusive)");
            } else if (kpf == null) {
                notes.add("/proc/kpageflags is unreadable: the zero page reads as 'a'");
            }
        } catch (NoSuchFileException e) {
            throw exited(pid, pagemap);
        } catch (IOException e) {
            if (!alive(dir, before)) {
                throw exited(pid, pagemap);
            }
            notes.add("page letters left out: " + why(pagemap, pid, e));
            vmas.clear();
            vmas.addAll(raw);
            pagemapRead = false;
        }
        after("pagemap");
        if (!alive(dir, before)) {
            throw exited(pid, dir.resolve("smaps"));
        }
        return new ProcSnapshot(pid, comm, kernelRelease(proc), vmas, pagemapRead, pfnsVisible, notes);
    }

    /** How often smaps is read again when the process changed its mappings in the middle of a read. */
    static final int SMAPS_READS = 5;

    /**
     * Reads smaps, again when a read overlaps itself: the kernel shows a live process's VMAs a buffer at a time,
     * and a process that maps or unmaps meanwhile (a JVM, a malloc arena growing) can show a VMA that starts below
     * the end of the one before. A file that still overlaps after {@link #SMAPS_READS} reads is an error.
     */
    private List<HostVma> smaps(Path dir, long pid) throws ProcImportException {
        Path smaps = dir.resolve("smaps");
        List<HostVma> raw = null;
        for (int attempt = 1; raw == null; attempt++) {
            try (BufferedReader in = Files.newBufferedReader(smaps, StandardCharsets.UTF_8)) {
                raw = SmapsReader.parse(in, smaps.toString());
            } catch (SmapsReader.FormatException e) {
                if (!e.overlap() || attempt == SMAPS_READS) {
                    throw new ProcImportException(e.getMessage() + (e.overlap() ? " (read " + attempt + " times: "
                            + "the process kept changing its mappings while smaps was read)" : ""));
                }
                after("smaps, overlapping");
            } catch (IOException e) {
                throw new ProcImportException(why(smaps, pid, e));
            }
        }
        after("smaps");
        return raw;
    }

    private ProcStat stat(Path dir, long pid) throws ProcImportException {
        Path file = dir.resolve("stat");
        ProcStat s = ProcStat.parse(readSmall(file, pid));
        if (s == null) {
            throw new ProcImportException(file + ": not a /proc/PID/stat line");
        }
        if (s.exited()) {
            throw new ProcImportException("process " + pid + " has exited (state " + s.state() + "): its memory is "
                    + "gone");
        }
        return s;
    }

    /** Whether the process read at first is still there: same start time, not a zombie. */
    private boolean alive(Path dir, ProcStat before) {
        try {
            ProcStat now = ProcStat.parse(Files.readString(dir.resolve("stat"), StandardCharsets.UTF_8));
            return now != null && !now.exited() && now.startTime() == before.startTime();
        } catch (IOException e) {
            return false;
        }
    }

    private static ProcImportException exited(long pid, Path reading) {
        return new ProcImportException("process " + pid + " exited while " + reading + " was being read (or its "
                + "pid was reused); nothing was imported");
    }

    private void after(String file) throws ProcImportException {
        try {
            hook.afterRead(file);
        } catch (IOException e) {
            throw new ProcImportException("test hook: " + e.getMessage());
        }
    }

    /** @return the running kernel's release (uname -r), or "unknown" */
    public static String kernelRelease() {
        return kernelRelease(Path.of("/proc"));
    }

    private static String kernelRelease(Path proc) {
        try {
            return Files.readString(proc.resolve("sys/kernel/osrelease")).strip();
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

    private String readSmall(Path p, long pid) throws ProcImportException {
        try {
            String s = Files.readString(p, StandardCharsets.UTF_8);
            after(p.getFileName().toString());
            return s;
        } catch (IOException e) {
            throw new ProcImportException(why(p, pid, e));
        }
    }

    private String why(Path p, long pid, IOException e) {
        if (e instanceof NoSuchFileException || !Files.isDirectory(proc.resolve(Long.toString(pid)))) {
            return "process " + pid + " does not exist (it may have exited)";
        }
        if (e instanceof AccessDeniedException) {
            return "cannot read " + p + ": permission denied (another user's process needs root)";
        }
        return "cannot read " + p + ": " + InputFiles.describe(e);
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
                if (got == 0) {
                    break;                      // fewer than 8 bytes: not a pagemap entry
                }
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
