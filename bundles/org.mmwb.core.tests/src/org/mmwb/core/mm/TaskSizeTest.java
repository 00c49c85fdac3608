package org.mmwb.core.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * TASK_SIZE and the 47-bit mmap window on 4- and 5-level paging, as arch/x86 of Linux 6.18 places mappings:
 * mmap_address_hint_valid (arch/x86/mm/mmap.c: a hint must lie below TASK_SIZE - len and on one side of
 * DEFAULT_MAP_WINDOW), arch_get_unmapped_area_topdown (arch/x86/kernel/sys_x86_64.c: "If hint address is above
 * DEFAULT_MAP_WINDOW, look for unmapped area in the full address space", high_limit += TASK_SIZE_MAX -
 * DEFAULT_MAP_WINDOW) and __get_unmapped_area's "addr > TASK_SIZE - len" (-ENOMEM, also for MAP_FIXED). With
 * 4-level paging TASK_SIZE_MAX is DEFAULT_MAP_WINDOW, so a high hint changes nothing (recorded live:
 * differential/scenarios/mmap-hint-above-47-bits.mms); with 5-level paging (LA57) only a hint above 47 bits
 * reaches the 56-bit space. The live host has no la57, so the 5-level cases are checked here only.
 */
class TaskSizeTest {
    private static final long PAGE = 4096;
    private static final long WINDOW = KernelProfile.DEFAULT_MAP_WINDOW; // (1 << 47) - PAGE
    private static final int ANON = MapFlags.PRIVATE | MapFlags.ANONYMOUS;
    private static final int FIXED = ANON | MapFlags.FIXED;

    private static Kernel kernel(int levels) {
        return new Kernel(new KernelProfile("test", levels, 0x555555559000L, 33, List.of(), false));
    }

    private static long mmapBase() {
        return new KernelProfile("test", 4, 0x555555559000L, 33, List.of(), false).mmapBase();
    }

    @Test
    void fourLevelIgnoresHintsAbove47BitsAndRefusesFixedAboveTaskSize() {
        Kernel k = kernel(4);
        Task t = k.spawn();
        long plain = k.mmap(t, 0, PAGE, Prot.READ, ANON, null, 0);
        assertEquals(mmapBase() - PAGE, plain);
        assertEquals(plain - PAGE, k.mmap(t, 1L << 47, PAGE, Prot.READ, ANON, null, 0));
        assertEquals(plain - 2 * PAGE, k.mmap(t, 1L << 56, PAGE, Prot.READ, ANON, null, 0));
        assertEquals(plain - 3 * PAGE, k.mmap(t, WINDOW, PAGE, Prot.READ, ANON, null, 0)); // TASK_SIZE - len < addr
        assertEquals(-Errno.ENOMEM, k.mmap(t, 1L << 47, PAGE, Prot.READ, FIXED, null, 0));
        assertEquals(-Errno.ENOMEM, k.mmap(t, WINDOW, PAGE, Prot.READ, FIXED, null, 0));
        assertEquals(-Errno.ENOMEM, k.mmap(t, WINDOW, PAGE, Prot.READ, FIXED | MapFlags.FIXED_NOREPLACE, null, 0));
        assertEquals(WINDOW - 2 * PAGE, k.mmap(t, WINDOW - 2 * PAGE, PAGE, Prot.READ, FIXED, null, 0));
        assertEquals(-Errno.EINVAL, k.munmap(t, WINDOW, PAGE));
        assertEquals(-Errno.EINVAL, k.munmap(t, 1L << 47, PAGE));
        assertEquals(-Errno.ENOMEM, k.mmap(t, 0, 1L << 47, Prot.READ, ANON | MapFlags.NORESERVE, null, 0));
        assertEquals(List.of(), k.checkInvariants());
    }

    @Test
    void fiveLevelPlacesAboveTheWindowOnlyForAHintAboveIt() {
        Kernel k = kernel(5);
        Task t = k.spawn();
        long taskSize = (1L << 56) - PAGE;
        assertEquals(mmapBase() - PAGE, k.mmap(t, 0, PAGE, Prot.READ, ANON, null, 0)); // mmap_base stays below 47 bits
        // a valid hint above the window is taken as it is
        assertEquals(1L << 47, k.mmap(t, 1L << 47, PAGE, Prot.READ, ANON, null, 0));
        assertEquals(0x100000000000000L - 0x100000000000L,
                k.mmap(t, 0x100000000000000L - 0x100000000000L, PAGE, Prot.READ, ANON, null, 0));
        // a hint past TASK_SIZE is invalid but still above the window: the search runs up to
        // mmap_base + TASK_SIZE_MAX - DEFAULT_MAP_WINDOW and takes the top of the free space there
        long high = mmapBase() + taskSize - WINDOW;
        assertEquals(high - PAGE, k.mmap(t, 1L << 56, PAGE, Prot.READ, ANON, null, 0));
        assertEquals(high - 2 * PAGE, k.mmap(t, -PAGE, PAGE, Prot.READ, ANON, null, 0));
        // a hint that crosses the window is invalid and not above it: the 47-bit search
        assertEquals(mmapBase() - 3 * PAGE, k.mmap(t, WINDOW - PAGE, 2 * PAGE, Prot.READ, ANON, null, 0));
        // hint-less mappings stay inside the 47-bit window, however large
        long big = k.mmap(t, 0, 1L << 46, Prot.READ, ANON | MapFlags.NORESERVE, null, 0);
        assertTrue(big > 0 && big + (1L << 46) <= WINDOW, Long.toHexString(big));
        // MAP_FIXED anywhere below TASK_SIZE; at or above it -ENOMEM; munmap there -EINVAL
        assertEquals(1L << 55, k.mmap(t, 1L << 55, PAGE, Prot.READ, FIXED, null, 0));
        assertEquals(taskSize - PAGE, k.mmap(t, taskSize - PAGE, PAGE, Prot.READ, FIXED, null, 0));
        assertEquals(-Errno.ENOMEM, k.mmap(t, taskSize, PAGE, Prot.READ, FIXED, null, 0));
        assertEquals(-Errno.ENOMEM, k.mmap(t, taskSize - PAGE, 2 * PAGE, Prot.READ, FIXED, null, 0));
        assertEquals(-Errno.EINVAL, k.munmap(t, taskSize, PAGE));
        assertEquals(0, k.munmap(t, 1L << 55, PAGE));
        assertEquals(List.of(), k.checkInvariants());
    }

    @Test
    void fiveLevelBottomUpFallbackStaysInTheWindowUnlessTheHintIsAbove() {
        Kernel k = kernel(5);
        Task t = k.spawn();
        // everything from mmap_min_addr up to mmap_base + (TASK_SIZE_MAX - DEFAULT_MAP_WINDOW) is taken: only the
        // ~128 MiB below TASK_SIZE is free. The top-down search fails for any hint; arch_get_unmapped_area then
        // searches [PAGE_ALIGN(DEFAULT_MAP_WINDOW / 3), task_size_64bit(addr > DEFAULT_MAP_WINDOW)) bottom-up
        long taskSize = (1L << 56) - PAGE;
        long high = mmapBase() + taskSize - WINDOW;
        long len = (64L << 20) - PAGE;
        assertEquals(0x10000L, k.mmap(t, 0x10000L, high - 0x10000L, Prot.NONE, FIXED | MapFlags.NORESERVE, null, 0));
        assertEquals(-Errno.ENOMEM, k.mmap(t, 0, len, Prot.NONE, ANON, null, 0)); // never above 47 bits
        assertEquals(-Errno.ENOMEM, k.mmap(t, 0x200000000000L, len, Prot.NONE, ANON, null, 0));
        assertEquals(high, k.mmap(t, 1L << 56, len, Prot.NONE, ANON, null, 0)); // up to TASK_SIZE_MAX
        assertEquals(List.of(), k.checkInvariants());
    }
}
