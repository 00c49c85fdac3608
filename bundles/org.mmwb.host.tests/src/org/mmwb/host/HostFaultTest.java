package org.mmwb.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mmwb.host.HostTestSupport.PAGE;
import static org.mmwb.host.HostTestSupport.WIN;
import static org.mmwb.host.HostTestSupport.letters;
import static org.mmwb.host.HostTestSupport.mapAnon;
import static org.mmwb.host.HostTestSupport.texts;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmwb.core.mm.Madvise;
import org.mmwb.core.mm.MapFlags;
import org.mmwb.core.mm.Prot;

/** Touches and their signals, page letters after faults, fork and guard markers, on the live kernel. */
class HostFaultTest extends HostWindowTestBase {
    @Test
    void touchesGiveOkMaperrAndAccerr() {
        mapAnon(p, WIN, 2 * PAGE, Prot.READ);
        assertEquals("ok ok SIGSEGV(MAPERR)", texts(p.touch(WIN, 3 * PAGE, 'r')));
        HostResult w = p.touch(WIN, PAGE, 'w').get(0);
        assertEquals("SIGSEGV(ACCERR)", w.text());
        assertEquals(11, w.signo());
        assertEquals("SEGV_ACCERR", w.code());
        assertEquals(WIN, w.address());
        assertEquals("SIGSEGV(ACCERR)", p.exec(WIN).text(), "NX: the fetch faults");
        assertEquals("SIGSEGV(MAPERR)", p.write(WIN + 2 * PAGE, 1).text());
    }

    @Test
    void writesStoreZAndReadsReadIt() {
        mapAnon(p, WIN, PAGE, Prot.READ | Prot.WRITE);
        assertEquals("ok", texts(p.touch(WIN, PAGE, 'w')));
        assertEquals("0x5a", p.read(WIN).text());
        assertEquals("ok", p.write(WIN + 7, 0x41).text());
        assertEquals("0x41", p.read(WIN + 7).text());
    }

    @Test
    void memfdPagesHoldLettersAndFaultPastEof() {
        HostResult fd = p.file("f", 0x1800);
        assertEquals(HostResult.Kind.VALUE, fd.kind(), fd.text());
        HostResult m = p.mmap(WIN, 3 * PAGE, Prot.READ, MapFlags.PRIVATE | MapFlags.FIXED_NOREPLACE, (int) fd.value(), 0);
        assertEquals(WIN, m.value(), m.text());
        assertEquals("ok ok SIGBUS(ADRERR)", texts(p.touch(WIN, 3 * PAGE, 'r')));
        assertEquals("0x41", p.read(WIN).text());
        assertEquals("0x42", p.read(WIN + PAGE).text());
        HostVma v = HostTestSupport.vmaAt(p.dump(), WIN);
        assertEquals("/memfd:f (deleted)", v.name());
        assertEquals("FF.", v.pages());
        assertEquals("r--p", v.perms());
    }

    @Test
    void sharedFileWritesStayFileAndPrivateWritesBecomeAnon() {
        int fd = (int) p.file("g", 2 * PAGE).value();
        assertEquals(WIN, p.mmap(WIN, 2 * PAGE, Prot.READ | Prot.WRITE, MapFlags.SHARED | MapFlags.FIXED_NOREPLACE, fd, 0).value());
        assertEquals(WIN + 0x10000,
                p.mmap(WIN + 0x10000, 2 * PAGE, Prot.READ | Prot.WRITE, MapFlags.PRIVATE | MapFlags.FIXED_NOREPLACE, fd, 0).value());
        p.touch(WIN, PAGE, 'w');
        p.touch(WIN + 0x10000, PAGE, 'w');
        p.touch(WIN + 0x10000 + PAGE, PAGE, 'r');
        assertEquals("F.", letters(p, WIN, 2));
        assertEquals("AF", letters(p, WIN + 0x10000, 2));
    }

    @Test
    void zeroPageAndForkSharing() throws java.io.IOException {
        HostTestSupport.assumeRoot();
        // A read fault maps the zero page (Z), or a fresh page (A, a after fork) where the kernel forbids the zero
        // page (booted with pvm_no_zero_page=1; the helper's facts say which, and the simulator copies it).
        boolean z = kernel.zeroPage();
        mapAnon(p, WIN, 3 * PAGE, Prot.READ | Prot.WRITE);
        p.touch(WIN, PAGE, 'w');
        p.touch(WIN + PAGE, PAGE, 'r');
        assertEquals(z ? "AZ." : "AA.", letters(p, WIN, 3));
        HostProcess child = scenario.process((int) p.fork().value());
        assertEquals(z ? "aZ." : "aa.", letters(child, WIN, 3), "after fork the written page is shared");
        assertEquals(z ? "aZ." : "aa.", letters(p, WIN, 3));
        child.touch(WIN, PAGE, 'w');
        assertEquals(z ? "AZ." : "Aa.", letters(child, WIN, 3), "the child's write breaks COW");
        assertEquals("0x1", child.exit().text());
        assertEquals(z ? "AZ." : "AA.", letters(p, WIN, 3), "the parent's page is its own again");
    }

    @Test
    void guardMarkersReadAsGAndFaultAsMaperr() {
        mapAnon(p, WIN, 3 * PAGE, Prot.READ | Prot.WRITE);
        assertEquals("ok", p.madvise(WIN + PAGE, PAGE, Madvise.GUARD_INSTALL).text());
        assertEquals("ok SIGSEGV(MAPERR) ok", texts(p.touch(WIN, 3 * PAGE, 'w')));
        assertEquals("AGA", letters(p, WIN, 3));
        assertEquals("ok", p.madvise(WIN + PAGE, PAGE, Madvise.GUARD_REMOVE).text());
        assertEquals("A.A", letters(p, WIN, 3));
        HostVma v = HostTestSupport.vmaAt(p.dump(), WIN);
        assertEquals(WIN + 3 * PAGE, v.end(), "guard markers do not split the VMA");
    }

    @Test
    void vvarReadsWorkWhereBackedAndNeverWriteOrExec() {
        HostRange vvar = p.special("[vvar]").orElseThrow();
        List<HostResult> reads = p.touch(vvar.start(), vvar.length(), 'r');
        assertEquals(4, reads.size());
        assertEquals("ok", reads.get(0).text(), "the time data page");
        assertEquals("SIGBUS(ADRERR)", reads.get(1).text(), "the timens page outside a time namespace");
        assertEquals("SIGSEGV(ACCERR)", p.touch(vvar.start(), PAGE, 'w').get(0).text());
        assertEquals("SIGSEGV(ACCERR)", p.exec(vvar.start()).text());
        HostVma v = HostTestSupport.vmaAt(p.dump(), vvar.start());
        assertEquals("....", v.pages(), "VM_PFNMAP pages read as not present");
        assertTrue(v.flags().containsAll(List.of("pf", "io")), v.flags().toString());
    }

    @Test
    void vdsoExecutesAndRefusesWrites() {
        HostRange vdso = p.special("[vdso]").orElseThrow();
        assertEquals("ok", p.exec(vdso.start()).text());
        assertEquals("SIGSEGV(ACCERR)", p.write(vdso.start(), 1).text());
        mapAnon(p, WIN, PAGE, Prot.READ | Prot.WRITE | Prot.EXEC);
        assertEquals("ok", p.exec(WIN).text(), "zero bytes run as one harmless instruction");
    }

    @Test
    void dumpCapsPageLetters() {
        mapAnon(p, WIN, 64 * PAGE, Prot.READ | Prot.WRITE);
        HostVma v = HostTestSupport.vmaAt(p.dump(8), WIN);
        assertEquals(8, v.pages().length());
        assertEquals(false, v.pagesComplete());
        assertEquals(List.of("rd", "wr", "mr", "mw", "me", "ac"), v.flags());
    }
}
