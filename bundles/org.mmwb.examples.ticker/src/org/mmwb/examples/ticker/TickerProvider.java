package org.mmwb.examples.ticker;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.SpecialMapping;
import org.mmwb.core.mm.SpecialMappingProvider;
import org.mmwb.core.mm.VmArea;
import org.mmwb.core.mm.VmFault;
import org.mmwb.core.mm.VmFaultResult;
import org.mmwb.core.mm.VmFlags;

/**
 * {@code [ticker]}: a read-only mapping of two pages that the kernel shares with every process, like a vDSO data
 * page. Page 0 is a kernel page whose first byte is {@code 'T'}; page 1 is reserved and faults with SIGBUS.
 * <ul>
 * <li>{@code .fault} gets {@code vmf.pgoff()} relative to the mapping (0 = its first page, whatever address the
 * mapping has); for page 0 it hands back the page with {@code vmf.setPage} and returns 0, like vdso_fault. It could
 * instead insert PFNs with {@code vmfInsertPfn} and return VM_FAULT_NOPAGE, but only in a VM_PFNMAP or
 * VM_MIXEDMAP mapping.</li>
 * <li>{@code .mremap} runs when a process moves the whole mapping: the provider records where it went.</li>
 * <li>{@code .close} runs when it is unmapped (munmap, exit, exec).</li>
 * </ul>
 * The plugin.xml declaration decides the name, size, profiles and placement; the methods below say the same, for
 * use without the registry (plain-Java tests).
 */
public final class TickerProvider implements SpecialMappingProvider {
    /** Normal (struct page backed) memory, readable only: r--p. */
    static final long FLAGS = VmFlags.READ | VmFlags.MAYREAD;

    private static final AtomicLong MOVES = new AtomicLong();
    private static final AtomicLong LAST_MOVE = new AtomicLong(-1);
    private static final AtomicLong CLOSES = new AtomicLong();

    /** Required by the extension registry: a public no-argument constructor. */
    public TickerProvider() {
    }

    @Override
    public String name() {
        return "[ticker]";
    }

    @Override
    public int pages() {
        return 2;
    }

    @Override
    public long vmFlags() {
        return FLAGS;
    }

    @Override
    public Placement placement() {
        return Placement.topDown();
    }

    @Override
    public Set<String> profiles() {
        return Set.of("x86_64-6.18");
    }

    @Override
    public SpecialMapping create(Kernel kernel) {
        // once per simulated kernel: one page shared by every process of that kernel
        long page = kernel.allocKernelPage();
        kernel.writeKernelPage(page, 0, (byte) 'T');
        SpecialMapping.Fault fault = (sm, vma, vmf) -> tickerFault(vmf, page);
        return new SpecialMapping(name(), null, fault, TickerProvider::tickerMremap, TickerProvider::tickerClose,
                "org.mmwb.examples.ticker");
    }

    /** The .fault handler. */
    static int tickerFault(VmFault vmf, long page) {
        if (vmf.pgoff() == 0) {
            vmf.setPage(page);
            return 0;
        }
        return VmFaultResult.SIGBUS; // page 1 is reserved
    }

    /** The .mremap callback: 0 accepts the move (a negative errno would make mremap undo it). */
    static int tickerMremap(SpecialMapping sm, VmArea newVma) {
        MOVES.incrementAndGet();
        LAST_MOVE.set(newVma.start());
        return 0;
    }

    /** The .close callback. */
    static void tickerClose(SpecialMapping sm, VmArea vma) {
        CLOSES.incrementAndGet();
    }

    /** How often a [ticker] mapping was moved, in this JVM. */
    public static long moves() {
        return MOVES.get();
    }

    /** Where the last move put it, or -1. */
    public static long lastMove() {
        return LAST_MOVE.get();
    }

    /** How often a [ticker] mapping was closed, in this JVM. */
    public static long closes() {
        return CLOSES.get();
    }
}
