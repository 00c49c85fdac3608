package org.mmwb.core.internal.mm;

import org.mmwb.core.mm.Errno;
import org.mmwb.core.mm.VmFlags;

/**
 * The limits a process runs into, as Linux 6.18 applies them: the resource limits of the task (RLIMIT_AS,
 * RLIMIT_DATA, RLIMIT_STACK, RLIMIT_MEMLOCK; struct signal_struct's rlim, inherited by fork) and the
 * overcommit policy of the machine (mm/util.c __vm_enough_memory with vm.overcommit_memory and
 * vm.overcommit_ratio). vm.max_map_count is checked where the kernel checks it (do_mmap, split_vma, the munmap
 * gather, do_brk_flags, mremap); see {@link MmKernel#maxMapCount}.
 * <p>
 * The task is root, as on the host the helper runs as: CAP_IPC_LOCK makes RLIMIT_MEMLOCK no limit at all
 * (mm/mlock.c can_do_mlock, do_mlock and mlockall, mm/mmap.c mlock_future_ok test capable(CAP_IPC_LOCK) after
 * the limit) until the task drops it ({@link Mm#capIpcLock}: then the limit applies as to any user), and
 * CAP_SYS_ADMIN spares the admin reserve in __vm_enough_memory.
 */
public final class Limits {
    /** RLIM_INFINITY. */
    public static final long INFINITY = -1L;
    /** RLIMIT_DATA, RLIMIT_STACK, RLIMIT_AS, RLIMIT_MEMLOCK: the kernel's resource numbers. */
    public static final int RLIMIT_DATA = 2;
    public static final int RLIMIT_STACK = 3;
    public static final int RLIMIT_MEMLOCK = 8;
    public static final int RLIMIT_AS = 9;
    private static final int NLIMITS = 16;

    /** OVERCOMMIT_GUESS, OVERCOMMIT_ALWAYS, OVERCOMMIT_NEVER. */
    public static final int OVERCOMMIT_GUESS = 0;
    public static final int OVERCOMMIT_ALWAYS = 1;
    public static final int OVERCOMMIT_NEVER = 2;
    /** sysctl_user_reserve_kbytes (128 MiB) in pages. */
    static final long USER_RESERVE_PAGES = (1L << 17) >>> 2;

    /** One task's limits (soft, hard), as getrlimit/setrlimit see them; copied by fork. */
    public static final class Rlim {
        final long[] soft = new long[NLIMITS];
        final long[] hard = new long[NLIMITS];

        /** The defaults of a process started by root on this host: everything unlimited but an 8 MiB stack
         *  and an 8 MiB memlock (INIT_RLIMITS; MLOCK_LIMIT). */
        Rlim() {
            java.util.Arrays.fill(soft, INFINITY);
            java.util.Arrays.fill(hard, INFINITY);
            soft[RLIMIT_STACK] = 8L << 20;
            soft[RLIMIT_MEMLOCK] = 8L << 20;
            hard[RLIMIT_MEMLOCK] = 8L << 20;
        }

        Rlim copy() {
            Rlim r = new Rlim();
            System.arraycopy(soft, 0, r.soft, 0, NLIMITS);
            System.arraycopy(hard, 0, r.hard, 0, NLIMITS);
            return r;
        }

        /** rlimit(RES): the soft limit. */
        public long cur(int resource) {
            return soft[resource];
        }

        /** rlimit_max(RES). */
        public long max(int resource) {
            return hard[resource];
        }
    }

    private Limits() {
    }

    /** kernel/sys.c do_prlimit for the calling task (root: raising the hard limit is allowed). 0 or -errno. */
    public static int setrlimit(Mm mm, int resource, long soft, long hard) {
        if (resource < 0 || resource >= NLIMITS) {
            return -Errno.EINVAL;
        }
        if (Long.compareUnsigned(soft, hard) > 0) {
            return -Errno.EINVAL;
        }
        mm.rlim.soft[resource] = soft;
        mm.rlim.hard[resource] = hard;
        return 0;
    }

    /** rlimit(RES) >> PAGE_SHIFT, infinity as Long.MAX_VALUE. */
    static long pages(long limit) {
        return limit == INFINITY ? Long.MAX_VALUE : limit >>> 12;
    }

    /** mm/mlock.c can_do_mlock: a non-zero RLIMIT_MEMLOCK, or CAP_IPC_LOCK. */
    static boolean canDoMlock(Mm mm) {
        return mm.rlim.cur(RLIMIT_MEMLOCK) != 0 || mm.capIpcLock;
    }

    /**
     * mm/mmap.c mlock_future_ok: may {@code bytes} more of a mapping with {@code vmFlags} be locked? Only
     * VM_LOCKED mappings count, CAP_IPC_LOCK is exempt, else locked_vm plus the new pages against RLIMIT_MEMLOCK.
     */
    static boolean mlockFutureOk(Mm mm, long vmFlags, long bytes) {
        if ((vmFlags & VmFlags.LOCKED) == 0 || mm.capIpcLock) {
            return true;
        }
        return Long.compareUnsigned((bytes >>> 12) + mm.lockedVm, pages(mm.rlim.cur(RLIMIT_MEMLOCK))) <= 0;
    }

    /** is_data_mapping: private writable memory that is not a stack. */
    static boolean isDataMapping(long flags) {
        return (flags & (VmFlags.WRITE | VmFlags.SHARED | VmFlags.GROWSDOWN)) == VmFlags.WRITE; // VM_STACK is VM_GROWSDOWN;
    }

    /** mm->data_vm: the pages of the data mappings (vm_stat_account), counted when a limit needs it. */
    static long dataVm(Mm mm) {
        long n = 0;
        for (Vma v = mm.tree.first(); v != null; v = mm.nextOf(v)) {
            if (isDataMapping(v.flags)) {
                n += v.pages();
            }
        }
        return n;
    }

    /** data_vm of an mm, for callers outside the engine. */
    public static long dataVmOf(Mm mm) {
        return dataVm(mm);
    }

    /** may_expand_vm: RLIMIT_AS on total_vm, RLIMIT_DATA on data_vm (with the rlimit-0 Valgrind exception). */
    static boolean mayExpandVm(Mm mm, long flags, long npages) {
        if (mm.totalVm + npages > pages(mm.rlim.cur(RLIMIT_AS))) {
            return false;
        }
        long data = mm.rlim.cur(RLIMIT_DATA);
        if (isDataMapping(flags) && data != INFINITY) {
            long dataVm = dataVm(mm);
            if (dataVm + npages > pages(data)) {
                // "Workaround for Valgrind": a soft limit of 0 still allows up to the hard limit
                return data == 0 && dataVm + npages <= pages(mm.rlim.max(RLIMIT_DATA));
            }
        }
        return true;
    }

    /** acct_stack_growth: RLIMIT_AS/RLIMIT_DATA, RLIMIT_STACK on the new size, RLIMIT_MEMLOCK of a locked
     *  stack (mlock_future_ok), then the commit. */
    static boolean acctStackGrowth(Vma vma, long size, long grow) {
        Mm mm = vma.mm;
        long stack = mm.rlim.cur(RLIMIT_STACK);
        return mayExpandVm(mm, vma.flags, grow) && (stack == INFINITY || Long.compareUnsigned(size, stack) <= 0)
            && mlockFutureOk(mm, vma.flags, grow << 12) && vmEnoughMemory(mm, grow);
    }

    /** check_data_rlimit as sys_brk applies it: the new break's distance plus the data segment. 0 or -ENOSPC. */
    static int checkDataRlimit(Mm mm, long newBrk) {
        long rlim = mm.rlim.cur(RLIMIT_DATA);
        if (rlim != INFINITY && Long.compareUnsigned(newBrk - mm.startBrk, rlim) > 0) {
            return -Errno.ENOSPC; // this machine's processes have no ELF data segment: end_data - start_data = 0
        }
        return 0;
    }

    /**
     * __vm_enough_memory for the calling (root) task: may {@code pages} more be committed? OVERCOMMIT_ALWAYS
     * allows everything, OVERCOMMIT_GUESS refuses one request larger than RAM + swap (this machine has no swap),
     * OVERCOMMIT_NEVER compares vm_committed_as with vm_commit_limit less the user reserve.
     */
    static boolean vmEnoughMemory(Mm mm, long pages) {
        MmKernel k = mm.k;
        return switch (k.overcommit) {
            case OVERCOMMIT_ALWAYS -> true;
            case OVERCOMMIT_NEVER -> {
                long allowed = k.phys.ramFrames() * k.overcommitRatio / 100;
                allowed -= Math.min(mm.totalVm / 32, USER_RESERVE_PAGES);
                yield k.committedPages.getAsLong() + pages <= allowed;
            }
            default -> pages <= k.phys.ramFrames();
        };
    }

    /** Pages of one mm committed against the overcommit limit (its part of vm_committed_as): its VM_ACCOUNT VMAs.
     *  Shared anonymous memory's shmem accounting is not counted. */
    public static long committed(Mm mm) {
        long n = 0;
        for (Vma v = mm.tree.first(); v != null; v = mm.nextOf(v)) {
            if ((v.flags & VmFlags.ACCOUNT) != 0) {
                n += v.pages();
            }
        }
        return n;
    }
}
