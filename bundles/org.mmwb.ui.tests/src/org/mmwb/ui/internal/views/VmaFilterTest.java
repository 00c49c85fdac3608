package org.mmwb.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmwb.ui.internal.session.VmaRow;

/** The pwndbg-vmmap-style filter of the Address Space view. */
class VmaFilterTest {

    private static VmaRow row(long start, long end, String perms, String name) {
        return new VmaRow(1, start, end, perms, 0, name, -1, List.of(), "", false, "");
    }

    private final VmaRow anon = row(0x100000000000L, 0x100000002000L, "rw-p", "");
    private final VmaRow vdso = row(0x7ffff7ffd000L, 0x7ffff7fff000L, "r-xp", "[vdso]");
    private final VmaRow gate = row(0xffffffffff600000L, 0xffffffffff601000L, "--xp", "[vsyscall]");

    @Test
    void addressSelectsTheVmaContainingIt() {
        assertTrue(VmaFilter.parse("0x100000001fff").test(anon));
        assertFalse(VmaFilter.parse("0x100000002000").test(anon), "vm_end is exclusive");
        assertTrue(VmaFilter.parse("0xffffffffff600800").test(gate), "unsigned compare for the gate area");
        assertTrue(VmaFilter.parse(Long.toString(0x100000000000L)).test(anon), "decimal too");
        assertEquals("address 0x100000001fff", VmaFilter.describe(" 0x100000001fff "));
    }

    @Test
    void permsAndNames() {
        assertTrue(VmaFilter.parse("r-x").test(vdso));
        assertFalse(VmaFilter.parse("r-x").test(anon));
        assertTrue(VmaFilter.parse("rw-p").test(anon));
        assertTrue(VmaFilter.parse("VDSO").test(vdso));
        assertTrue(VmaFilter.parse("anon").test(anon), "unnamed memory matches [anon]");
        assertFalse(VmaFilter.parse("stack").test(vdso));
        assertTrue(VmaFilter.parse("  ").test(gate));
    }

    @Test
    void badNumbersAreNames() {
        assertNull(VmaFilter.address("0x1ffffffffffffffff"));
        assertFalse(VmaFilter.parse("0x1ffffffffffffffff").test(anon));
    }
}
