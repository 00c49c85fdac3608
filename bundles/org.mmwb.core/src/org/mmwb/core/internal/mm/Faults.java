package org.mmwb.core.internal.mm;

import org.mmwb.core.internal.log.FaultLog;
import org.mmwb.core.internal.pgtable.PageTable;
import org.mmwb.core.internal.pgtable.Pte;
import org.mmwb.core.mm.Signals;
import org.mmwb.core.mm.VmFault;
import org.mmwb.core.mm.VmFaultResult;
import org.mmwb.core.mm.VmFlags;

/**
 * The x86 side of a page fault, arch/x86/mm/fault.c: the CPU's permission check and error code, do_user_addr_fault
 * (find the VMA, access_error, bad_area), do_kern_addr_fault's vsyscall emulation and mm_fault_error. The
 * generic part is {@link Memory} (mm/memory.c). Every fault is logged. The anonymous write fault path allocates
 * no Java objects.
 */
public final class Faults {
    /** Access kinds (also the FaultLog ACCESS_* bits). */
    public static final int READ = FaultLog.ACCESS_READ;
    public static final int WRITE = FaultLog.ACCESS_WRITE;
    public static final int EXEC = FaultLog.ACCESS_EXEC;

    /** x86 page-fault error code bits (arch/x86/include/asm/trap_pf.h). */
    static final int PF_PROT = 1;
    static final int PF_WRITE = 2;
    static final int PF_USER = 4;
    static final int PF_INSTR = 16;

    private static final long VSYSCALL = 0xffffffffff600000L;

    private final FaultLog log;
    private final FaultCtx ctx;
    private final FaultTrace trace;
    private final Memory memory;

    private final int pBadArea;
    private final int pAccErr;
    private final int pGate;
    private final int hNone;

    Faults(MmKernel k, FaultTrace trace, Memory memory) {
        this.log = k.log;
        this.ctx = k.ctx;
        this.trace = trace;
        this.memory = memory;
        pBadArea = log.intern("bad_area");
        pAccErr = log.intern("bad_area_access_error");
        pGate = log.intern("emulate_vsyscall");
        hNone = log.intern("");
    }

    /**
     * A user-mode access of one byte at addr, as the CPU performs it: succeeds when the PTE permits, else takes
     * page faults until it does or a signal results. Returns {@link Signals#OK} or an encoded signal.
     */
    public int access(Mm mm, int pid, long addr, int access) {
        if (ctx.depth > 0) {
            // a fault handler touching user memory: the kernel would recurse into the fault path
            ctx.violation = ctx.violation == null ? "recursed into the fault path (access at 0x"
                + Long.toHexString(addr) + ")" : ctx.violation;
            return Signals.BUS_ADRERR_RESULT;
        }
        if (mm.oomKilled) {
            return Signals.encode(Signals.SIGKILL, 0);
        }
        if (!canonical(mm, addr)) {
            return Signals.encode(Signals.SIGSEGV, Signals.SI_KERNEL);
        }
        if (Long.compareUnsigned(addr, mm.taskSize) >= 0) {
            return kernelAddress(mm, pid, addr, access);
        }
        PageTable pt = mm.pgd;
        for (int tries = 0; tries < 4; tries++) {
            long pte = pt.get(addr);
            if (pte == 0 && mm.hasHuge) {
                pte = pt.hugePmd(addr);
            }
            int ec = PF_USER;
            if ((pte & Pte.PRESENT) != 0) {
                if (permits(pte, access)) {
                    return Signals.OK;
                }
                ec |= PF_PROT;
            }
            if (access == WRITE) {
                ec |= PF_WRITE;
            } else if (access == EXEC) {
                ec |= PF_INSTR;
            }
            int r = doUserAddrFault(mm, pid, addr, ec, access);
            if (r != Signals.OK) {
                return r;
            }
        }
        return Signals.OK;
    }

    /**
     * The PFN a user access at addr that just succeeded went through (its PTE or huge PMD), -1 if none (the
     * vsyscall gate): allocation-free, for Kernel.read/write, so the access path itself stays lean.
     */
    public static long pfnAfterAccess(Mm mm, long addr) {
        PageTable pt = mm.pgd;
        long pte = pt.get(addr);
        if (pte != 0) {
            return (pte & Pte.PRESENT) != 0 ? Pte.pfn(pte) : -1;
        }
        long pmd = mm.hasHuge ? pt.hugePmd(addr) : 0;
        return (pmd & Pte.PRESENT) != 0 ? Pte.pmdPfn(pmd) + ((addr >>> 12) & 511) : -1;
    }

    private static boolean permits(long pte, int access) {
        if ((pte & Pte.USER) == 0) {
            return false;
        }
        if (access == WRITE) {
            return (pte & Pte.RW) != 0;
        }
        if (access == EXEC) {
            return (pte & Pte.NX) == 0;
        }
        return true;
    }

    private static boolean canonical(Mm mm, long addr) {
        int bits = mm.pgd.levels() == 5 ? 57 : 48;
        long top = addr >> (bits - 1);
        return top == 0 || top == -1;
    }

    /**
     * do_kern_addr_fault from user mode: only instruction fetches of the vsyscall gate are emulated
     * (emulate_vsyscall: the entries at offsets 0, 0x400 and 0x800; anything else in the page is SIGSEGV with
     * SI_KERNEL, as the host shows).
     */
    private int kernelAddress(Mm mm, int pid, long addr, int access) {
        Mm.Gate g = mm.gate;
        if (g != null && access == EXEC && (addr & ~0xfffL) == VSYSCALL && Long.compareUnsigned(addr, g.end()) < 0) {
            boolean entry = (addr & ~0xc00L) == VSYSCALL && ((addr & 0xc00L) >>> 10) < 3;
            log.append(pid, addr, access | FaultLog.ACCESS_USER, g.start(), log.intern(g.name()), 0,
                entry ? 0 : VmFaultResult.SIGSEGV, -1, pGate);
            return entry ? Signals.OK : Signals.encode(Signals.SIGSEGV, Signals.SI_KERNEL);
        }
        log.append(pid, addr, access | FaultLog.ACCESS_USER, FaultLog.NO_VMA, hNone, 0, VmFaultResult.SIGSEGV, -1,
            pBadArea);
        return Signals.SEGV_MAPERR_RESULT;
    }

    /**
     * do_user_addr_fault: find the VMA (lock_mm_and_find_vma, expanding a stack), bad_area when there is none,
     * access_error, handle_mm_fault, and mm_fault_error to turn its result into a signal.
     */
    int doUserAddrFault(Mm mm, int pid, long addr, int ec, int access) {
        Vma vma = mm.lookup(addr);
        if (vma == null) {
            Vma v = mm.findVma(addr);
            if (v == null || (v.flags & VmFlags.GROWSDOWN) == 0 || Stack.expandStack(v, addr) != 0) {
                log.append(pid, addr, access | FaultLog.ACCESS_USER, v == null ? FaultLog.NO_VMA : v.start, hNone,
                    0, VmFaultResult.SIGSEGV, -1, pBadArea);
                return Signals.SEGV_MAPERR_RESULT;
            }
            vma = v;
        }
        if (accessError(ec, vma)) {
            log.append(pid, addr, access | FaultLog.ACCESS_USER, vma.start, hNone, 0, VmFaultResult.SIGSEGV, -1,
                pAccErr);
            return Signals.SEGV_ACCERR_RESULT;
        }
        int flags = VmFault.FLAG_USER;
        if ((ec & PF_WRITE) != 0) {
            flags |= VmFault.FLAG_WRITE;
        }
        if ((ec & PF_INSTR) != 0) {
            flags |= VmFault.FLAG_INSTRUCTION;
        }
        int fault = memory.handleMmFault(vma, addr, flags);
        trace.append(pid, addr, access | FaultLog.ACCESS_USER, vma.start, fault);
        if ((fault & VmFaultResult.ERROR) == 0) {
            return Signals.OK;
        }
        return mmFaultError(fault);
    }

    /** mm_fault_error: OOM kills, SIGBUS/HWPOISON give SIGBUS(BUS_ADRERR), SIGSEGV gives SIGSEGV(MAPERR). */
    static int mmFaultError(int fault) {
        if ((fault & VmFaultResult.OOM) != 0) {
            return Signals.encode(Signals.SIGKILL, 0);
        }
        if ((fault & (VmFaultResult.SIGBUS | VmFaultResult.HWPOISON | VmFaultResult.HWPOISON_LARGE)) != 0) {
            return Signals.BUS_ADRERR_RESULT;
        }
        return Signals.SEGV_MAPERR_RESULT;
    }

    /** access_error (arch/x86/mm/fault.c). */
    static boolean accessError(int ec, Vma vma) {
        if ((ec & PF_WRITE) != 0) {
            return (vma.flags & VmFlags.WRITE) == 0;
        }
        if ((ec & PF_PROT) != 0) {
            return true;
        }
        return !vma.accessible();
    }
}
