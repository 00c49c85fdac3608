package org.mmwb.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mmwb.host.HostTestSupport.PAGE;
import static org.mmwb.host.HostTestSupport.WIN;

import org.junit.jupiter.api.Test;
import org.mmwb.core.mm.MapFlags;
import org.mmwb.core.mm.Prot;

/** The errnos of mmap, mprotect, munmap, mremap and mseal on the live kernel. */
class HostSyscallTest extends HostWindowTestBase {
    @Test
    void unalignedOrEmptyArgumentsAreEinval() {
        HostTestSupport.mapAnon(p, WIN, 4 * PAGE, Prot.READ | Prot.WRITE);
        assertEquals("EINVAL", p.munmap(WIN + 1, PAGE).text());
        assertEquals("EINVAL", p.munmap(WIN, 0).text());
        assertEquals("EINVAL", p.mprotect(WIN + 1, PAGE, Prot.READ).text());
        assertEquals("EINVAL", p.mmap(WIN + 0x10001, PAGE, Prot.READ, MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED_NOREPLACE,
                -1, 0).text());
        assertEquals("EINVAL", p.mmap(0, 0, Prot.READ, MapFlags.PRIVATE | MapFlags.ANONYMOUS, -1, 0).text());
    }

    @Test
    void unmappedOrHugeRangesAreEnomem() {
        assertEquals("ENOMEM", p.mprotect(WIN, PAGE, Prot.READ).text());
        assertEquals("ENOMEM", p.mmap(0, 0xffff_ffff_ffff_0000L, Prot.READ, MapFlags.PRIVATE | MapFlags.ANONYMOUS, -1, 0).text());
        assertEquals("ok", p.munmap(WIN, PAGE).text(), "munmap of nothing succeeds");
    }

    @Test
    void noreplaceOverAMappingIsEexist() {
        HostTestSupport.mapAnon(p, WIN, 4 * PAGE, Prot.READ | Prot.WRITE);
        assertEquals("EEXIST", p.mmap(WIN + PAGE, PAGE, Prot.READ, MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED_NOREPLACE,
                -1, 0).text());
    }

    @Test
    void msealedRangesRefuseMunmapWithEperm() {
        HostTestSupport.mapAnon(p, WIN, 2 * PAGE, Prot.READ | Prot.WRITE);
        assertEquals("ok", p.mseal(WIN + PAGE, PAGE).text());
        assertEquals("EPERM", p.munmap(WIN, 2 * PAGE).text());
        assertEquals("EPERM", p.mprotect(WIN + PAGE, PAGE, Prot.READ).text());
        assertEquals("ok", p.munmap(WIN, PAGE).text());
    }

    @Test
    void mremapMovesAndReportsTheNewAddress() {
        HostTestSupport.mapAnon(p, WIN, PAGE, Prot.READ | Prot.WRITE);
        HostResult r = p.mremap(WIN, PAGE, 2 * PAGE, MapFlags.MREMAP_MAYMOVE | MapFlags.MREMAP_FIXED,
                WIN + 0x100000);
        assertEquals("0x100000100000", r.text());
        assertEquals("EINVAL", p.mremap(WIN + 1, PAGE, PAGE, 0, 0).text());
    }
}
