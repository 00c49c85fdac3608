package org.mmwb.host;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.mmwb.host.internal.HelperBuild;
import org.mmwb.host.internal.HelperConnection;
import org.mmwb.host.internal.Replies;

/**
 * The live Linux kernel of this machine, driven through the small C helper {@code native/mmwb-hostd.c}.
 * <p>
 * Faults and fork() cannot be done safely inside the JVM, so {@link #start()} builds the helper from its source
 * with gcc (cached in {@code ~/.cache/mmwb/host-<hash>}) and talks to it over stdin/stdout. Each
 * {@link HostScenario} runs in a fresh process tree: scenario pid 1 is a child of the helper (exec'ed anew, so its
 * address space is that of a fresh small program), scenario fork creates pids 2, 3, ...
 * <p>
 * Line protocol (the full grammar is the comment at the top of the C source): a command per line; controller
 * commands ({@code hello, timeout MS, begin [WINSTART WINLEN], end, pids, bench anon|mmap N RUNS, faults, quit}) and
 * process commands {@code PID OP ARGS} ({@code file, mmap, munmap, mprotect, mlock, munlock, mlockall, munlockall,
 * capdrop, mseal, madvise, mremap, brk, sbrk, touch, read, write, exec, fork, exit, special, pid, dump}) with the
 * kernel's numeric flags.
 * Each is answered by one line: {@code ok}, {@code val 0xHEX [0xHEX]}, {@code err ERRNO NAME},
 * {@code sig SIGNO SIGNAME CODE 0xADDR} or {@code fail MESSAGE}; {@code touch} by {@code list N} and N such lines;
 * {@code dump} by {@code dump}, one TAB-separated line per VMA, {@code end}. An operation that takes longer than
 * the deadline (2 s by default) gets the whole scenario tree SIGKILLed and a {@code fail timeout} answer.
 * {@code faults} answers the user page faults of the scenario's own accesses ({@link HostScenario#faults()}), captured
 * with perf on exceptions:page_fault_user, or {@code fail faults not captured: WHY}.
 * <p>
 * Thread-safe: requests are serialised. One scenario is active at a time; starting one ends the previous.
 */
public final class HostKernel implements AutoCloseable {
    /** Slack on top of the helper's own deadline before the helper itself is declared wedged. */
    private static final long WEDGED_SLACK_MS = 10_000;

    private final HelperConnection connection;
    private final String release;
    private final Duration startup;
    private final boolean zeroPage;
    private long operationTimeoutMs = 2000;
    private HostScenario active;

    private HostKernel(HelperConnection connection, String release, boolean zeroPage, Duration startup) {
        this.zeroPage = zeroPage;
        this.connection = connection;
        this.release = release;
        this.startup = startup;
    }

    /**
     * Why the live-kernel side cannot run here, without building or starting anything.
     *
     * @return null when it can (Linux x86-64 with a C compiler), else a sentence for the user
     */
    public static String unavailableReason() {
        String p = HelperBuild.platformProblem();
        if (p != null) {
            return p;
        }
        return HelperBuild.findCompiler() == null
                ? "running scenarios on the live kernel needs a C compiler (gcc) to build its helper, and none was found"
                : null;
    }

    /**
     * Builds the helper if needed and starts it.
     *
     * @return a running host kernel
     * @throws HostUnavailableException with a printable message when this machine cannot run it
     */
    public static HostKernel start() throws HostUnavailableException {
        long t0 = System.nanoTime();
        Path bin = HelperBuild.ensureBinary();
        HelperConnection c;
        try {
            c = HelperConnection.start(bin);
        } catch (IOException e) {
            throw new HostUnavailableException("cannot start the live-kernel helper " + bin + ": " + e.getMessage(), e);
        }
        try {
            String hello = c.request("hello", 10_000).get(0);
            String[] f = hello.split(" ", 3);
            if (!f[0].equals("hello") || f.length < 3) {
                c.close();
                throw new HostUnavailableException("the live-kernel helper answered hello with: " + hello);
            }
            return new HostKernel(c, f[2], zeroPage(c), Duration.ofNanos(System.nanoTime() - t0));
        } catch (HostException e) {
            c.close();
            throw new HostUnavailableException(e.getMessage(), e);
        }
    }

    /** The helper's {@code facts}: {@code zero_page=0} when read faults get fresh pages; an older helper: 1. */
    private static boolean zeroPage(HelperConnection c) throws HostException {
        String facts = c.request("facts", 10_000).get(0);
        return !facts.contains("zero_page=0");
    }

    /**
     * Whether this kernel maps the shared zero page on anonymous read faults (upstream always does; a kernel
     * booted with pvm_no_zero_page=1 does not, so mm_forbids_zeropage() holds). A comparison with the simulator
     * must set the simulator the same way.
     */
    public boolean zeroPage() {
        return zeroPage;
    }

    /** @return the kernel release, as uname -r prints it */
    public String kernelRelease() {
        return release;
    }

    /** @return how long {@link #start()} took (building included when the binary was not cached) */
    public Duration startupTime() {
        return startup;
    }

    /** @return the helper's operating-system pid */
    public long helperPid() {
        return connection.pid();
    }

    /** @return the helper process, e.g. to check that no scenario process is left behind */
    public ProcessHandle helperProcess() {
        return connection.handle();
    }

    /** @return whether the helper runs */
    public boolean isAlive() {
        return connection.isAlive();
    }

    /** The deadline of each operation (2 s unless set). */
    public synchronized Duration operationTimeout() {
        return Duration.ofMillis(operationTimeoutMs);
    }

    /**
     * Sets the deadline of each operation; a scenario process that exceeds it is killed with its whole tree.
     *
     * @param timeout between 1 ms and 1 hour
     */
    public synchronized void setOperationTimeout(Duration timeout) {
        long ms = Math.max(1, Math.min(3_600_000, timeout.toMillis()));
        expectOk(request("timeout " + ms));
        operationTimeoutMs = ms;
    }

    /**
     * Starts a scenario in a fresh process (scenario pid 1); an active scenario is ended first.
     *
     * @return the scenario
     * @throws HostException when the process cannot be started
     */
    public HostScenario newScenario() {
        return begin("begin");
    }

    /**
     * Starts a scenario whose process must have [windowStart, windowStart + windowLength) free: the helper checks it
     * with MAP_FIXED_NOREPLACE in the fresh process and unmaps it again.
     *
     * @param windowStart  page-aligned start of the window the scenario uses, e.g. 0x100000000000
     * @param windowLength its length
     * @return the scenario
     * @throws HostException when the window is not free or the process cannot be started
     */
    public HostScenario newScenario(long windowStart, long windowLength) {
        return begin("begin 0x" + Long.toHexString(windowStart) + " 0x" + Long.toHexString(windowLength));
    }

    private synchronized HostScenario begin(String command) {
        if (active != null) {
            active.markEnded("a new scenario was started");
        }
        HostResult r = Replies.result(request(command).get(0));
        if (r.kind() != HostResult.Kind.VALUE) {
            throw new HostException("cannot start a scenario on the live kernel: " + r.message());
        }
        active = new HostScenario(this);
        return active;
    }

    synchronized int endScenario(HostScenario s) {
        if (active != s) {
            return 0;
        }
        active = null;
        HostResult r = Replies.result(request("end").get(0));
        return (int) r.value();
    }

    /**
     * Writes /proc/sys/vm/NAME for the active scenario; the helper restores the old value when the scenario ends.
     * Settings that would starve the machine's other processes are refused as a failure (see mmwb-hostd.c).
     *
     * @param name  max_map_count, overcommit_memory, overcommit_ratio or mmap_min_addr
     * @param value the new value
     * @return ok, the errno of the write, or a failure
     */
    public HostResult sysctl(String name, long value) {
        return Replies.result(request("sysctl " + name + " " + Long.toUnsignedString(value)).get(0));
    }

    /** Sends a command; the answer block's lines. */
    synchronized List<String> request(String command) {
        return connection.request(command, operationTimeoutMs + WEDGED_SLACK_MS);
    }

    /** Sends a command that may run long (benchmarks). */
    synchronized List<String> requestLong(String command, long waitMs) {
        return connection.request(command, waitMs);
    }

    private static void expectOk(List<String> block) {
        HostResult r = Replies.result(block.get(0));
        if (!r.succeeded()) {
            throw new HostException("the live-kernel helper refused: " + r.text());
        }
    }

    /** Ends the active scenario and stops the helper. */
    @Override
    public synchronized void close() {
        if (active != null) {
            active.markEnded("the host kernel was closed");
            active = null;
        }
        connection.close();
    }
}
