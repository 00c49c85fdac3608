package org.mmwb.ui.internal.widgets.faultlog;

/**
 * What a fault log of a replayed recording adds to the simulator's faults: the instruction pointer the live
 * kernel recorded, and the function there. The Fault Log shows these columns only for a log that has them.
 */
public interface FaultOrigins {
    /** The recorded ip of fault seq, -1 when it has none (a page an exec's snapshot had present, brought in). */
    long ip(long seq);

    /**
     * Where that ip was: "function+0x1f (libc.so.6)", "file+0xoffset" when the file has no symbol there (stripped,
     * not ELF, or not the file recorded), "[vdso]+0x9a0" or "anonymous memory at 0x..+0x.." without a file, or "".
     */
    String function(long seq);

    /** The same with the file's full path, and why there is no function name when there is none. */
    String location(long seq);

    /** The line of the recording the fault came from, 0 if none. */
    int recordedLine(long seq);
}
