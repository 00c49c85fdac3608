package org.mmwb.core.mm;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Bad input never throws: every syscall gets extreme addresses and lengths (0, unaligned, around TASK_SIZE,
 * wrapping past 2^64, the top of the canonical space) in random order, and must answer with a value or -errno
 * while the invariants hold (mm/mmap.c do_mmap, mm/vma.c do_vmi_munmap, mm/mprotect.c, mm/mremap.c
 * check_mremap_params, mm/madvise.c, mm/mlock.c, mm/mseal.c, brk).
 */
class SyscallEdgeFuzzTest {
    private static final long P = 4096;

    private static final int[] FLAGS = {MapFlags.FIXED, MapFlags.FIXED_NOREPLACE, MapFlags.GROWSDOWN,
        MapFlags.LOCKED, MapFlags.POPULATE, MapFlags.NORESERVE, MapFlags.STACK, 0};

    private static long pick(Random r, Sim s, List<Long> known) {
        long ts = s.t.mm().taskSize();
        long[] fixed = {0, 1, P, P - 1, 0x10000, ts, ts - P, ts - 2 * P, ts + P, -P, -1L, Long.MAX_VALUE,
            Long.MIN_VALUE, 1L << 47, (1L << 47) - P, 0xffffffffff600000L, Sim.BASE, Sim.BASE + 3 * P,
            0x7fffffffe000L, -2 * P};
        return switch (r.nextInt(4)) {
            case 0 -> fixed[r.nextInt(fixed.length)];
            case 1 -> known.isEmpty() ? Sim.BASE : known.get(r.nextInt(known.size())) + (r.nextInt(5) - 2) * P;
            case 2 -> Sim.BASE + r.nextInt(64) * P + (r.nextInt(8) == 0 ? 1 : 0);
            default -> fixed[r.nextInt(fixed.length)] - r.nextInt(3) * P;
        };
    }

    private static long len(Random r, Sim s) {
        long[] lens = {0, 1, P, 2 * P, 3 * P + 1, 1L << 21, -P, -1L, Long.MAX_VALUE, s.t.mm().taskSize(),
            s.t.mm().taskSize() + P, 1L << 47, 16 * P};
        return r.nextBoolean() ? lens[r.nextInt(lens.length)] : (1 + r.nextInt(16)) * P;
    }

    @Test
    void extremeArgumentsGiveErrnosNeverExceptions() {
        for (int seed = 0; seed < 40; seed++) {
            Random r = new Random(seed);
            Sim s = new Sim();
            List<Long> known = new java.util.ArrayList<>();
            MemFile file = s.k.memfd("f", (1 + r.nextInt(8)) * P + (r.nextBoolean() ? 100 : 0));
            java.util.ArrayDeque<String> recent = new java.util.ArrayDeque<>();
            for (int i = 0; i < 300; i++) {
                long a = pick(r, s, known);
                long l = len(r, s);
                int op = r.nextInt(15);
                // populating (MAP_POPULATE, MAP_LOCKED, mlock) touches every page: small ranges only (memory)
                boolean small = Long.compareUnsigned(l, 1 << 22) <= 0;
                long l2 = len(r, s);
                long a2 = pick(r, s, known);
                int bits = r.nextInt(8);
                String what = "seed " + seed + " op " + op + " i " + i + " addr 0x" + Long.toHexString(a) + " len 0x"
                    + Long.toHexString(l) + (op == 4 ? " newlen 0x" + Long.toHexString(l2) + " flags " + bits
                    + " to 0x" + Long.toHexString(a2) : "");
                try {
                    long res = switch (op) {
                        case 0 -> s.k.mmap(s.t, a, l, r.nextInt(8), MapFlags.PRIVATE | MapFlags.ANONYMOUS
                            | (r.nextBoolean() ? MapFlags.FIXED : 0), null, 0);
                        case 1 -> s.k.mmap(s.t, a, l, Sim.RW, MapFlags.SHARED | MapFlags.ANONYMOUS
                            | (r.nextBoolean() ? MapFlags.FIXED : 0), null, 0);
                        case 2 -> s.k.munmap(s.t, a, l);
                        case 3 -> s.k.mprotect(s.t, a, l, r.nextInt(8));
                        case 4 -> s.k.mremap(s.t, a, l, l2, bits, a2);
                        // guard markers and populate touch every page: only on small ranges (memory, not semantics)
                        case 5 -> s.k.madvise(s.t, a, l, Long.compareUnsigned(l, 1 << 22) <= 0
                            ? new int[] {Madvise.GUARD_INSTALL, Madvise.POPULATE_WRITE}[r.nextInt(2)]
                            : new int[] {Madvise.DONTNEED, Madvise.FREE, Madvise.HUGEPAGE, Madvise.GUARD_REMOVE,
                                Madvise.DONTFORK, Madvise.WIPEONFORK}[r.nextInt(6)]);
                        case 6 -> small ? s.k.mlock(s.t, a, l) : s.k.munlock(s.t, a, l);
                        case 7 -> s.k.munlock(s.t, a, l);
                        case 8 -> s.k.mseal(s.t, a, l);
                        case 9 -> s.k.brk(s.t, a);
                        case 10 -> s.k.write(s.t, a, (byte) 1);
                        case 12 -> s.k.mmap(s.t, a, l, r.nextInt(8), (r.nextBoolean() ? MapFlags.SHARED
                            : MapFlags.PRIVATE) | (r.nextBoolean() ? MapFlags.FIXED : 0), file,
                            pick(r, s, known) & (r.nextBoolean() ? ~0xfffL : -1L));
                        case 13 -> s.k.mmap(s.t, a, l, r.nextInt(8), MapFlags.PRIVATE | MapFlags.ANONYMOUS
                            | ((FLAGS[r.nextInt(FLAGS.length)] | FLAGS[r.nextInt(FLAGS.length)])
                                & (small ? -1 : ~(MapFlags.POPULATE | MapFlags.LOCKED))), null, 0);
                        case 14 -> {
                            Task c = s.k.fork(s.t);
                            if (c != null && r.nextBoolean()) {
                                s.k.exit(s.t);
                                s.t = c;
                            }
                            yield 0;
                        }
                        default -> s.k.read(s.t, a);
                    };
                    recent.addLast(what + " -> " + res);
                    if (recent.size() > 12) {
                        recent.removeFirst();
                    }
                    if (op <= 1 && res > 0) {
                        known.add(res);
                    }
                } catch (RuntimeException e) {
                    fail(what + ": " + e + "\nafter " + String.join("\n", recent), e);
                }
                List<String> errs = s.k.checkInvariants();
                assertTrue(errs.isEmpty(), () -> what + ": " + errs);
            }
        }
    }

    /** check_brk_limits: a break past TASK_SIZE (or wrapping) is refused, brk returns the old break. */
    @Test
    void brkPastTaskSizeKeepsTheOldBreak() {
        Sim s = new Sim();
        long cur = s.k.brk(s.t, 0);
        org.junit.jupiter.api.Assertions.assertEquals(cur, s.k.brk(s.t, 0xffffffffffffe000L));
        org.junit.jupiter.api.Assertions.assertEquals(cur, s.k.brk(s.t, -1L));
        s.invariants();
    }

    /** madvise/mprotect/mlock/mseal with an end past 2^63: the walk sees the hole above the VMAs (-ENOMEM). */
    @Test
    void rangesEndingPast2to63AreEnomemNotExceptions() {
        Sim s = new Sim();
        long a = s.fixed(Sim.BASE, 2, Sim.RW);
        s.w(a);
        org.junit.jupiter.api.Assertions.assertEquals("ENOMEM", Sim.err(s.k.madvise(s.t, a, Long.MAX_VALUE,
            Madvise.DONTNEED)));
        org.junit.jupiter.api.Assertions.assertEquals("..", s.pages(a), "the mapped part was still advised");
        org.junit.jupiter.api.Assertions.assertEquals("ENOMEM", Sim.err(s.k.mprotect(s.t, a, Long.MAX_VALUE, 0)));
        org.junit.jupiter.api.Assertions.assertEquals("ENOMEM", Sim.err(s.k.mlock(s.t, a, Long.MAX_VALUE)));
        org.junit.jupiter.api.Assertions.assertEquals("ENOMEM", Sim.err(s.k.mseal(s.t, a, Long.MAX_VALUE)));
        org.junit.jupiter.api.Assertions.assertEquals("ENOMEM", Sim.err(s.k.mprotect(s.t, 0xffffffffff600000L, P,
            0)));
        s.invariants();
    }

    /** shmem page indexes beyond 2^31 (a shared mapping of most of the address space) are page-cache keys too. */
    @Test
    void farShmemPagesFaultIn() {
        Sim s = new Sim();
        long ts = s.t.mm().taskSize();
        long a = s.check(s.k.mmap(s.t, 0x10000, ts - 0x20000, Sim.RW, MapFlags.SHARED | MapFlags.ANONYMOUS
            | MapFlags.FIXED | MapFlags.NORESERVE, null, 0));
        org.junit.jupiter.api.Assertions.assertEquals(0x10000, a);
        long far = ts - 0x20000;
        org.junit.jupiter.api.Assertions.assertEquals(0, s.k.write(s.t, far, (byte) 9));
        org.junit.jupiter.api.Assertions.assertEquals(9, s.k.read(s.t, far));
        s.invariants();
    }
}
