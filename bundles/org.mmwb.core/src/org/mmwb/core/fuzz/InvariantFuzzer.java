package org.mmwb.core.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.KernelProfile;
import org.mmwb.core.mm.Madvise;
import org.mmwb.core.mm.MapFlags;
import org.mmwb.core.mm.MemFile;
import org.mmwb.core.mm.Task;

/**
 * Invariant fuzzing of the engine alone: random system calls and accesses across many processes (fork, exit,
 * mmap of every flag, munmap, mprotect, mremap, madvise, mlock, mlockall, mseal, brk, limits and sysctls), with
 * {@link Kernel#checkInvariants()} after every {@code checkEvery} operations. The same seed gives the same
 * operations and the same result. It stops at the first break and reports the operations that led to it.
 */
public final class InvariantFuzzer {

    /** Where fixed mappings go: 512 pages, so that operations meet each other's VMAs often. */
    static final long WINDOW = 0x100000000000L;
    static final long WINDOW_PAGES = 512;
    static final long PAGE = 4096;
    private static final int[] ADVICE = {Madvise.DONTNEED, Madvise.FREE, Madvise.DONTFORK, Madvise.DOFORK,
        Madvise.WIPEONFORK, Madvise.KEEPONFORK, Madvise.POPULATE_READ, Madvise.POPULATE_WRITE, Madvise.HUGEPAGE,
        Madvise.NOHUGEPAGE, Madvise.GUARD_INSTALL, Madvise.GUARD_REMOVE, Madvise.WILLNEED, Madvise.COLD};

    /**
     * The outcome of a run.
     *
     * @param seed       the seed
     * @param ops        operations run
     * @param checks     invariant checks run
     * @param forks      processes created by fork
     * @param maxLive    the most processes alive at once
     * @param breaks     the invariant violations of the first failing check (empty: none)
     * @param lastOps    the operations before the break (at most 64), empty without a break
     * @param counts     operations by kind
     * @param nanos      wall time
     */
    public record Result(long seed, long ops, long checks, long forks, int maxLive, List<String> breaks,
            List<String> lastOps, Map<String, Long> counts, long nanos) {
    }

    private final SplittableRandom rnd;
    private final long seed;
    private final int maxProcs;
    private Kernel kernel;
    private final List<Task> live = new ArrayList<>();
    private final List<MemFile> files = new ArrayList<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final String[] recent = new String[64];
    private long done;
    private long forks;
    private int maxLive;

    /**
     * @param seed     the seed
     * @param maxProcs the most processes alive at once
     */
    public InvariantFuzzer(long seed, int maxProcs) {
        this.seed = seed;
        this.rnd = new SplittableRandom(seed);
        this.maxProcs = Math.max(1, maxProcs);
    }

    /**
     * Runs {@code ops} operations. Every {@code opsPerMachine} operations the machine is replaced by a fresh one
     * (so a run covers many process trees and memory layouts, and memory stays bounded).
     */
    public Result run(long ops, int checkEvery, long opsPerMachine) {
        long t0 = System.nanoTime();
        long checks = 0;
        for (long i = 0; i < ops; i++) {
            if (kernel == null || i % opsPerMachine == 0) {
                fresh();
            }
            step();
            done++;
            if ((i + 1) % checkEvery == 0 || i == ops - 1) {
                checks++;
                List<String> errs = kernel.checkInvariants();
                if (!errs.isEmpty()) {
                    return new Result(seed, done, checks, forks, maxLive, errs, recentOps(), counts,
                            System.nanoTime() - t0);
                }
            }
        }
        return new Result(seed, done, checks, forks, maxLive, List.of(), List.of(), counts, System.nanoTime() - t0);
    }

    private void fresh() {
        kernel = new Kernel(new KernelProfile("fuzz", rnd.nextInt(4) == 0 ? 5 : 4, 0x555555559000L, 33, List.of(), false),
                4096);
        live.clear();
        files.clear();
        live.add(kernel.spawn());
        for (int i = 0; i < 3; i++) {
            files.add(kernel.memfd("f" + i, (16 + rnd.nextInt(64)) * PAGE));
        }
    }

    private List<String> recentOps() {
        List<String> out = new ArrayList<>();
        for (long i = Math.max(0, done - recent.length); i < done; i++) {
            out.add(recent[(int) (i % recent.length)]);
        }
        return out;
    }

    private void note(String op, String text, long result) {
        counts.merge(op, 1L, Long::sum);
        recent[(int) (done % recent.length)] = text + " -> " + result;
    }

    private long addr() {
        return WINDOW + rnd.nextLong(WINDOW_PAGES) * PAGE;
    }

    private long len() {
        return (1 + (rnd.nextInt(4) == 0 ? rnd.nextLong(64) : rnd.nextLong(8))) * PAGE;
    }

    private void step() {
        live.removeIf(t -> !t.alive());
        if (live.isEmpty()) {
            live.add(kernel.spawn());
        }
        maxLive = Math.max(maxLive, live.size());
        Task t = live.get(rnd.nextInt(live.size()));
        int p = t.pid();
        int r = rnd.nextInt(1000);
        if (r < 180) {
            mmap(t);
        } else if (r < 260) {
            long a = addr();
            long n = len();
            note("munmap", p + " munmap " + hex(a) + " " + n, kernel.munmap(t, a, n));
        } else if (r < 380) {
            long a = addr();
            long n = len();
            int prot = rnd.nextInt(8);
            note("mprotect", p + " mprotect " + hex(a) + " " + n + " " + prot, kernel.mprotect(t, a, n, prot));
        } else if (r < 450) {
            mremap(t);
        } else if (r < 540) {
            long a = addr();
            long n = len();
            int adv = ADVICE[rnd.nextInt(ADVICE.length)];
            note("madvise", p + " madvise " + hex(a) + " " + n + " " + adv, kernel.madvise(t, a, n, adv));
        } else if (r < 570) {
            long a = addr();
            long n = len();
            int all = rnd.nextInt(12);
            if (all < 2) {
                // flags 0..7: 0 and 4 (MCL_ONFAULT alone) are EINVAL; MCL_FUTURE locks and populates later mappings
                int flags = rnd.nextInt(8);
                note(all == 0 ? "mlockall" : "munlockall", p + (all == 0 ? " mlockall " + flags : " munlockall"),
                        all == 0 ? kernel.mlockall(t, flags) : kernel.munlockall(t));
                return;
            }
            if (all == 2 && rnd.nextInt(8) == 0) {
                note("capdrop", p + " capdrop CAP_IPC_LOCK", kernel.setCapIpcLock(t, false));
                return;
            }
            boolean lock = rnd.nextBoolean();
            note(lock ? "mlock" : "munlock", p + (lock ? " mlock " : " munlock ") + hex(a) + " " + n,
                    lock ? kernel.mlock2(t, a, n, rnd.nextInt(4) == 0 ? MapFlags.MLOCK_ONFAULT : 0)
                            : kernel.munlock(t, a, n));
        } else if (r < 572) {
            long a = addr();
            long n = len();
            note("mseal", p + " mseal " + hex(a) + " " + n, kernel.mseal(t, a, n));
        } else if (r < 600) {
            long cur = kernel.brk(t, 0);
            long target = cur + (rnd.nextLong(33) - 16) * PAGE;
            note("brk", p + " brk " + hex(target), kernel.brk(t, target));
        } else if (r < 900) {
            long a = rnd.nextInt(20) == 0 ? kernel.mmap(t, 0, PAGE, 3, MapFlags.PRIVATE | MapFlags.ANONYMOUS, null, 0)
                    : addr();
            int kind = rnd.nextInt(3);
            if (kind == 1 && rnd.nextBoolean()) {
                note("write", p + " write " + hex(a), kernel.write(t, a, (byte) rnd.nextInt(256)));
            } else {
                note("access", p + " access " + hex(a) + " " + kind, kernel.access(t, a, kind));
            }
        } else if (r < 930) {
            if (live.size() < maxProcs) {
                Task c = kernel.fork(t);
                if (c != null) {
                    live.add(c);
                    forks++;
                }
                note("fork", p + " fork", c == null ? -12 : c.pid());
            } else {
                note("fork", p + " fork (skipped: " + maxProcs + " live)", 0);
            }
        } else if (r < 950) {
            if (live.size() > 1) {
                note("exit", p + " exit", kernel.exit(t));
            } else {
                note("exit", p + " exit (skipped: last process)", 0);
            }
        } else if (r < 975) {
            limits(t);
        } else {
            long a = addr();
            note("touch", p + " touch " + hex(a), kernel.touch(t, a, len(), rnd.nextInt(2)).length);
        }
    }

    private void mmap(Task t) {
        boolean shared = rnd.nextInt(4) == 0;
        MemFile f = rnd.nextInt(3) == 0 ? files.get(rnd.nextInt(files.size())) : null;
        int flags = shared ? MapFlags.SHARED : MapFlags.PRIVATE;
        if (f == null) {
            flags |= MapFlags.ANONYMOUS;
        }
        int how = rnd.nextInt(10);
        long a = how < 7 ? addr() : how < 9 ? 0 : addr() + (1L << 40);
        if (how < 6) {
            flags |= MapFlags.FIXED;
        } else if (how == 6) {
            flags |= MapFlags.FIXED_NOREPLACE;
        }
        int extra = rnd.nextInt(20);
        if (extra == 0) {
            flags |= MapFlags.POPULATE;
        } else if (extra == 1) {
            flags |= MapFlags.LOCKED;
        } else if (extra == 2) {
            flags |= MapFlags.GROWSDOWN;
        } else if (extra < 6) {
            flags |= MapFlags.NORESERVE;
        }
        long n = len();
        long off = f == null ? 0 : rnd.nextLong(8) * PAGE;
        int prot = rnd.nextInt(8);
        long r = kernel.mmap(t, a, n, prot, flags, f, off);
        note("mmap", t.pid() + " mmap " + hex(a) + " " + n + " " + prot + " " + hex(flags) + (f == null ? "" : " file")
                + " " + off, r);
    }

    private void mremap(Task t) {
        long a = addr();
        long oldLen = len();
        long newLen = len();
        int flags = 0;
        long newAddr = 0;
        switch (rnd.nextInt(4)) {
            case 0 -> { }
            case 1 -> flags = MapFlags.MREMAP_MAYMOVE;
            case 2 -> {
                flags = MapFlags.MREMAP_MAYMOVE | MapFlags.MREMAP_FIXED;
                newAddr = addr();
            }
            default -> {
                flags = MapFlags.MREMAP_MAYMOVE | MapFlags.MREMAP_DONTUNMAP;
                newLen = oldLen;
                newAddr = rnd.nextBoolean() ? addr() : 0;
                if (newAddr != 0) {
                    flags |= MapFlags.MREMAP_FIXED;
                }
            }
        }
        note("mremap", t.pid() + " mremap " + hex(a) + " " + oldLen + " " + newLen + " " + flags + " " + hex(newAddr),
                kernel.mremap(t, a, oldLen, newLen, flags, newAddr));
    }

    /** Limits the paths must respect: a low vm.max_map_count, RLIMIT_AS/DATA, overcommit policies. */
    private void limits(Task t) {
        switch (rnd.nextInt(4)) {
            case 0 -> {
                long v = rnd.nextBoolean() ? 65530 : 8 + rnd.nextInt(64);
                note("sysctl", "sysctl max_map_count " + v, kernel.setSysctl("max_map_count", v));
            }
            case 1 -> {
                long v = rnd.nextInt(3);
                note("sysctl", "sysctl overcommit_memory " + v, kernel.setSysctl("overcommit_memory", v));
            }
            case 2 -> {
                int res = rnd.nextBoolean() ? 9 : 2; // RLIMIT_AS, RLIMIT_DATA
                long v = rnd.nextInt(3) == 0 ? -1 : (64 + rnd.nextLong(4096)) * PAGE;
                note("setrlimit", t.pid() + " setrlimit " + res + " " + v, kernel.setrlimit(t, res, v, v));
            }
            default -> {
                long v = rnd.nextBoolean() ? -1 : (1 + rnd.nextLong(64)) * PAGE;
                note("setrlimit", t.pid() + " setrlimit stack " + v, kernel.setrlimit(t, 3, v, v));
            }
        }
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
