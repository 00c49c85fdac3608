package org.mmwb.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.mmwb.host.internal.Replies;

/**
 * One process of a {@link HostScenario} on the live kernel. Every operation is the real system call or access in
 * that process; its numeric arguments are the kernel's own constants (org.mmwb.core.mm: {@link org.mmwb.core.mm.Prot}, {@link org.mmwb.core.mm.MapFlags}, {@link org.mmwb.core.mm.Madvise}). Kernel failures come
 * back as {@link HostResult.Kind#ERRNO}, access faults as {@link HostResult.Kind#SIGNAL}, and helper-level trouble
 * (timeout, crash, the process has exited) as {@link HostResult.Kind#FAILURE}: nothing here throws for bad input.
 */
public final class HostProcess {
    private final HostScenario scenario;
    private final int pid;
    private final int parent;
    private volatile boolean alive = true;

    HostProcess(HostScenario scenario, int pid, int parent) {
        this.scenario = scenario;
        this.pid = pid;
        this.parent = parent;
    }

    /**
     * @return the scenario pid (1, 2, ...)
     */
    public int pid() {
        return pid;
    }

    /**
     * @return the scenario pid of the parent, 0 for pid 1
     */
    public int parentPid() {
        return parent;
    }

    /**
     * @return false once the process has exited, crashed or its scenario ended
     */
    public boolean isAlive() {
        return alive;
    }

    /**
     * @return the scenario this process belongs to
     */
    public HostScenario scenario() {
        return scenario;
    }

    void markDead() {
        alive = false;
    }

    private HostResult one(String op, Object... args) {
        if (!alive) {
            return HostResult.failure("process " + pid + " is not alive");
        }
        StringBuilder sb = new StringBuilder().append(pid).append(' ').append(op);
        for (Object a : args) {
            sb.append(' ');
            if (a instanceof Long l) {
                sb.append("0x").append(Long.toHexString(l));
            } else {
                sb.append(a);
            }
        }
        HostResult r = Replies.result(scenario.send(sb.toString()).get(0));
        noteCrash(r);
        return r;
    }

    private void noteCrash(HostResult r) {
        if (r.kind() == HostResult.Kind.FAILURE
                && (r.message().startsWith("crashed") || r.message().startsWith("no such process"))) {
            alive = false;
        }
    }

    /**
     * Creates a memfd file in this process (inherited by later forks): byte 0 of page i holds 'A' + i mod 26.
     * It maps as {@code /memfd:NAME (deleted)}.
     *
     * @param name the file name (no white space)
     * @param size its size in bytes
     * @return the file descriptor as {@link HostResult.Kind#VALUE}, or the errno
     */
    public HostResult file(String name, long size) {
        if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            return HostResult.failure("a file name must be printable ASCII without spaces: '" + name + "'");
        }
        return one("file", name, size);
    }

    /**
     * mmap(2).
     *
     * @param addr   the hint or fixed address
     * @param len    the length
     * @param prot   PROT_* bits
     * @param flags  MAP_* bits
     * @param fd     a descriptor from {@link #file(String, long)}, or -1 for anonymous memory
     * @param offset the file offset in bytes
     * @return the address as {@link HostResult.Kind#VALUE}, or the errno
     */
    public HostResult mmap(long addr, long len, int prot, int flags, int fd, long offset) {
        return one("mmap", addr, len, prot, flags, fd, offset);
    }

    /**
     * munmap(2).
     *
     * @param addr start
     * @param len length
     * @return ok or the errno
     */
    public HostResult munmap(long addr, long len) {
        return one("munmap", addr, len);
    }

    /**
     * mprotect(2).
     *
     * @param addr start
     * @param len length
     * @param prot PROT_* bits
     * @return ok or the errno
     */
    public HostResult mprotect(long addr, long len, int prot) {
        return one("mprotect", addr, len, prot);
    }

    /**
     * mlock(2).
     *
     * @param addr start
     * @param len length
     * @return ok or the errno
     */
    public HostResult mlock(long addr, long len) {
        return one("mlock", addr, len);
    }

    /**
     * munlock(2).
     *
     * @param addr start
     * @param len length
     * @return ok or the errno
     */
    public HostResult munlock(long addr, long len) {
        return one("munlock", addr, len);
    }

    /**
     * mlockall(2).
     *
     * @param flags MCL_* bits, passed unchanged (unknown bits too: the kernel answers EINVAL)
     * @return ok or the errno
     */
    public HostResult mlockall(int flags) {
        return one("mlockall", (long) flags);
    }

    /**
     * munlockall(2).
     *
     * @return ok or the errno
     */
    public HostResult munlockall() {
        return one("munlockall");
    }

    /**
     * Drops a capability from this process (capset(2): effective, permitted and inheritable); forks inherit it.
     *
     * @param cap the capability number (14 is CAP_IPC_LOCK)
     * @return ok or the errno
     */
    public HostResult capdrop(int cap) {
        return one("capdrop", (long) cap);
    }

    /**
     * mseal(2) with flags 0.
     *
     * @param addr start
     * @param len length
     * @return ok or the errno
     */
    public HostResult mseal(long addr, long len) {
        return one("mseal", addr, len);
    }

    /**
     * madvise(2).
     *
     * @param addr start
     * @param len length
     * @param advice MADV_*
     * @return ok or the errno
     */
    public HostResult madvise(long addr, long len, int advice) {
        return one("madvise", addr, len, advice);
    }

    /**
     * mremap(2).
     *
     * @param addr    old address
     * @param oldLen  old length
     * @param newLen  new length
     * @param flags   MREMAP_* bits
     * @param newAddr the new address for MREMAP_FIXED, else ignored
     * @return the new address as {@link HostResult.Kind#VALUE}, or the errno
     */
    public HostResult mremap(long addr, long oldLen, long newLen, int flags, long newAddr) {
        return one("mremap", addr, oldLen, newLen, flags, newAddr);
    }

    /**
     * The raw brk system call: sets the break to addr (0 asks it) and returns the break afterwards, which is the
     * old one when the kernel refused.
     *
     * @param addr the new break
     * @return the break as {@link HostResult.Kind#VALUE}
     */
    public HostResult brk(long addr) {
        return one("brk", addr);
    }

    /**
     * brk(current break + len), the scenario's {@code brk +LEN}.
     *
     * @param len the increment
     * @return the break afterwards (unchanged when the kernel refused)
     */
    public HostResult brkIncrement(long len) {
        return one("sbrk", len);
    }

    /**
     * Accesses the first byte of each page of [addr, addr + len): reads it, stores 0x5a, or executes one instruction
     * there under the trap flag.
     *
     * @param addr start (rounded down to its page)
     * @param len  length
     * @param mode 'r', 'w' or 'x'
     * @return one result per page: ok or the signal
     */
    public List<HostResult> touch(long addr, long len, char mode) {
        if (mode != 'r' && mode != 'w' && mode != 'x') {
            return List.of(HostResult.failure("touch mode must be r, w or x, not " + mode));
        }
        if (!alive) {
            return List.of(HostResult.failure("process " + pid + " is not alive"));
        }
        List<HostResult> rs = Replies.results(scenario.send(pid + " touch 0x" + Long.toHexString(addr) + " 0x"
                + Long.toHexString(len) + " " + mode));
        rs.forEach(this::noteCrash);
        return rs;
    }

    /**
     * Reads one byte.
     *
     * @param addr the address
     * @return the byte as {@link HostResult.Kind#VALUE}, or the signal
     */
    public HostResult read(long addr) {
        return one("read", addr);
    }

    /**
     * Stores one byte.
     *
     * @param addr the address
     * @param value the byte
     * @return ok or the signal
     */
    public HostResult write(long addr, int value) {
        return one("write", addr, value & 0xff);
    }

    /**
     * Jumps to addr with the trap flag set: {@code ok} when the instruction fetch succeeded (at most one
     * instruction runs, with all registers pointing into a scratch buffer), else the fetch's signal (e.g.
     * SIGSEGV ACCERR on a non-executable page).
     *
     * @param addr the address
     * @return ok or the signal
     */
    public HostResult exec(long addr) {
        return one("exec", addr);
    }

    /**
     * fork(2); the child is a new process of the scenario (see {@link HostScenario#process(int)}).
     *
     * @return the child's scenario pid as {@link HostResult.Kind#VALUE}, or the errno
     */
    public HostResult fork() {
        HostResult r = one("fork");
        if (r.kind() == HostResult.Kind.VALUE) {
            scenario.added((int) r.value(), pid);
        }
        return r;
    }

    /**
     * Ends this process (its mm is gone when this returns).
     *
     * @return the parent's scenario pid as {@link HostResult.Kind#VALUE} (0 when the parent is gone)
     */
    public HostResult exit() {
        HostResult r = one("exit");
        if (r.kind() == HostResult.Kind.VALUE) {
            alive = false;
        }
        return r;
    }

    /**
     * Where a special mapping lies, from /proc/self/maps of this process.
     *
     * @param name {@code [vdso]}, {@code [vvar]}, {@code [vvar_vclock]}, {@code [stack]}, {@code [heap]}, ...
     * @return the range, or empty when the process has no such mapping
     */
    public Optional<HostRange> special(String name) {
        if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ')) {
            return Optional.empty();
        }
        HostResult r = one("special", name);
        return r.kind() == HostResult.Kind.VALUE ? Optional.of(new HostRange(r.value(), r.value2()))
                : Optional.empty();
    }

    /**
     * setrlimit(2) in this process; its later forks inherit the limit.
     *
     * @param resource the kernel's RLIMIT_* number
     * @param soft     the soft limit (-1 is RLIM_INFINITY)
     * @param hard     the hard limit
     * @return ok or the errno
     */
    public HostResult setrlimit(int resource, long soft, long hard) {
        return one("setrlimit", (long) resource, soft, hard);
    }

    /**
     * @return what the limits apply to, now: map_count, total_vm, data_vm and locked_vm (bytes) and the size of
     *         the [stack] VMA; null when the process is gone
     */
    public long[] usage() {
        if (!alive) {
            return null;
        }
        String line = scenario.send(pid + " usage").get(0);
        long[] v = Replies.values(line);
        if (v == null) {
            noteCrash(Replies.result(line));
        }
        return v != null && v.length == 5 ? v : null;
    }

    /**
     * Adds n one-page PROT_NONE VMAs, two pages apart, at 0x200000000000 and up (above the differential window):
     * they raise the process's VMA count so that a vm.max_map_count relative to it stays high enough for the
     * machine's other processes.
     *
     * @param n how many
     * @return the range they occupy, or empty on failure
     */
    public Optional<HostRange> pad(long n) {
        HostResult r = one("pad", n);
        return r.kind() == HostResult.Kind.VALUE ? Optional.of(new HostRange(r.value(), r.value2()))
                : Optional.empty();
    }

    /**
     * @return the operating-system pid of this process, or -1 when it is gone
     */
    public long realPid() {
        HostResult r = one("pid");
        return r.kind() == HostResult.Kind.VALUE ? r.value() : -1;
    }

    /**
     * @return the VMAs of this process with page letters, at most 16M per VMA (64 GiB), as many as the simulator
     *         gives for any VMA a scenario can touch, so that big runs compare letter for letter
     */
    public List<HostVma> dump() {
        return dump(1 << 24);
    }

    /**
     * @param maxPages the most page letters per VMA
     * @return the VMAs of this process from /proc/self/smaps with page letters from /proc/self/pagemap; empty
     *         when the process is gone (see {@link #isAlive()})
     */
    public List<HostVma> dump(int maxPages) {
        if (!alive) {
            return List.of();
        }
        List<String> block = scenario.send(pid + " dump " + Math.max(0, maxPages));
        if (!block.get(0).equals("dump")) {
            noteCrash(Replies.result(block.get(0)));
            return List.of();
        }
        List<HostVma> out = new ArrayList<>(block.size() - 1);
        for (String l : block.subList(1, block.size())) {
            out.add(Replies.vma(l));
        }
        return out;
    }

    /**
     * Sends a raw protocol operation to this process (e.g. {@code "munmap 0x1000 0x1000"}); for tools and tests.
     *
     * @param operation the operation and its arguments, without the pid
     * @return the answer's lines
     */
    public List<String> raw(String operation) {
        return scenario.send(pid + " " + operation);
    }

    @Override
    public String toString() {
        return "host process " + pid;
    }
}
