package org.mmwb.core.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential test against the live kernel: replays pseudo-random syscall sequences that were recorded on
 * Linux 6.18 (hostreplay/replay-gen.c; see RECORDED-ON.txt) and compares, step by step, each result, the VMAs
 * of the window with their smaps VmFlags, and the pagemap letter of each page. Covers the merge/split rules of
 * mm/vma.c, mprotect_fixup, madvise (guards, populate, dontneed), mremap (multi-VMA moves, DONTUNMAP,
 * self-merge of unfaulted VMAs), mlock and the fault path, including fault-around of shmem pages.
 */
class HostReplayTest {
    private static final long P = 4096;
    private static final int N = 48;
    private static final long B = 0x200000000L;
    private static final int[] PROTS = {1, 3, 0, 5, 3};
    private static final int[] ADVICE = {Madvise.DONTNEED, Madvise.GUARD_INSTALL, Madvise.GUARD_REMOVE,
        Madvise.DONTFORK, Madvise.WIPEONFORK, Madvise.HUGEPAGE, Madvise.POPULATE_READ, Madvise.POPULATE_WRITE,
        Madvise.NOHUGEPAGE, Madvise.DOFORK};

    private long x;
    private Kernel k;
    private Task t;
    private MemFile file;
    private int forks;

    /** The generator's LCG (Knuth MMIX constants), high bits. */
    private int rnd(int n) {
        x = x * 6364136223846793005L + 1442695040888963407L;
        return (int) Long.remainderUnsigned(x >>> 33, n);
    }

    private static String en(long r) {
        return r < 0 ? Errno.name(r) : "ok";
    }

    private void dump(List<String> out) {
        for (VmaSnapshot s : k.snapshot(t)) {
            if (!s.gate() && s.start() < B + N * P && s.end() > B) {
                out.add(String.format("  %x-%x %s %s", s.start(), s.end(), s.perms(),
                    VmFlags.smapsLine(s.vmFlags()).stripTrailing()));
            }
        }
        StringBuilder sb = new StringBuilder("  pages ");
        for (int i = 0; i < N; i++) {
            sb.append(k.pageState(t, B + i * P));
        }
        out.add(sb.toString());
    }

    /** One step, as replay-gen.c (replay-gen-fork.c when a file exists) does it; appends result and dump. */
    private void step(int s, List<String> out) {
        int op = rnd(file != null ? 110 : 100);
        int ai = rnd(N);
        int len = 1 + rnd(8);
        long ad = B + ai * P;
        if (op >= 108) {
            if (forks < 3) {
                t = k.fork(t);
                forks++;
            }
            out.add(s + " fork");
        } else if (op >= 100) {
            int pr = PROTS[rnd(5)];
            int sh = rnd(2);
            int off = rnd(20);
            long r = k.mmap(t, ad, len * P, pr, MapFlags.FIXED | (sh == 1 ? MapFlags.SHARED : MapFlags.PRIVATE),
                file, off * P);
            out.add(String.format("%d mmapf %d %d prot%d sh%d off%d: %s", s, ai, len, pr, sh, off, en(r)));
        } else if (op < 20) {
            int pr = PROTS[rnd(5)];
            boolean sh = rnd(5) == 0;
            boolean nr = rnd(4) == 0;
            int fl = MapFlags.FIXED | MapFlags.ANONYMOUS | (sh ? MapFlags.SHARED : MapFlags.PRIVATE)
                | (nr ? MapFlags.NORESERVE : 0);
            long r = k.mmap(t, ad, len * P, pr, fl, null, 0);
            out.add(String.format("%d mmap %d %d prot%d fl%x: %s", s, ai, len, pr, fl, en(r)));
        } else if (op < 30) {
            out.add(String.format("%d munmap %d %d: %s", s, ai, len, en(k.munmap(t, ad, len * P))));
        } else if (op < 45) {
            int pr = PROTS[rnd(5)];
            out.add(String.format("%d mprotect %d %d %d: %s", s, ai, len, pr, en(k.mprotect(t, ad, len * P, pr))));
        } else if (op < 58) {
            int adv = ADVICE[rnd(10)];
            out.add(String.format("%d madvise %d %d %d: %s", s, ai, len, adv, en(k.madvise(t, ad, len * P, adv))));
        } else if (op < 66) {
            int kind = rnd(3);
            int to = rnd(N);
            int nl = 1 + rnd(8);
            int move = MapFlags.MREMAP_MAYMOVE | MapFlags.MREMAP_FIXED;
            long r = switch (kind) {
                case 0 -> k.mremap(t, ad, len * P, len * P, move, B + to * P);
                case 1 -> k.mremap(t, ad, len * P, nl * P, 0, 0);
                default -> k.mremap(t, ad, len * P, len * P, move | MapFlags.MREMAP_DONTUNMAP, B + to * P);
            };
            out.add(String.format("%d mremap%d %d %d %d %d: %s", s, kind, ai, len, to, nl, en(r)));
        } else if (op < 70) {
            boolean lock = rnd(2) == 1;
            long r = lock ? k.mlock(t, ad, len * P) : k.munlock(t, ad, len * P);
            out.add(String.format("%d mlock %d %d: %s", s, ai, len, en(r)));
        } else {
            boolean w = rnd(2) == 1;
            int r = w ? k.write(t, ad, (byte) 'Z') : k.access(t, ad, Kernel.ACCESS_READ);
            out.add(String.format("%d touch %d %c: %s", s, ai, w ? 'w' : 'r', Signals.describe(r)));
        }
        dump(out);
    }

    private static List<String> golden(String name) throws IOException {
        InputStream in = HostReplayTest.class.getResourceAsStream("hostreplay/" + name + ".txt.gz");
        assertNotNull(in, "golden file " + name);
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                StandardCharsets.US_ASCII))) {
            for (String l; (l = r.readLine()) != null;) {
                lines.add(l);
            }
        }
        return lines;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void replayMatchesTheHostKernel(int seed) throws IOException {
        replay(seed, false);
    }

    /** With memfd mappings (page cache, fault-around, SIGBUS past EOF, COW of file pages) and forks. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void replayWithFilesAndForkMatchesTheHostKernel(int seed) throws IOException {
        replay(seed, true);
    }

    private void replay(int seed, boolean filesAndFork) throws IOException {
        List<String> want = golden((filesAndFork ? "seedF" : "seed") + seed);
        x = seed;
        k = new Kernel(new KernelProfile("test", 4, 0x555555559000L, 33, List.of(), false));
        t = k.spawn();
        if (filesAndFork) {
            file = k.memfd("f", 16 * P);
            for (int i = 0; i < 16; i++) {
                k.pwrite(file, i * P, (byte) ('A' + i));
            }
        }
        List<String> got = new ArrayList<>();
        int steps = 0;
        for (String l : want) {
            if (!l.startsWith(" ")) {
                steps++;
            }
        }
        for (int n = 0; n < steps; n++) {
            int s = n;
            int from = got.size();
            step(s, got);
            for (int i = from; i < got.size(); i++) {
                int line = i;
                assertTrue(i < want.size(), "more output than the host at step " + s);
                assertEquals(want.get(i), got.get(i), () -> "seed " + seed + " step " + s + " (line " + (line + 1)
                    + ")\nhost:\n" + String.join("\n", want.subList(from, Math.min(want.size(), line + 3)))
                    + "\nsim:\n" + String.join("\n", got.subList(from, got.size())));
            }
            List<String> errs = k.checkInvariants();
            assertTrue(errs.isEmpty(), () -> "invariants after step " + s + ": " + errs);
        }
        assertEquals(want.size(), got.size());
    }
}
