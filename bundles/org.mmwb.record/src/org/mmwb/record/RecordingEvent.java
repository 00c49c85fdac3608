package org.mmwb.record;

import java.util.List;

/** One line of a recording after the header, in time order. {@code line} is its line number in the file. */
public sealed interface RecordingEvent {
    /** The line number in the recording (1 = the header). */
    int line();

    /** CLOCK_MONOTONIC nanoseconds. */
    long t();

    /**
     * A file's size, file system (statfs f_type, 0 when not recorded) and page-cache residency when it was first
     * mapped (runs of cached pages).
     */
    record FileInfo(int line, long t, String dev, long ino, String path, long size, long fsMagic,
            List<long[]> cached) implements RecordingEvent {
        /** statfs f_type of the file systems whose file_operations place mappings with thp_get_unmapped_area. */
        public static final long EXT4_SUPER_MAGIC = 0xEF53, XFS_SUPER_MAGIC = 0x58465342L;

        /** Whether mmap(NULL) of this file is placed by thp_get_unmapped_area (ext4, xfs). */
        public boolean thpUnmappedArea() {
            return fsMagic == EXT4_SUPER_MAGIC || fsMagic == XFS_SUPER_MAGIC;
        }

        /** The key tying mmap calls and VMAs to this file: "dev:ino". */
        public String key() {
            return dev + ":" + ino;
        }
    }

    /** The address space right after an execve of process pid (thread tid). */
    record Exec(int line, long t, int pid, int tid, String exe, long startBrk, long startStack, long stackRlimit,
            List<RecordedVma> vmas) implements RecordingEvent {
    }

    /** The final address space of process pid, read when its thread-group leader exited. */
    record Exit(int line, long t, int pid, int tid, int status, List<RecordedVma> vmas) implements RecordingEvent {
    }

    /**
     * An mm system call (or a process life-cycle one) with its six argument registers and result; t is when it
     * returned, tEnter when it was entered (t for exit calls); file is the "dev:ino" key of the file a successful
     * mmap mapped, or null.
     */
    record SysCall(int line, long t, long tEnter, int pid, int tid, String name, int nr, long[] args, long ret,
            boolean returned, String file) implements RecordingEvent {
    }

    /** A page fault: address, ip, x86 error code; kernel is true for the kernel touching user memory. */
    record Fault(int line, long t, int pid, int tid, long addr, long ip, int error, boolean kernel)
            implements RecordingEvent {
        /** x86 error code bits (arch/x86/include/asm/trap_pf.h). */
        public static final int X86_PF_PROT = 0x1, X86_PF_WRITE = 0x2, X86_PF_USER = 0x4, X86_PF_INSTR = 0x10;

        /** "read", "write" or "exec". */
        public String access() {
            return (error & X86_PF_INSTR) != 0 ? "exec" : (error & X86_PF_WRITE) != 0 ? "write" : "read";
        }
    }

    /** A new task (thread tid of process pid) created by ptid of ppid; cloneFlags -1 when not known. */
    record TaskNew(int line, long t, int pid, int tid, int ppid, int ptid, long cloneFlags) implements RecordingEvent {
        /** CLONE_VM: the child shares the parent's mm (a thread, or a vfork child until its exec). */
        public static final long CLONE_VM = 0x100;

        /** Whether the new task shares its parent's mm. */
        public boolean sharesMm() {
            return cloneFlags >= 0 ? (cloneFlags & CLONE_VM) != 0 : pid == ppid;
        }
    }

    /** A task ended. */
    record TaskEnd(int line, long t, int pid, int tid) implements RecordingEvent {
    }

    /** The last line: whether the recording is complete, and its totals. */
    record End(int line, long t, boolean complete, long lost, long throttled, long syscalls, long faults, long wallNs,
            int status) implements RecordingEvent {
    }
}
