package org.mmwb.host.internal;

/**
 * The fields of /proc/PID/stat that tell whether a process is still the one an import started reading
 * (do_task_stat in fs/proc/array.c): its state, its flags and its start time. The comm field (2) is in
 * parentheses and may itself hold spaces and ')', so fields are counted from the last ')'.
 *
 * @param state     field 3: R, S, D, T, t, Z (zombie: its mm is gone), X (dead), ...
 * @param flags     field 9: the task's PF_* flags
 * @param startTime field 22: when it started, in clock ticks after boot (a reused pid has another)
 */
public record ProcStat(char state, long flags, long startTime) {
    /** PF_KTHREAD (include/linux/sched.h): a kernel thread, which has no user address space. */
    public static final long PF_KTHREAD = 0x00200000;

    /** The parsed stat line, or null when it is not one. */
    public static ProcStat parse(String text) {
        int close = text.lastIndexOf(')');
        if (close < 0) {
            return null;
        }
        String[] f = text.substring(close + 1).strip().split(" ");
        // f[0] is field 3
        if (f.length < 20 || f[0].length() != 1) {
            return null;
        }
        try {
            return new ProcStat(f[0].charAt(0), Long.parseUnsignedLong(f[6]), Long.parseUnsignedLong(f[19]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether the process has ended (its memory is gone, only its exit status waits to be collected). */
    public boolean exited() {
        return state == 'Z' || state == 'X' || state == 'x';
    }

    /** Whether it is a kernel thread. */
    public boolean kernelThread() {
        return (flags & PF_KTHREAD) != 0;
    }
}
