package org.mmwb.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmwb.host.internal.Replies;

/** The parsing of the helper's answers (no helper needed). */
class RepliesTest {

    @Test
    void resultLines() {
        assertEquals("ok", Replies.result("ok").text());
        assertEquals("0x7fffffffe000", Replies.result("val 0x7fffffffe000").text());
        HostResult e = Replies.result("err 22 EINVAL");
        assertEquals(22, e.errno());
        assertEquals("EINVAL", e.text());
        assertEquals("SIGBUS(ADRERR)", Replies.result("sig 7 SIGBUS BUS_ADRERR 0x1000").text());
        assertEquals("SIGSEGV(KERNEL)", Replies.result("sig 11 SIGSEGV SI_KERNEL 0x0").text());
        assertEquals("error: timeout: x", Replies.result("fail timeout: x").text());
        assertThrows(HostException.class, () -> Replies.result("bogus"));
        assertEquals(0xffffffffff600000L, Replies.result("val 0xffffffffff600000").value());
    }

    @Test
    void dumpLines() {
        HostVma v = Replies.vma("100000000000\t100000003000\trw-p\t2000\trd,wr,mr,mw,me,ac\t8\tAZ.\t/memfd:f (deleted)");
        assertEquals(0x100000000000L, v.start());
        assertEquals(3, v.pageCount());
        assertEquals(2, v.pgoff());
        assertEquals(List.of("rd", "wr", "mr", "mw", "me", "ac"), v.flags());
        assertEquals("/memfd:f (deleted)", v.name());
        assertEquals("100000000000-100000003000 rw-p 00002000 /memfd:f (deleted)", v.mapsLine());
        assertEquals("", Replies.vma("1000\t2000\t---p\t0\t\t0\t.\t").name());
    }

    @Test
    void pageLetters() {
        assertEquals('.', PageLetter.of(0, false));
        assertEquals('G', PageLetter.of(0x440000000000009fL, false));
        assertEquals('A', PageLetter.of(PageLetter.PM_PRESENT | PageLetter.PM_MMAP_EXCLUSIVE | 5, false));
        assertEquals('a', PageLetter.of(PageLetter.PM_PRESENT | 5, false));
        assertEquals('Z', PageLetter.of(PageLetter.PM_PRESENT | 5, true));
        assertEquals('F', PageLetter.of(PageLetter.PM_PRESENT | PageLetter.PM_FILE | 5, false));
    }
}
