package org.mmwb.core.mm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mmwb.core.internal.log.FaultLog;
import org.mmwb.core.internal.mm.Dumps;
import org.mmwb.core.internal.mm.Exec;
import org.mmwb.core.internal.mm.Faults;
import org.mmwb.core.internal.mm.ForkExit;
import org.mmwb.core.internal.mm.Invariants;
import org.mmwb.core.internal.mm.IoMemoryRegistry;
import org.mmwb.core.internal.mm.Limits;
import org.mmwb.core.internal.mm.MadviseOps;
import org.mmwb.core.internal.mm.Mm;
import org.mmwb.core.internal.mm.MmKernel;
import org.mmwb.core.internal.mm.MmapOps;
import org.mmwb.core.internal.mm.ModifyOps;
import org.mmwb.core.internal.mm.MremapOps;
import org.mmwb.core.internal.mm.OomKill;
import org.mmwb.core.internal.mm.SmapsWalk;
import org.mmwb.core.internal.mm.SpecialMappings;
import org.mmwb.core.internal.mm.TaskImpl;
import org.mmwb.core.internal.mm.Vma;
import org.mmwb.core.internal.page.PhysMem;

/**
 * The simulated machine: tasks with their mm, physical memory, the fault log and a kernel profile.
 * System calls take the calling task and return what the kernel's syscall returns: a value &gt;= 0 or
 * {@code -errno} (use {@link Errno#name}). Memory accesses return {@link Signals#OK} or an encoded signal.
 * Not thread-safe: one caller at a time (as one CPU).
 *
 * <p>Out of memory. The machine has {@link #ramPages()} of RAM (the profile's, 4 GiB by default), shared by
 * pages and page tables. When a fault or populate cannot get a page, the page allocator's slow path runs the
 * OOM killer (mm/page_alloc.c __alloc_pages_may_oom -> mm/oom_kill.c out_of_memory): select_bad_process picks
 * the live task with the highest oom_badness (RSS + page-table pages; oom_score_adj is 0 for all, ties go to
 * the task met last, the newest) and oom_kill_process sends it SIGKILL; the oom_reaper frees its memory. Here:
 * <ul>
 * <li>another task chosen: it dies at once (its mm is torn down, {@link Task#exitSignal()} is SIGKILL) and the
 * allocation is retried;</li>
 * <li>the faulting task chosen: the allocation fails, the fault returns VM_FAULT_OOM and the task dies when the
 * operation returns. A user access ends with SIGKILL (arch/x86/mm/fault.c mm_fault_error -> pagefault_out_of_memory,
 * which since 5.16 only returns because the SIGKILL is pending). Populate stops at the failing page (mm/gup.c
 * vm_fault_to_errno: -ENOMEM; fatal_signal_pending: -EINTR): mmap(MAP_POPULATE / MAP_LOCKED) ignores it and
 * returns the address, MADV_POPULATE_* returns -ENOMEM (failure on the range's first page) or -EINTR, mlock
 * returns -EAGAIN (__mlock_posix_error_return of -ENOMEM) or -EINTR, mlockall(MCL_CURRENT) ignores it (mm_populate)
 * and returns 0. The task is dead afterwards either way:
 * later calls on it give -ESRCH.</li>
 * </ul>
 * Limits (resource limits, vm.max_map_count, overcommit) are applied where the kernel applies them: see
 * {@link #setSysctl} and {@link #setrlimit}. Not modelled: memory cgroups, oom_score_adj, swap.
 */
public final class Kernel {
    /** Access kinds for {@link #access}. */
    public static final int ACCESS_READ = Faults.READ;
    /** A write access (a store). */
    public static final int ACCESS_WRITE = Faults.WRITE;
    /** An instruction fetch. */
    public static final int ACCESS_EXEC = Faults.EXEC;

    private final KernelProfile profile;
    private final MmKernel k;
    private final Map<Integer, TaskImpl> tasks = new LinkedHashMap<>();
    private final Map<String, SpecialMapping> mappings = new LinkedHashMap<>();
    private final Map<String, SpecialMappingProvider> providers = new LinkedHashMap<>();
    private int nextPid = 1;
    private final OomKill oom;
    private final IoMemoryRegistry io;

    /** A machine running profile, with a fault log of 16M entries. */
    public Kernel(KernelProfile profile) {
        this(profile, 1L << 24);
    }

    /** @param faultLogLimit how many faults the log keeps (older ones are dropped) */
    public Kernel(KernelProfile profile, long faultLogLimit) {
        this.profile = profile;
        this.k = new MmKernel(faultLogLimit, profile.ramPages());
        this.oom = new OomKill(k, tasks.values());
        this.io = new IoMemoryRegistry(k);
        k.oom = oom;
        k.committedPages = this::committedPages;
        k.timeNamespace = profile.timeNamespace();
        for (SpecialMappingProvider p : profile.providers()) {
            if (!p.profiles().isEmpty() && !p.profiles().contains(profile.name())) {
                continue;
            }
            providers.put(p.name(), p);
            if (p.placement().kind() == Placement.Kind.GATE) {
                continue;
            }
            int refusedBefore = io.refusals();
            io.beginCreate(p.name() + " (" + p.contributor() + ")");
            SpecialMapping made = null;
            try {
                SpecialMapping sm = p.create(this);
                // IO memory that clashed with another device's: the mapping would alias it, so it is left out
                if (sm != null && io.refusals() == refusedBefore) {
                    mappings.put(p.name(), sm);
                    made = sm;
                }
            } catch (RuntimeException e) {
                // a broken provider is skipped; its mapping is simply absent
            } finally {
                io.endCreate(made);
            }
        }
    }

    /** The profile this kernel runs. */
    public KernelProfile profile() {
        return profile;
    }

    /** Whether tasks of this kernel are in a time namespace (vvar's timens page). */
    public boolean timeNamespace() {
        return k.timeNamespace;
    }

    // ----------------------------------------------------------------------------------------- tasks

    /** A new task with a freshly exec'd address space (pid 1, 2, ...). */
    public Task spawn() {
        TaskImpl t = new TaskImpl(this, nextPid++, null, newLayout());
        tasks.put(t.pid(), t);
        return t;
    }

    private Mm newLayout() {
        List<SpecialMappingProvider> active = new ArrayList<>(providers.values());
        KernelProfile p = profile.withProviders(active);
        return Exec.newLayout(k, p, mappings, (prov, vma) -> prov.installed(vma.mm(), vma));
    }

    /** execve: the task's mm is torn down (close callbacks run) and replaced by the profile's layout. */
    public long exec(Task t) {
        TaskImpl ti = live(t);
        if (ti == null) {
            return -Errno.ESRCH;
        }
        ForkExit.exitMmap(ti.engineMm());
        ti.setMm(newLayout());
        return 0;
    }

    /**
     * execve as recorded on the live kernel (replay of a recording): the task's mm is torn down and replaced by
     * an address space holding only the [stack] at [stackStart, stackEnd) and the gate area, with mmap_base,
     * start_brk and start_stack as the live kernel chose them. The caller maps the recorded ELF segments and
     * places the special mappings ({@link #installSpecialMapping(Task, String, long)}). 0 or -ESRCH.
     */
    public long execRecorded(Task t, long mmapBase, long startBrk, long startStack, long stackStart, long stackEnd) {
        TaskImpl ti = live(t);
        if (ti == null) {
            return -Errno.ESRCH;
        }
        if ((stackStart & 0xfff) != 0 || (stackEnd & 0xfff) != 0 || stackEnd <= stackStart
                || stackEnd > profile.taskSize()) {
            return -Errno.EINVAL;
        }
        ForkExit.exitMmap(ti.engineMm());
        List<SpecialMappingProvider> active = new ArrayList<>(providers.values());
        KernelProfile p = profile.withProviders(active);
        ti.setMm(Exec.recordedLayout(k, p, mmapBase, startBrk, startStack, stackStart, stackEnd));
        return 0;
    }

    /**
     * fork: a child with a copy of the parent's mm (COW); returns the child, or null if the parent is dead or
     * the page tables copy_page_range may need (at most the parent's) cannot be had: fork's -ENOMEM.
     */
    public Task fork(Task parent) {
        TaskImpl p = live(parent);
        if (p == null) {
            return null;
        }
        long need = p.engineMm().pageTable().tablePages() - 1;
        if (need > k.phys.freeFrames() || k.phys.pgtableFrames() + need > k.phys.maxPgtableFrames()) {
            return null;
        }
        TaskImpl c = new TaskImpl(this, nextPid++, p, ForkExit.dupMmap(p.engineMm()));
        tasks.put(c.pid(), c);
        return c;
    }

    /** exit: the task's mm is torn down; 0 or -ESRCH. */
    public long exit(Task t) {
        TaskImpl ti = live(t);
        if (ti == null) {
            return -Errno.ESRCH;
        }
        ForkExit.exitMmap(ti.engineMm());
        ti.setMm(null);
        return 0;
    }

    /** The task with this pid (live or exited), or null. */
    public Task task(int pid) {
        return tasks.get(pid);
    }

    /** Every task ever created, live or not, in pid order. */
    public List<Task> tasks() {
        return Collections.unmodifiableList(new ArrayList<>(tasks.values()));
    }

    private TaskImpl live(Task t) {
        if (!(t instanceof TaskImpl ti) || ti.owner() != this || ti.engineMm() == null) {
            return null;
        }
        return ti;
    }

    private Mm mm(Task t) {
        TaskImpl ti = live(t);
        return ti == null ? null : ti.engineMm();
    }

    // ----------------------------------------------------------------------------------------- syscalls

    /** memfd_create(name) + ftruncate(size). */
    public MemFile memfd(String name, long size) {
        return MemFile.memfd(name, size, k.nextIno());
    }

    /**
     * pwrite of one byte into a file: the page enters the page cache (as written pages do) and holds b at
     * offset. Returns 0, -EFBIG past the file's size, or -ENOMEM when RAM is used up.
     */
    public long pwrite(MemFile file, long offset, byte b) {
        if (offset < 0 || offset >= file.size()) {
            return -Errno.EFBIG;
        }
        long pfn = k.shmem().pageCachePage(file, offset >>> 12);
        if (pfn < 0) {
            return -Errno.ENOMEM;
        }
        k.phys.write(pfn, (int) (offset & 0xfff), b);
        return 0;
    }

    /** mmap(2). file is ignored with MAP_ANONYMOUS; offset must be page aligned. */
    public long mmap(Task t, long addr, long len, int prot, int flags, MemFile file, long offset) {
        Mm mm = mm(t);
        return mm == null ? -Errno.ESRCH : reap(t, MmapOps.mmap(mm, t.pid(), addr, len, prot, flags, file, offset));
    }

    /** munmap(2): 0 or -errno. */
    public long munmap(Task t, long addr, long len) {
        Mm mm = mm(t);
        return mm == null ? -Errno.ESRCH : MmapOps.munmap(mm, addr, len);
    }

    /** mprotect(2) (prot: {@link Prot} bits): 0 or -errno. */
    public long mprotect(Task t, long addr, long len, int prot) {
        Mm mm = mm(t);
        return mm == null ? -Errno.ESRCH : reap(t, ModifyOps.mprotect(mm, t.pid(), addr, len, prot));
    }

    /** mremap(2); newAddr is used with MREMAP_FIXED. */
    public long mremap(Task t, long oldAddr, long oldLen, long newLen, int flags, long newAddr) {
        Mm mm = mm(t);
        return mm == null ? -Errno.ESRCH
            : reap(t, MremapOps.mremap(mm, t.pid(), oldAddr, oldLen, newLen, flags, newAddr));
    }

    /** madvise(2) (advice: a {@link Madvise} constant): 0 or -errno. */
    public long madvise(Task t, long addr, long len, int advice) {
        Mm mm = mm(t);
        return mm == null ? -Errno.ESRCH : reap(t, MadviseOps.madvise(mm, t.pid(), addr, len, advice));
    }

    /** mlock(2): 0 or -errno. */
    public long mlock(Task t, long addr, long len) {
        return mlock2(t, addr, len, 0);
    }

    /** mlock2(2) (flags MLOCK_ONFAULT). The task has CAP_IPC_LOCK, like root on the host, unless
     *  {@link #setCapIpcLock} dropped it. */
    public long mlock2(Task t, long addr, long len, int flags) {
        Mm mm = mm(t);
        return mm == null ? -Errno.ESRCH : reap(t, ModifyOps.mlock(mm, t.pid(), addr, len, flags));
    }

    /**
     * mlockall(2) (mm/mlock.c): flags {@link MapFlags#MCL_CURRENT}, {@link MapFlags#MCL_FUTURE},
     * {@link MapFlags#MCL_ONFAULT}. 0, -EINVAL, -EPERM (RLIMIT_MEMLOCK 0 without CAP_IPC_LOCK) or -ENOMEM
     * (MCL_CURRENT with total_vm above RLIMIT_MEMLOCK without CAP_IPC_LOCK).
     */
    public long mlockall(Task t, int flags) {
        Mm mm = mm(t);
        return mm == null ? -Errno.ESRCH : reap(t, ModifyOps.mlockall(mm, t.pid(), flags));
    }

    /** munlockall(2): unlocks every VMA and ends mlockall(MCL_FUTURE); 0. */
    public long munlockall(Task t) {
        Mm mm = mm(t);
        return mm == null ? -Errno.ESRCH : ModifyOps.munlockall(mm);
    }

    /**
     * Drops (or gives back) CAP_IPC_LOCK of the task, as capset(2) of a root process dropping it: without it
     * RLIMIT_MEMLOCK limits mlock, mlock2, mlockall, MAP_LOCKED and locked growth (can_do_mlock,
     * mlock_future_ok). Tasks start with it (root), and forked children inherit the task's. 0 or -ESRCH.
     */
    public long setCapIpcLock(Task t, boolean has) {
        Mm mm = mm(t);
        if (mm == null) {
            return -Errno.ESRCH;
        }
        ModifyOps.setCapIpcLock(mm, has);
        return 0;
    }

    /** munlock(2): 0 or -errno. */
    public long munlock(Task t, long addr, long len) {
        Mm mm = mm(t);
        return mm == null ? -Errno.ESRCH : ModifyOps.munlock(mm, addr, len);
    }

    /** mseal(2) with flags 0: 0 or -errno. */
    public long mseal(Task t, long addr, long len) {
        Mm mm = mm(t);
        return mm == null ? -Errno.ESRCH : ModifyOps.mseal(mm, addr, len, 0);
    }

    /** brk(2): the new break, or the unchanged one on failure (0 asks for the current break). */
    public long brk(Task t, long addr) {
        Mm mm = mm(t);
        return mm == null ? -Errno.ESRCH : reap(t, MmapOps.brk(mm, t.pid(), addr));
    }

    // ----------------------------------------------------------------------------------------- memory access

    /** One user access of the byte at addr: Signals.OK or an encoded signal (see {@link Signals#describe}). */
    public int access(Task t, long addr, int access) {
        Mm mm = mm(t);
        return mm == null ? Signals.encode(Signals.SIGKILL, 0)
            : reap(t, k.faults().access(mm, t.pid(), addr, access));
    }

    // ----------------------------------------------------------------------------------------- out of memory

    /**
     * When the operation that just ran on t got t chosen by the OOM killer, t dies now (exit with SIGKILL, its
     * memory given back); the two-argument forms return the operation's result r.
     */
    private void reap(Task t) {
        TaskImpl ti = live(t);
        if (ti != null && ti.engineMm().oomKilled) {
            OomKill.oomKillProcess(ti);
        }
    }

    private long reap(Task t, long r) {
        reap(t);
        return r;
    }

    private int reap(Task t, int r) {
        reap(t);
        return r;
    }

    /** vm_committed_as: the pages every live task has committed. */
    private long committedPages() {
        long n = 0;
        for (TaskImpl t : tasks.values()) {
            if (t.engineMm() != null) {
                n += Limits.committed(t.engineMm());
            }
        }
        return n;
    }

    /** The OOM killer's messages so far, oldest first (as dmesg's "Out of memory: Killed process ..."). */
    public List<String> oomKills() {
        return oom.kills();
    }

    /** totalram_pages: the RAM of this machine in 4 KiB pages. */
    public long ramPages() {
        return k.phys.ramFrames();
    }

    /**
     * Resizes the RAM (at least 1 page). Shrinking below what is in use frees nothing: the next allocations run
     * the OOM killer.
     */
    public void setRamPages(long pages) {
        k.phys.setRamFrames(pages);
    }

    /**
     * mm_forbids_zeropage(): when true, read faults on private anonymous memory map a fresh zeroed page (and a THP
     * region a fresh huge folio) instead of the shared (huge) zero page. Upstream x86 never forbids it; some hosts
     * boot a kernel patched to (pvm_no_zero_page=1), and comparisons with such a host must do the same.
     */
    public void setZeroPageForbidden(boolean forbidden) {
        k.forbidsZeroPage = forbidden;
    }

    /** Whether read faults avoid the zero page (see {@link #setZeroPageForbidden(boolean)}). */
    public boolean zeroPageForbidden() {
        return k.forbidsZeroPage;
    }

    /** RAM pages neither allocated nor holding page tables. */
    public long freePages() {
        return k.phys.freeFrames();
    }

    /** Page-table pages in use by all tasks (NR_PAGETABLE; pgds excluded). */
    public long pgtablePages() {
        return k.phys.pgtableFrames();
    }

    /**
     * Caps page-table pages (default 65536, 256 MiB of Java heap: a table costs 4 KiB of heap where a page
     * costs about 6 bytes). Reaching the cap is out of memory like RAM running out.
     */
    public void setMaxPgtablePages(long n) {
        k.phys.setMaxPgtableFrames(n);
    }

    /** The scenario's touch: the first byte of each page of [addr, addr+len); writes store 'Z'. */
    public int[] touch(Task t, long addr, long len, int access) {
        long first = addr & ~0xfffL;
        long n = len <= 0 ? 1 : ((addr + len - 1 - first) >>> 12) + 1;
        int[] out = new int[(int) Math.min(n, 1 << 24)];
        for (int i = 0; i < out.length; i++) {
            long va = first + ((long) i << 12);
            out[i] = access == ACCESS_WRITE ? write(t, va, (byte) 'Z') : access(t, va, access);
        }
        return out;
    }

    /**
     * Reads one byte: its value 0..255, or -(encoded signal). A byte of device memory comes from the
     * {@link IoMemory} registered for its PFN (0 when none is); a device whose readb throws fails the load with
     * SIGBUS(BUS_ADRERR), reported to its provider's mapping (see {@link IoMemory}).
     */
    public long read(Task t, long addr) {
        int r = access(t, addr, ACCESS_READ);
        if (r != Signals.OK) {
            return -(long) r;
        }
        Mm mm = mm(t);
        long pfn = Faults.pfnAfterAccess(mm, addr);
        int off = (int) (addr & 0xfff);
        if (pfn < 0) {
            return 0;
        }
        if (!k.phys.isRam(pfn)) {
            int b = io.readb(mm.findVma(addr), addr, pfn, off);
            return b == IoMemoryRegistry.DEVICE_ERROR ? -(long) Signals.BUS_ADRERR_RESULT : b;
        }
        return k.phys.read(pfn, off) & 0xff;
    }

    /**
     * Writes one byte: Signals.OK or an encoded signal. A store to device memory goes to its {@link IoMemory}; one
     * whose writeb throws fails the store with SIGBUS(BUS_ADRERR), as {@link #read} does.
     */
    public int write(Task t, long addr, byte value) {
        int r = access(t, addr, ACCESS_WRITE);
        if (r == Signals.OK) {
            Mm mm = mm(t);
            long pfn = Faults.pfnAfterAccess(mm, addr);
            if (pfn < 0) {
                return r;
            }
            if (!k.phys.isRam(pfn)) {
                int w = io.writeb(mm.findVma(addr), addr, pfn, (int) (addr & 0xfff), value);
                return w == IoMemoryRegistry.DEVICE_ERROR ? Signals.BUS_ADRERR_RESULT : r;
            } else if (k.phys.isAllocated(pfn) && pfn != k.phys.zeroPfn()) {
                k.phys.write(pfn, (int) (addr & 0xfff), value);
            }
        }
        return r;
    }

    // ----------------------------------------------------------------------------------------- IO memory

    /**
     * Attaches a device model to [firstPfn, firstPfn + pages) of device memory, so that user reads and writes of
     * addresses mapped to those PFNs reach it (request_mem_region + ioremap of a fixed BAR). Returns 0, -EINVAL
     * (pages &lt;= 0, a null device, or a PFN that is RAM) or -EBUSY (overlaps a registered range). A provider
     * whose {@code create} is refused with EBUSY is an install-time error: its mapping is left out of the kernel
     * (and the registry logs it with the bundle), so two devices never alias the same PFNs. Use
     * {@link #allocIoMemory} when the PFNs need not be fixed.
     */
    public long registerIoMemory(long firstPfn, int pages, IoMemory device) {
        return io.register(firstPfn, pages, device);
    }

    /**
     * Hands out {@code pages} device PFNs in the PCI hole that nobody has registered and attaches device to them
     * (what the PCI core does when it assigns a BAR): the first PFN, or -EINVAL (pages &lt;= 0, null device) or
     * -ENOMEM (the hole has no free range that long). Ranges are taken bottom-up from the hole's start, so the
     * well-known fixed devices near its top (the HPET at 0xfed00) keep their addresses.
     */
    public long allocIoMemory(int pages, IoMemory device) {
        return io.alloc(pages, device);
    }

    /**
     * Who registered the IO memory at pfn: "[name] (bundle)" of the provider whose {@code create} registered it,
     * "" for a registration outside provider creation, null when pfn is not registered IO memory.
     */
    public String ioMemoryOwner(long pfn) {
        return io.owner(pfn);
    }

    /** How many IO memory registrations were refused with EBUSY in this kernel (see {@link #registerIoMemory}). */
    public int ioMemoryRefusals() {
        return io.refusals();
    }

    /** Why the last IO memory registration was refused with EBUSY ("" when none was). */
    public String lastIoMemoryRefusal() {
        return io.lastRefusal();
    }

    /** Detaches the device registered at firstPfn; 0 or -ENOENT. */
    public long unregisterIoMemory(long firstPfn) {
        return io.unregister(firstPfn);
    }

    /**
     * get_unmapped_area for an anonymous mapping of len bytes: where mmap(NULL, len) would place it, without
     * mapping anything (for providers that install a special mapping themselves). The address or -errno.
     */
    public long getUnmappedArea(Task t, long len) {
        return getUnmappedArea(t, 0, len, 0);
    }

    /**
     * get_unmapped_area with a hint (or, with {@link MapFlags#FIXED} in flags, a required address; MAP_SHARED
     * is honoured too). The page-aligned address or -errno (-EINVAL, -ENOMEM, -ESRCH for a dead task).
     */
    public long getUnmappedArea(Task t, long addr, long len, int flags) {
        Mm mm = mm(t);
        return mm == null ? -Errno.ESRCH : MmapOps.getUnmappedArea(mm, addr, len, flags);
    }

    // ----------------------------------------------------------------------------------------- special mappings

    /**
     * _install_special_mapping into a task's mm at a fixed, free, page-aligned range. Returns addr or -errno
     * (-EINVAL bad range, -ENOMEM taken).
     */
    public long installSpecialMapping(Task t, long addr, long len, long vmFlags, SpecialMapping sm) {
        Mm mm = mm(t);
        if (mm == null) {
            return -Errno.ESRCH;
        }
        if ((addr & 0xfff) != 0 || len <= 0 || (len & 0xfff) != 0) {
            return -Errno.EINVAL;
        }
        Vma v = SpecialMappings.install(mm, addr, len, vmFlags, sm);
        return v == null ? -Errno.ENOMEM : addr;
    }

    /**
     * Installs the special mapping of the provider called name ("[vdso]") at addr, as exec's
     * arch_setup_additional_pages does (the provider's installed() callback runs: x86 records
     * mm->context.vdso). Returns addr, -ENOENT (no such mapping in this kernel) or -errno as the other variant.
     */
    public long installSpecialMapping(Task t, String name, long addr) {
        SpecialMappingProvider prov = providers.get(name);
        SpecialMapping sm = mappings.get(name);
        if (prov == null || sm == null) {
            return -Errno.ENOENT;
        }
        long r = installSpecialMapping(t, addr, (long) prov.pages() << 12, prov.vmFlags(), sm);
        if (r >= 0) {
            Mm mm = mm(t);
            Vma v = mm.findVma(addr);
            if (v != null) {
                prov.installed(mm, v);
            }
        }
        return r;
    }

    /**
     * Brings page index of a file into the page cache (the page-cache residency a recording found on the live
     * kernel). Returns 0, -EFBIG past the file's size, or -ENOMEM when RAM is used up.
     */
    public long cachePage(MemFile file, long index) {
        if (index < 0 || index >= file.sizePages()) {
            return -Errno.EFBIG;
        }
        return k.shmem().pageCachePage(file, index) < 0 ? -Errno.ENOMEM : 0;
    }

    /** The mapping a provider of this kernel created, by name ("[vdso]"), or null. */
    public SpecialMapping specialMapping(String name) {
        return mappings.get(name);
    }

    /** The providers active in this kernel, in installation order. */
    public List<SpecialMappingProvider> providers() {
        return List.copyOf(providers.values());
    }

    /** A kernel page (for vDSO images, data pages): a PFN with refcount 1 that no one frees; -1 if RAM is full. */
    public long allocKernelPage() {
        return k.phys.alloc(PhysMem.KIND_KERNEL);
    }

    /** Writes a byte into a kernel page (to give vDSO/data pages recognisable contents). */
    public void writeKernelPage(long pfn, int offset, byte b) {
        k.phys.write(pfn, offset, b);
    }

    /**
     * The PFN of the i-th page of the PCI hole (IO memory, not RAM). A fixed choice may alias another device:
     * providers take theirs from {@link #allocIoMemory} (or register them with {@link #registerIoMemory}).
     */
    public long ioPfn(int index) {
        return PhysMem.IO_PFN_BASE + index;
    }

    /** RAM frames allocated now (all kinds: anon, page cache, kernel; the zero page included). */
    public long allocatedFrames() {
        return k.phys.allocatedFrames();
    }

    /** Java heap bytes of the simulated struct page metadata (for footprint figures: bytes per resident page). */
    public long physBytesUsed() {
        return k.phys.bytesUsed();
    }

    /** Whether a PFN is RAM (false for device memory). */
    public boolean isRam(long pfn) {
        return k.phys.isRam(pfn);
    }

    // ----------------------------------------------------------------------------------------- dumps

    /** The task's VMAs as smaps shows them (gate area last), with page states. */
    public List<VmaSnapshot> snapshot(Task t) {
        Mm mm = mm(t);
        return mm == null ? List.of() : Dumps.snapshot(mm);
    }

    /** /proc/PID/maps text with a VmFlags and a pages line after each mapping. */
    public String maps(Task t) {
        StringBuilder sb = new StringBuilder();
        for (VmaSnapshot s : snapshot(t)) {
            sb.append(s.mapsLine()).append('\n').append(s.vmFlagsLine()).append('\n')
                .append("Pages: ").append(s.pages()).append('\n');
        }
        return sb.toString();
    }

    /** The pagemap letter of the page at addr (. Z A a F G). */
    public char pageState(Task t, long addr) {
        Mm mm = mm(t);
        return mm == null ? '.' : Dumps.pageState(mm, addr);
    }

    /** /proc/PID/smaps counters of each VMA of the task, in address order (none after exit). */
    public List<Smaps> smaps(Task t) {
        Mm mm = mm(t);
        return mm == null ? List.of() : SmapsWalk.smaps(k, mm);
    }

    /** show_smap (fs/proc/task_mmu.c) of one VMA: the task's VMA that starts at {@code start}, or null. */
    public Smaps smaps(Task t, long start) {
        Mm mm = mm(t);
        return mm == null ? null : SmapsWalk.smapsAt(k, mm, start);
    }

    /**
     * The struct page of a frame and every live task's PTE that maps it (crash's {@code kmem -p} plus an rmap
     * walk). Walks all page tables: for an inspector, not for a loop.
     */
    public PageInfo pageInfo(long pfn) {
        List<Mm> mms = new ArrayList<>();
        List<Integer> pids = new ArrayList<>();
        for (Task t : tasks()) {
            Mm mm = mm(t);
            if (mm != null) {
                mms.add(mm);
                pids.add(t.pid());
            }
        }
        return SmapsWalk.pageInfo(k, mms, pids, pfn);
    }

    /** A vtop-style walk of addr. */
    public PteWalk vtop(Task t, long addr) {
        Mm mm = mm(t);
        return mm == null ? null : Dumps.vtop(mm, addr);
    }

    // ----------------------------------------------------------------------------------------- fault log

    /** Number of faults logged so far (the next seq). */
    public long faultCount() {
        return k.log.nextSeq();
    }

    /** The oldest seq still in the log. */
    public long firstFaultSeq() {
        return k.log.firstSeq();
    }

    /**
     * One fault of the log. Its VMA is named from the faulting task's current mm (one find_vma): by name, by range
     * when unnamed, by start alone when that VMA is gone.
     */
    public FaultRecord fault(long seq) {
        FaultLog l = k.log;
        String handler = l.name(l.handler(seq));
        String path = l.name(l.path(seq));
        int pid = l.pid(seq);
        long vmaStart = l.vmaStart(seq);
        return new FaultRecord(seq, pid, l.address(seq), ReadOnlyFaultLog.accessName(l.access(seq)), vmaStart,
            vmaName(pid, vmaStart), handler == null || handler.isEmpty() ? path : handler, path, l.pgoff(seq),
            l.result(seq), l.pfn(seq), k.reason(seq), null, (l.access(seq) & ReadOnlyFaultLog.ACCESS_USER) != 0);
    }

    private String vmaName(int pid, long vmaStart) {
        if (vmaStart == ReadOnlyFaultLog.NO_VMA) {
            return "";
        }
        Task t = task(pid);
        if (t != null && t.alive() && t.mm() != null) {
            VmArea v = t.mm().findVma(vmaStart);
            if (v != null && v.start() == vmaStart) {
                return v.name().isEmpty() ? Long.toHexString(v.start()) + "-" + Long.toHexString(v.end()) : v.name();
            }
        }
        return Long.toHexString(vmaStart);
    }

    /** The faults with seq in [from, nextSeq). */
    public List<FaultRecord> faults(long from) {
        List<FaultRecord> out = new ArrayList<>();
        for (long s = Math.max(from, k.log.firstSeq()); s < k.log.nextSeq(); s++) {
            out.add(fault(s));
        }
        return out;
    }

    /** The fault log, read-only (columnar; for views that page through millions of rows). */
    public ReadOnlyFaultLog faultLog() {
        return k.log;
    }

    // ----------------------------------------------------------------------------------------- checks

    /** Invariant violations across all live tasks (empty when consistent). */
    public List<String> checkInvariants() {
        List<Mm> mms = new ArrayList<>();
        for (TaskImpl t : tasks.values()) {
            if (t.engineMm() != null) {
                mms.add(t.engineMm());
            }
        }
        return Invariants.check(k, mms);
    }

    /** vm.max_map_count (65530 by default). */
    public void setMaxMapCount(int n) {
        k.setMaxMapCount(n);
    }

    // ----------------------------------------------------------------------------------------- limits

    /**
     * Writes /proc/sys/vm/NAME: {@code max_map_count} (65530), {@code overcommit_memory} (0, 1 or 2),
     * {@code overcommit_ratio} (50), {@code mmap_min_addr} (65536). Returns 0, -EINVAL for a value the kernel
     * refuses, -ENOENT for a sysctl this machine does not have.
     */
    public long setSysctl(String name, long value) {
        return k.setSysctl(name, value);
    }

    /** The value of a vm sysctl {@link #setSysctl} knows, or -1. */
    public long sysctl(String name) {
        return k.sysctl(name);
    }

    /**
     * setrlimit(2) of the task (root: the hard limit may be raised). {@code resource} is the kernel's number
     * (RLIMIT_DATA 2, RLIMIT_STACK 3, RLIMIT_MEMLOCK 8, RLIMIT_AS 9); -1 is RLIM_INFINITY. Forked children
     * inherit the limits. Returns 0, -EINVAL (soft above hard, unknown resource) or -ESRCH.
     */
    public long setrlimit(Task t, int resource, long soft, long hard) {
        Mm m = mm(t);
        return m == null ? -Errno.ESRCH : Limits.setrlimit(m, resource, soft, hard);
    }

    /** The task's soft limit of a resource (-1 for RLIM_INFINITY); -ESRCH (-3) for a dead task, -EINVAL (-22). */
    public long getrlimit(Task t, int resource) {
        Mm m = mm(t);
        return m == null ? -Errno.ESRCH : resource < 0 || resource >= 16 ? -Errno.EINVAL : m.rlimits().cur(resource);
    }

    /** The task's hard limit of a resource (-1 for RLIM_INFINITY); -ESRCH (-3) for a dead task, -EINVAL (-22). */
    public long getrlimitMax(Task t, int resource) {
        Mm m = mm(t);
        return m == null ? -Errno.ESRCH : resource < 0 || resource >= 16 ? -Errno.EINVAL : m.rlimits().max(resource);
    }

    /** The counters the limits apply to, in pages or VMAs: map_count, total_vm, data_vm, locked_vm. */
    public long[] limitCounters(Task t) {
        Mm m = mm(t);
        return m == null ? new long[4] : new long[] {m.mapCount(), m.totalVm(), Limits.dataVmOf(m), m.lockedVm()};
    }
}
