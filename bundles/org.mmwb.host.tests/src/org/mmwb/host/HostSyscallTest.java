package org.mmwb.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mmwb.host.HostTestSupport.PAGE;
import static org.mmwb.host.HostTestSupport.WIN;
import static org.mmwb.scenario.Mman.MAP_ANONYMOUS;
import static org.mmwb.scenario.Mman.MAP_FIXED_NOREPLACE;
import static org.mmwb.scenario.Mman.MAP_PRIVATE;
import static org.mmwb.scenario.Mman.PROT_READ;
import static org.mmwb.scenario.Mman.PROT_WRITE;

import org.junit.jupiter.api.Test;
import org.mmwb.scenario.Mman;

/** The errnos of mmap, mprotect, munmap, mremap and mseal on the live kernel. */
class HostSyscallTest extends HostWindowTestBase {
    @Test
    void unalignedOrEmptyArgumentsAreEinval() {
        HostTestSupport.mapAnon(p, WIN, 4 * PAGE, PROT_READ | PROT_WRITE);
        assertEquals("EINVAL", p.munmap(WIN + 1, PAGE).text());
        assertEquals("EINVAL", p.munmap(WIN, 0).text());
        assertEquals("EINVAL", p.mprotect(WIN + 1, PAGE, PROT_READ).text());
        assertEquals("EINVAL", p.mmap(WIN + 0x10001, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
                -1, 0).text());
        assertEquals("EINVAL", p.mmap(0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0).text());
    }

    @Test
    void unmappedOrHugeRangesAreEnomem() {
        assertEquals("ENOMEM", p.mprotect(WIN, PAGE, PROT_READ).text());
        assertEquals("ENOMEM", p.mmap(0, 0xffff_ffff_ffff_0000L, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0).text());
        assertEquals("ok", p.munmap(WIN, PAGE).text(), "munmap of nothing succeeds");
    }

    @Test
    void noreplaceOverAMappingIsEexist() {
        HostTestSupport.mapAnon(p, WIN, 4 * PAGE, PROT_READ | PROT_WRITE);
        assertEquals("EEXIST", p.mmap(WIN + PAGE, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
                -1, 0).text());
    }

    @Test
    void msealedRangesRefuseMunmapWithEperm() {
        HostTestSupport.mapAnon(p, WIN, 2 * PAGE, PROT_READ | PROT_WRITE);
        assertEquals("ok", p.mseal(WIN + PAGE, PAGE).text());
        assertEquals("EPERM", p.munmap(WIN, 2 * PAGE).text());
        assertEquals("EPERM", p.mprotect(WIN + PAGE, PAGE, PROT_READ).text());
        assertEquals("ok", p.munmap(WIN, PAGE).text());
    }

    @Test
    void mremapMovesAndReportsTheNewAddress() {
        HostTestSupport.mapAnon(p, WIN, PAGE, PROT_READ | PROT_WRITE);
        HostResult r = p.mremap(WIN, PAGE, 2 * PAGE, Mman.MREMAP_MAYMOVE | Mman.MREMAP_FIXED,
                WIN + 0x100000);
        assertEquals("0x100000100000", r.text());
        assertEquals("EINVAL", p.mremap(WIN + 1, PAGE, PAGE, 0, 0).text());
    }
}
