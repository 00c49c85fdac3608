package org.mmwb.core.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** Test helper: a kernel with a plain profile (no special mappings unless given) and short syscall forms. */
final class Sim {
    static final long PAGE = 4096;
    static final int RW = Prot.READ | Prot.WRITE;
    static final int ANON = MapFlags.PRIVATE | MapFlags.ANONYMOUS;
    static final int FIXED = ANON | MapFlags.FIXED;
    /** A quiet spot for fixed mappings, far from mmap_base and the stack. */
    static final long BASE = 0x200000000L;

    final Kernel k;
    Task t;

    Sim(SpecialMappingProvider... providers) {
        this(false, providers);
    }

    Sim(boolean timens, SpecialMappingProvider... providers) {
        k = new Kernel(new KernelProfile("test", 4, 0x555555559000L, 33, List.of(providers), timens));
        t = k.spawn();
    }

    long mmap(long addr, long pages, int prot, int flags) {
        return check(k.mmap(t, addr, pages * PAGE, prot, flags, null, 0));
    }

    long fixed(long addr, long pages, int prot) {
        long r = mmap(addr, pages, prot, FIXED);
        assertEquals(addr, r, "mmap fixed");
        return r;
    }

    String touch(long addr, int access) {
        return Signals.describe(check(k.access(t, addr, access)));
    }

    String w(long addr) {
        return Signals.describe(check(k.write(t, addr, (byte) 'Z')));
    }

    String r(long addr) {
        return touch(addr, Kernel.ACCESS_READ);
    }

    <T extends Number> T check(T v) {
        invariants();
        return v;
    }

    int check(int v) {
        invariants();
        return v;
    }

    long check(long v) {
        invariants();
        return v;
    }

    void invariants() {
        List<String> errs = k.checkInvariants();
        assertTrue(errs.isEmpty(), () -> "invariants: " + errs);
    }

    /** The VMAs intersecting [lo, hi). */
    List<VmaSnapshot> vmas(long lo, long hi) {
        return k.snapshot(t).stream().filter(s -> !s.gate() && s.start() < hi && s.end() > lo).toList();
    }

    VmaSnapshot vma(long addr) {
        return k.snapshot(t).stream().filter(s -> s.start() <= addr && addr < s.end()).findFirst().orElse(null);
    }

    String flags(long addr) {
        return String.join(" ", vma(addr).flags());
    }

    String pages(long addr) {
        return vma(addr).pages();
    }

    /** Page letters of [lo, lo + pages * 4096), across VMAs. */
    String range(long lo, int pages) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pages; i++) {
            sb.append(k.pageState(t, lo + i * PAGE));
        }
        return sb.toString();
    }

    /** A device model whose readb and writeb both throw IllegalStateException(why). */
    static IoMemory throwingDevice(String why) {
        return new IoMemory() {
            @Override
            public int readb(long pfn, int offset) {
                throw new IllegalStateException(why);
            }

            @Override
            public void writeb(long pfn, int offset, byte value) {
                throw new IllegalStateException(why);
            }
        };
    }

    static String err(long r) {
        return r >= 0 ? "ok" : Errno.name(r);
    }
}
