package org.mmwb.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.mmwb.core.mm.MapFlags;

/** Shared set-up: one helper per test class, skipped (with the reason) where the host cannot run it. */
final class HostTestSupport {
    /** The window the tests map into, as scenarios do. */
    static final long WIN = 0x100000000000L;
    static final long PAGE = 4096;

    private HostTestSupport() {
    }

    /** Starts a helper, or aborts the test with why this host cannot (not Linux x86-64, or no gcc). */
    static HostKernel startOrSkip() throws HostUnavailableException {
        String why = HostKernel.unavailableReason();
        Assumptions.assumeTrue(why == null, () -> "skipped: " + why);
        return HostKernel.start();
    }

    /** The zero page is recognised by its PFN, which /proc/PID/pagemap shows to root only. */
    static void assumeRoot() throws java.io.IOException {
        Object uid = java.nio.file.Files.getAttribute(java.nio.file.Path.of("/proc/self"), "unix:uid");
        Assumptions.assumeTrue(Integer.valueOf(0).equals(uid),
                "skipped: PFNs in pagemap (needed to tell the zero page) are visible to root only");
    }

    static String texts(List<HostResult> rs) {
        return String.join(" ", rs.stream().map(HostResult::text).toList());
    }

    static HostVma vmaAt(List<HostVma> vmas, long addr) {
        return vmas.stream().filter(v -> v.start() <= addr && addr < v.end()).findFirst()
                .orElseThrow(() -> new AssertionError("no VMA at 0x" + Long.toHexString(addr) + " in " + vmas));
    }

    /** The page letters of [addr, addr + pages * 4096), which must lie in one VMA. */
    static String letters(HostProcess p, long addr, int pages) {
        HostVma v = vmaAt(p.dump(), addr);
        int first = (int) ((addr - v.start()) / PAGE);
        return v.pages().substring(first, first + pages);
    }

    static long mapAnon(HostProcess p, long addr, long len, int prot) {
        HostResult r = p.mmap(addr, len, prot, MapFlags.PRIVATE | MapFlags.ANONYMOUS
                | MapFlags.FIXED_NOREPLACE, -1, 0);
        assertEquals(HostResult.Kind.VALUE, r.kind(), r.text());
        assertEquals(addr, r.value());
        return addr;
    }
}
