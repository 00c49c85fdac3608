package org.mmwb.scenario;

import java.util.List;
import java.util.OptionalLong;

import org.mmwb.core.mm.FaultRecord;
import org.mmwb.core.mm.KernelProfile;
import org.mmwb.core.mm.VmaSnapshot;

/**
 * A machine that a scenario can drive: the simulator (org.mmwb.core) or the live kernel (org.mmwb.host).
 * <p>
 * Every method works on the <em>current process</em> ({@link #currentPid()}) and receives the kernel's own numeric
 * arguments (PROT_*, MAP_*, MREMAP_*, MADV_* values of org.mmwb.core.mm: {@link org.mmwb.core.mm.Prot}, {@link org.mmwb.core.mm.MapFlags}, {@link org.mmwb.core.mm.Madvise}), already resolved by the runner, so a
 * live-kernel adapter passes them straight to the system call. Failures are results, never exceptions: a system
 * call that fails returns {@link OpResult#errno(String)}, an access that faults returns
 * {@link OpResult#signal(String, String)}. An exception thrown here is treated as a target bug and reported as
 * {@code error(...)} for that operation only.
 * <p>
 * Pids are <em>scenario pids</em>: 1 for the first process, then 2, 3, ... in fork order. A live-kernel adapter
 * maps the real pids to these, so two machines give the same pids.
 */
public interface ScenarioTarget extends AutoCloseable {

    /** Opens a target for a kernel profile; used by {@link ScenarioRunner#run(Scenario, Factory)}. */
    @FunctionalInterface
    interface Factory {
        /**
         * @param profile the scenario's kernel profile
         * @param levels  page-table levels, 4 or 5
         */
        ScenarioTarget open(KernelProfile profile, int levels);
    }

    /**
     * Creates a memfd-like file of {@code size} bytes whose byte 0 of page i holds 'A'+i (mod 26); it maps as
     * {@code /memfd:NAME (deleted)}.
     *
     * @return ok, or an errno
     */
    OpResult createFile(String name, long size);

    /**
     * mmap(2).
     *
     * @param file   a file made by {@link #createFile}, or null for anonymous memory (then flags has MAP_ANONYMOUS)
     * @param offset file offset in bytes (0 for anonymous)
     * @return the mapping's address, or an errno
     */
    OpResult mmap(long addr, long len, int prot, int flags, String file, long offset);

    /** munmap(2): ok or an errno. */
    OpResult munmap(long addr, long len);

    /** mprotect(2): ok or an errno. */
    OpResult mprotect(long addr, long len, int prot);

    /**
     * mremap(2).
     *
     * @param newAddr the new address, meaningful with MREMAP_FIXED (0 otherwise)
     * @return the new address, or an errno
     */
    OpResult mremap(long oldAddr, long oldLen, long newLen, int flags, long newAddr);

    /** madvise(2) with an MADV_* number: ok or an errno. */
    OpResult madvise(long addr, long len, int advice);

    /** mlock(2): ok or an errno. */
    OpResult mlock(long addr, long len);

    /** munlock(2): ok or an errno. */
    OpResult munlock(long addr, long len);

    /**
     * mlockall(2) of the current process with the MCL_* bits {@code flags} ({@link org.mmwb.core.mm.MapFlags#MCL_CURRENT},
     * {@code MCL_FUTURE}, {@code MCL_ONFAULT}), passed unchanged.
     *
     * @return ok, or an errno (ENOSYS where the target lacks it)
     */
    default OpResult mlockall(int flags) {
        return OpResult.errno("ENOSYS");
    }

    /** munlockall(2) of the current process: ok, or an errno (ENOSYS where the target lacks it). */
    default OpResult munlockall() {
        return OpResult.errno("ENOSYS");
    }

    /**
     * Drops capability {@code cap} (the kernel's number; 14 is CAP_IPC_LOCK) from the current process, as
     * capset(2) of a root process dropping it from its effective, permitted and inheritable sets. Forked children
     * inherit the process's capabilities.
     *
     * @return ok, or an errno (ENOSYS where the target lacks it)
     */
    default OpResult capdrop(int cap) {
        return OpResult.errno("ENOSYS");
    }

    /** mseal(2) with flags 0: ok or an errno. */
    OpResult mseal(long addr, long len, long flags);

    /** The brk system call: returns the (new or unchanged) program break as a value, as the kernel's sys_brk does;
     *  {@code brk(0)} queries it. */
    OpResult brk(long addr);

    /**
     * Accesses one byte as a user-mode load, store or instruction fetch. A store writes 0x5a ('Z').
     *
     * @return ok, or the signal the access raises with its si_code
     */
    OpResult touch(long addr, Access access);

    /**
     * The {@code touch} of {@code pages} pages from {@code addr}: the first access at {@code addr}, then the first
     * byte of each following page, one result per page. A target that does a range in one step (the live kernel's
     * helper: one request instead of one per page) overrides it; the default touches page by page.
     */
    default List<OpResult> touchRange(long addr, long pages, Access access) {
        List<OpResult> out = new java.util.ArrayList<>();
        long page = addr & -KernelProfile.PAGE_SIZE;
        for (long i = 0; i < pages; i++) {
            out.add(touch(i == 0 ? addr : page + i * KernelProfile.PAGE_SIZE, access));
        }
        return out;
    }

    /** Loads one byte: its value (0..255), or a signal. */
    OpResult read(long addr);

    /** Stores one byte: ok, or a signal. */
    OpResult write(long addr, int value);

    /**
     * fork(2). Execution continues in the child: afterwards {@link #currentPid()} is the child.
     *
     * @return the child's scenario pid ({@link OpResult#pid(int)}), or an errno
     */
    OpResult fork();

    /** Ends the current process; its parent becomes current. ok, or an errno (e.g. ESRCH without a process). */
    OpResult exit();

    /** Makes a live process current: ok, or ESRCH. */
    OpResult switchTo(int pid);

    /** The current process's scenario pid, or 0 when no process is left. */
    int currentPid();

    /**
     * Start address of a named mapping of the current process: {@code [vdso]}, {@code [vvar]},
     * {@code [vvar_vclock]}, {@code [stack]}, {@code [heap]}; empty when the process has none.
     */
    OptionalLong specialMappingStart(String name);

    /** The current process's VMAs in address order (targets leave {@link VmaSnapshot#sym()} null). */
    List<VmaSnapshot> dump();

    /** Scenario pids of all live processes, ascending. */
    List<Integer> liveProcesses();

    /** The VMAs of a live process in address order; empty for an unknown pid. */
    List<VmaSnapshot> dump(int pid);

    /** Every fault since the target was opened, in order (a target that cannot observe faults returns none). */
    List<FaultRecord> faults();

    /**
     * Which faults {@link #faults()} holds, asked after it: the simulator's are all of them (the default); the live
     * kernel's are the scenario's user-mode faults, or none with the reason they could not be observed.
     */
    default RunReport.FaultCapture faultCapture() {
        return RunReport.FaultCapture.SIMULATOR;
    }

    /**
     * An ability only some machines have, for operations that need more than the system calls above (the
     * Eclipse {@code IAdaptable} idea without its dependency): the simulator answers
     * {@code adapt(org.mmwb.core.mm.Kernel.class)} with its kernel, whose tasks are the scenario pids; the live
     * kernel has no such ability. An operation asks for what it needs and, where the answer is null, returns the
     * errno the kernel gives for a call it lacks (ENOSYS), e.g. org.mmwb.iomap's {@code iomap} on the live kernel.
     *
     * @return the target's object of that type, or null when the target has none (the default)
     */
    default <T> T adapt(Class<T> type) {
        return null;
    }

    /**
     * Writes a vm sysctl: {@code vm.max_map_count}, {@code vm.overcommit_memory}, {@code vm.overcommit_ratio},
     * {@code vm.mmap_min_addr}. Sysctls belong to the machine: the value holds for every process until the
     * scenario ends (a live target restores the old value then).
     *
     * @param relative for {@code vm.max_map_count} only: the limit is the current process's VMA count plus
     *                 {@code value}, so the scenario meets it after the same number of new VMAs on every target
     * @return ok, or an errno (EINVAL for a value the kernel refuses, ENOSYS where the target cannot set it)
     */
    default OpResult sysctl(String name, long value, boolean relative) {
        return OpResult.errno("ENOSYS");
    }

    /**
     * setrlimit(2) of the current process: the soft limit becomes {@code value} (-1 is RLIM_INFINITY), the hard
     * limit stays (raising it needs CAP_SYS_RESOURCE, which a container's root may lack); EINVAL above the hard
     * limit. Forked children inherit it.
     *
     * @param resource the kernel's number: {@link org.mmwb.core.mm.Rlimit#DATA}, {@link org.mmwb.core.mm.Rlimit#STACK},
     *                 {@link org.mmwb.core.mm.Rlimit#MEMLOCK}, {@link org.mmwb.core.mm.Rlimit#AS}
     * @param relative the limit is the process's current use plus {@code value}: total_vm (AS), data_vm (DATA),
     *                 locked_vm (MEMLOCK), the size of its [stack] VMA (STACK)
     * @return ok, or an errno
     */
    default OpResult setrlimit(int resource, long value, boolean relative) {
        return OpResult.errno("ENOSYS");
    }

    /** Releases the machine (a simulator's memory, a live helper process). */
    @Override
    default void close() {
    }
}
