package org.mmwb.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmwb.core.mm.Errno;
import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.MapFlags;
import org.mmwb.core.mm.Madvise;
import org.mmwb.core.mm.Prot;
import org.mmwb.core.mm.Signals;
import org.mmwb.core.mm.Task;
import org.mmwb.core.mm.VmaSnapshot;

/**
 * The x86_64-6.18 exec layout (arch/x86/entry/vdso/vma.c map_vdso, lib/vdso/datastore.c) and the kernel's
 * answers for [vvar], [vvar_vclock], [vdso] and [vsyscall], as observed on the 6.18 host (a KVM guest).
 */
class X86LayoutTest {
    private static final long P = 4096;
    private final Kernel k = new Kernel(X86Profiles.x86_64_6_18());
    private final Task t = k.spawn();

    private VmaSnapshot named(String name) {
        return k.snapshot(t).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static String flags(VmaSnapshot s) {
        return String.join(" ", s.flags());
    }

    private String read(long addr) {
        return Signals.describe(k.access(t, addr, Kernel.ACCESS_READ));
    }

    private void ok() {
        List<String> errs = k.checkInvariants();
        assertTrue(errs.isEmpty(), errs::toString);
    }

    @Test
    void layoutAfterExec() {
        VmaSnapshot vvar = named("[vvar]");
        VmaSnapshot vclock = named("[vvar_vclock]");
        VmaSnapshot vdso = named("[vdso]");
        VmaSnapshot vsys = named("[vsyscall]");
        assertEquals(t.mm().mmapBase() - 8 * P, vvar.start(), "one top-down area of 4+2+2 pages");
        assertEquals(4 * P, vvar.end() - vvar.start());
        assertEquals(vvar.end(), vclock.start());
        assertEquals(2 * P, vclock.end() - vclock.start());
        assertEquals(vclock.end(), vdso.start());
        assertEquals(2 * P, vdso.end() - vdso.start());
        assertEquals(vdso.start(), t.mm().contextVdso());
        assertEquals("r--p", vvar.perms());
        assertEquals("r--p", vclock.perms());
        assertEquals("r-xp", vdso.perms());
        assertEquals("--xp", vsys.perms());
        assertEquals("rd mr pf io de dd", flags(vvar));
        assertEquals("rd mr pf io de dd", flags(vclock));
        assertEquals("rd ex mr mw me de", flags(vdso));
        assertEquals("ex", flags(vsys));
        assertEquals(0xffffffffff600000L, vsys.start());
        assertTrue(vsys.gate());
        assertEquals("ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]",
            vsys.mapsLine());
        assertEquals(0x7ffff7ff7000L, vvar.start(), "mmap_base 128 MiB below the stack top, no ASLR");
    }

    @Test
    void vvarPagesByPgoff() {
        long vvar = named("[vvar]").start();
        assertEquals("ok", read(vvar), "time data");
        assertEquals("SIGBUS(ADRERR)", read(vvar + P), "timens page outside a time namespace");
        assertEquals("ok", read(vvar + 2 * P), "rng data");
        assertEquals("SIGBUS(ADRERR)", read(vvar + 3 * P), "no arch data on x86");
        assertEquals("....", named("[vvar]").pages(), "pagemap skips VM_PFNMAP");
        assertEquals(org.mmwb.core.mm.VmFaultResult.NOPAGE, k.fault(k.faultCount() - 2).result());
        ok();
    }

    @Test
    void vvarInATimeNamespace() {
        Kernel kt = new Kernel(X86Profiles.x86_64_6_18().withTimeNamespace(true));
        Task tt = kt.spawn();
        long vvar = kt.snapshot(tt).stream().filter(s -> s.name().equals("[vvar]")).findFirst().get().start();
        assertEquals(Signals.OK, kt.access(tt, vvar, Kernel.ACCESS_READ));
        long timens = kt.vtop(tt, vvar).pfn();
        long real = kt.vtop(tt, vvar + P).pfn();
        assertTrue(real >= 0, "page 1 was faulted in together with page 0");
        assertTrue(timens != real);
        assertEquals(Signals.OK, kt.access(tt, vvar + P, Kernel.ACCESS_READ));
        assertTrue(kt.checkInvariants().isEmpty());
    }

    @Test
    void vvarVclock() {
        long vc = named("[vvar_vclock]").start();
        assertEquals("ok", read(vc), "pvclock page");
        assertEquals("SIGBUS(ADRERR)", read(vc + P), "no Hyper-V");
    }

    @Test
    void vdsoIsReadableExecutableNotWritable() {
        long vdso = named("[vdso]").start();
        assertEquals(0x7f, k.read(t, vdso));
        assertEquals('E', k.read(t, vdso + 1));
        assertEquals("ok", Signals.describe(k.access(t, vdso, Kernel.ACCESS_EXEC)));
        assertEquals("SIGSEGV(ACCERR)", Signals.describe(k.write(t, vdso, (byte) 1)));
        assertEquals("F.", named("[vdso]").pages());
    }

    @Test
    void vsyscallGate() {
        assertEquals("SIGSEGV(MAPERR)", read(0xffffffffff600000L));
        assertEquals("ok", Signals.describe(k.access(t, 0xffffffffff600000L, Kernel.ACCESS_EXEC)), "emulated");
        assertEquals("ok", Signals.describe(k.access(t, 0xffffffffff600800L, Kernel.ACCESS_EXEC)), "time()");
        assertEquals("SIGSEGV(KERNEL)", Signals.describe(k.access(t, 0xffffffffff600010L, Kernel.ACCESS_EXEC)),
            "misaligned vsyscall");
        assertEquals("SIGSEGV(KERNEL)", Signals.describe(k.access(t, 0xffffffffff600c00L, Kernel.ACCESS_EXEC)));
        assertEquals("SIGSEGV(MAPERR)", Signals.describe(k.access(t, 0xffffffffff601000L, Kernel.ACCESS_EXEC)));
        assertEquals("EINVAL", Errno.name(k.munmap(t, 0xffffffffff600000L, P)), "beyond TASK_SIZE");
    }

    @Test
    void hostAnswersForSyscallsOnTheSpecialMappings() {
        long vv = named("[vvar]").start();
        long vd = named("[vdso]").start();
        assertEquals("EACCES", Errno.name(k.mprotect(t, vv, P, Prot.READ | Prot.WRITE)), "no VM_MAYWRITE");
        assertEquals("EACCES", Errno.name(k.mprotect(t, vv, P, Prot.READ | Prot.EXEC)), "no VM_MAYEXEC");
        assertEquals("EINVAL", Errno.name(k.mprotect(t, vd, P, Prot.READ | Prot.WRITE)), "split refused");
        assertEquals(0, k.mprotect(t, vd, 2 * P, Prot.READ | Prot.EXEC));
        assertEquals("EINVAL", Errno.name(k.madvise(t, vv, P, Madvise.DONTNEED)), "VM_PFNMAP");
        assertEquals(0, k.madvise(t, vd, P, Madvise.DONTNEED));
        assertEquals(0, k.madvise(t, vv, 4 * P, Madvise.DONTFORK));
        assertEquals("EINVAL", Errno.name(k.madvise(t, vv, 4 * P, Madvise.DOFORK)), "VM_IO");
        assertEquals("EINVAL", Errno.name(k.madvise(t, vv, P, Madvise.GUARD_INSTALL)));
        assertEquals("EINVAL", Errno.name(k.madvise(t, vd, P, Madvise.GUARD_INSTALL)));
        assertEquals("EINVAL", Errno.name(k.madvise(t, vv, P, Madvise.HUGEPAGE)), "one page of four: split");
        assertEquals(0, k.madvise(t, vv, 4 * P, Madvise.NOHUGEPAGE));
        assertEquals(0, k.madvise(t, vd, 2 * P, Madvise.HUGEPAGE));
        assertEquals(0, k.madvise(t, vv, 4 * P, Madvise.WIPEONFORK));
        assertEquals("EINVAL", Errno.name(k.madvise(t, vv, 4 * P, Madvise.POPULATE_READ)));
        assertEquals(0, k.madvise(t, vd, 2 * P, Madvise.POPULATE_READ));
        assertEquals("EINVAL", Errno.name(k.madvise(t, vd, 2 * P, Madvise.POPULATE_WRITE)));
        assertEquals("EINVAL", Errno.name(k.madvise(t, vv, 4 * P, Madvise.FREE)));
        assertEquals(0, k.mlock(t, vv, P));
        assertEquals("EINVAL", Errno.name(k.mremap(t, vd, 2 * P, P, 0, 0)));
        assertEquals("EFAULT", Errno.name(k.mremap(t, vd, 2 * P, 3 * P, MapFlags.MREMAP_MAYMOVE, 0)));
        assertEquals("EINVAL", Errno.name(k.mremap(t, vd, P, P, MapFlags.MREMAP_MAYMOVE | MapFlags.MREMAP_FIXED,
            0x100000000L)));
        assertEquals("EINVAL", Errno.name(k.mremap(t, vd, 2 * P, 2 * P,
            MapFlags.MREMAP_MAYMOVE | MapFlags.MREMAP_DONTUNMAP, 0)));
        assertEquals("EINVAL", Errno.name(k.munmap(t, vv + P, P)));
        assertEquals(0, k.mseal(t, vd, 2 * P));
        assertEquals("rd ex mr mw me de hg sl", flags(named("[vdso]")));
        assertEquals("rd mr pf io dc de wf dd nh", flags(named("[vvar]")));
        ok();
    }

    @Test
    void movingTheVdsoUpdatesMmContextVdso() {
        long vd = named("[vdso]").start();
        long to = 0x200000000L;
        assertEquals(to, k.mremap(t, vd, 2 * P, 2 * P, MapFlags.MREMAP_MAYMOVE | MapFlags.MREMAP_FIXED, to));
        assertEquals(to, t.mm().contextVdso());
        assertEquals(0x7f, k.read(t, to));
        long vv = named("[vvar]").start();
        assertEquals(to + 0x10000, k.mremap(t, vv, 4 * P, 4 * P, MapFlags.MREMAP_MAYMOVE | MapFlags.MREMAP_FIXED,
            to + 0x10000), "whole [vvar] may move (no .mremap)");
        ok();
    }

    @Test
    void forkKeepsTheSpecialMappingsAndExecRestoresThem() {
        Task c = k.fork(t);
        assertEquals(k.snapshot(t).size(), k.snapshot(c).size());
        assertEquals(t.mm().contextVdso(), c.mm().contextVdso());
        assertEquals(0, k.munmap(c, c.mm().contextVdso(), 2 * P));
        assertEquals(0, k.exec(c));
        assertEquals("[vdso]", k.snapshot(c).stream().filter(s -> s.name().equals("[vdso]")).findFirst()
            .orElseThrow().name());
        ok();
    }

    @Test
    void profile319Skeleton() {
        Kernel old = new Kernel(X86Profiles.x86_64_3_19());
        Task o = old.spawn();
        VmaSnapshot vvar = old.snapshot(o).stream().filter(s -> s.name().equals("[vvar]")).findFirst().get();
        VmaSnapshot vdso = old.snapshot(o).stream().filter(s -> s.name().equals("[vdso]")).findFirst().get();
        assertEquals(vvar.end(), vdso.start(), "[vvar] precedes [vdso]");
        assertEquals(Signals.OK, old.access(o, vvar.start() + P, Kernel.ACCESS_READ));
        assertTrue(old.vtop(o, vvar.start() + P).decoded()[3].contains("PCD"), "HPET mapped uncached");
        assertTrue(!old.isRam(old.vtop(o, vvar.start() + P).pfn()), "HPET is IO memory");
        assertEquals("r-xp", old.snapshot(o).get(old.snapshot(o).size() - 1).perms(), "[vsyscall] emulate");
    }
}
