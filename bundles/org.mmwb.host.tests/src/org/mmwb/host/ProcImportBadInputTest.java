package org.mmwb.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import PID} when /proc does not hold still: a fake /proc root whose files vanish or change between reads
 * (through {@link ProcImport.Hook}), malformed smaps, a million VMAs, and a real child process killed between
 * two reads. Each ends in one message naming the process or the file and line, or in a correct snapshot.
 */
class ProcImportBadInputTest {
    private static final long PID = 4242;
    private static final String STAT = PID + " (fake (x) y) S 1 4242 4242 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 "
        + "777 0 0 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0";
    private static final String SMAPS = """
        555555554000-555555556000 r--p 00000000 fe:00 12                         /usr/bin/fake
        Size:                  8 kB
        Rss:                   8 kB
        THPeligible:           0
        VmFlags: rd mr mw me
        7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]
        Size:                132 kB
        Rss:                   4 kB
        VmFlags: rd wr mr mw me gd ac
        """;

    @TempDir
    Path root;
    private Path dir;

    @BeforeEach
    void fakeProc() throws IOException {
        dir = Files.createDirectories(root.resolve(Long.toString(PID)));
        Files.writeString(dir.resolve("stat"), STAT + "\n");
        Files.writeString(dir.resolve("comm"), "fake\n");
        Files.writeString(dir.resolve("smaps"), SMAPS);
        Files.createDirectories(root.resolve("sys/kernel"));
        Files.writeString(root.resolve("sys/kernel/osrelease"), "6.18.44-fake\n");
        // pagemap: the stack's last page present and exclusive (bits 63 and 56), PFN hidden
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("pagemap").toFile(), "rw")) {
            f.seek((0x7fffffffe000L >>> 12) * 8);
            f.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(PageLetter.PM_PRESENT | PageLetter.PM_MMAP_EXCLUSIVE).array());
        }
    }

    private ProcSnapshot read(ProcImport.Hook hook) throws ProcImportException {
        return new ProcImport(root, hook).snapshot(PID, ProcImport.DEFAULT_MAX_PAGES);
    }

    private String error(ProcImport.Hook hook) {
        return assertThrows(ProcImportException.class, () -> read(hook)).getMessage();
    }

    @Test
    void aStillFakeProcessImports() throws Exception {
        ProcSnapshot s = read(f -> { });
        assertEquals("fake", s.comm());
        assertEquals("6.18.44-fake", s.kernelRelease());
        assertEquals(2, s.vmas().size());
        assertEquals("..", s.vmas().get(0).pages());
        assertEquals(".".repeat(32) + "A", s.vmas().get(1).pages());
        assertEquals(java.util.List.of("rd", "wr", "mr", "mw", "me", "gd", "ac"), s.vmas().get(1).flags());
    }

    @Test
    void filesThatVanishOrChangeMidReadMeanTheProcessExited() throws Exception {
        String exited = "process " + PID + " exited while ";
        // the whole directory goes after smaps was read (the process exited and was reaped)
        String m = error(f -> {
            if (f.equals("smaps")) {
                delete(dir);
            }
        });
        assertEquals(exited + dir.resolve("pagemap") + " was being read (or its pid was reused); nothing was imported",
            m);
        // the pid was reused: another start time
        fakeProc();
        m = error(f -> {
            if (f.equals("pagemap")) {
                Files.writeString(dir.resolve("stat"), STAT.replace(" 777 ", " 778 "));
            }
        });
        assertTrue(m.startsWith(exited), m);
        // a zombie: still listed, its memory gone (pagemap reads as empty then)
        fakeProc();
        m = error(f -> {
            if (f.equals("comm")) {
                Files.writeString(dir.resolve("stat"), STAT.replace(") S ", ") Z "));
            }
        });
        assertTrue(m.startsWith(exited), m);
        // smaps vanishes after stat and comm were read
        fakeProc();
        m = error(f -> {
            if (f.equals("comm")) {
                Files.delete(dir.resolve("smaps"));
                delete(dir);
            }
        });
        assertEquals("process " + PID + " does not exist (it may have exited)", m);
        // an exited process before the import starts
        fakeProc();
        Files.writeString(dir.resolve("stat"), STAT.replace(") S ", ") Z "));
        assertEquals("process " + PID + " has exited (state Z): its memory is gone", error(f -> { }));
    }

    private static void delete(Path d) throws IOException {
        try (var files = Files.list(d)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(d);
    }

    /** A VMA that starts below the end of the one before, as a live smaps read shows when mappings change. */
    private static final String OVERLAPPING = SMAPS.replace("7ffffffde000-7ffffffff000", "555555555000-555555557000");

    @Test
    void aReadThatOverlapsItselfIsReadAgain() throws Exception {
        Path smaps = dir.resolve("smaps");
        Files.writeString(smaps, OVERLAPPING);
        int[] reads = { 0 };
        ProcSnapshot s = read(f -> {
            if (f.equals("smaps, overlapping") && ++reads[0] == 2) {
                Files.writeString(smaps, SMAPS);
            }
        });
        assertEquals(2, reads[0]);
        assertEquals(2, s.vmas().size());
        assertEquals(0x7ffffffde000L, s.vmas().get(1).start());

        Files.writeString(smaps, OVERLAPPING);
        String e = error(f -> { });
        assertTrue(e.startsWith(smaps + ":6: not a VMA the kernel can have"), e);
        assertTrue(e.endsWith("(read " + ProcImport.SMAPS_READS + " times: the process kept changing its mappings "
                + "while smaps was read)"), e);
    }

    @Test
    void malformedProcFilesNameTheFileAndLine() throws Exception {
        Path smaps = dir.resolve("smaps");
        Files.writeString(smaps, SMAPS.replace("Rss:                   4 kB", "Rss: lots"));
        assertEquals(smaps + ":8: not an Rss line: 'Rss: lots'", error(f -> { }));
        Files.writeString(smaps, SMAPS.replace("7ffffffde000-7ffffffff000", "7ffffffff000-7ffffffde000"));
        assertTrue(error(f -> { }).startsWith(smaps + ":6: not a VMA the kernel can have"), error(f -> { }));
        Files.writeString(smaps, SMAPS.substring(0, 40) + "\n");
        assertEquals(smaps + ":1: not an smaps line: '" + SMAPS.substring(0, 40) + "'", error(f -> { }));
        Files.write(smaps, new byte[] { 0x55, (byte) 0xff, (byte) 0xfe, '\n' });
        assertEquals("cannot read " + smaps + ": not UTF-8 text (binary data?)", error(f -> { }));
        Files.writeString(smaps, SMAPS);
        Files.writeString(dir.resolve("stat"), "4242 (fake");
        assertEquals(dir.resolve("stat") + ": not a /proc/PID/stat line", error(f -> { }));
        Files.writeString(dir.resolve("stat"), STAT.replace(" 4194560 ", " " + (4194560 | 0x00200000) + " "));
        Files.writeString(smaps, "");
        assertEquals("process " + PID + " (fake) is a kernel thread: it has no user address space to import",
            error(f -> { }));
    }

    /** A million VMAs (max_map_count raised): smaps is read line by line, a few hundred bytes per VMA kept. */
    @Test
    void aMillionVmasImportInBoundedTimeAndMemory() throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("smaps"))) {
            for (long i = 0; i < 1_000_000; i++) {
                long start = 0x100000000000L + i * 0x2000;
                w.write(Long.toHexString(start) + "-" + Long.toHexString(start + 0x1000)
                    + " rw-p 00000000 00:00 0 \nSize:                  4 kB\nRss:                   4 kB\n"
                    + "VmFlags: rd wr mr mw me ac\n");
            }
        }
        ProcSnapshot s = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> read(f -> { }));
        assertEquals(1_000_000, s.vmas().size());
        assertEquals(".", s.vmas().get(999_999).pages());
        assertTrue(s.vmas().get(0).flags() == s.vmas().get(999_999).flags(), "equal VmFlags lists are shared");
    }

    /** A real process killed between two reads (the test hook runs between smaps and pagemap, and after). */
    @Test
    void aChildKilledWhileItIsReadIsAClearMessage() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "skipped: no Linux /proc");
        for (String when : new String[] { "smaps", "pagemap" }) {
            Process child = new ProcessBuilder("sleep", "60").start();
            try {
                ProcImport im = new ProcImport(Path.of("/proc"), f -> {
                    if (f.equals(when)) {
                        child.destroyForcibly();
                        try {
                            child.waitFor(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            throw new IOException(e);
                        }
                    }
                });
                String m = assertThrows(ProcImportException.class, () -> im.snapshot(child.pid(), 4096)).getMessage();
                assertTrue(m.startsWith("process " + child.pid() + " exited while /proc/" + child.pid() + "/"), m);
            } finally {
                child.destroyForcibly();
            }
        }
        // the same child, left alone, imports
        Process child = new ProcessBuilder("sleep", "60").start();
        try {
            ProcSnapshot s = ProcImport.read(child.pid(), 4096);
            assertTrue(s.vmas().stream().anyMatch(v -> v.name().equals("[stack]")), s.vmas().toString());
        } finally {
            child.destroyForcibly();
        }
    }
}
