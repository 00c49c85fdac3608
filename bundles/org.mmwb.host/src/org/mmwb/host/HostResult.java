package org.mmwb.host;

import java.util.Locale;

/**
 * The answer of one operation on the live kernel: success (with or without a value), an errno, a signal raised
 * by an access, or a helper-level failure (timeout, crash of the scenario process, bad request).
 *
 * @param kind      which of the cases this is
 * @param value     the value for {@link Kind#VALUE} (an address, a byte, a pid, a descriptor), else 0
 * @param value2    a second value (the end address of {@link HostProcess#special}), else 0
 * @param errno     the errno for {@link Kind#ERRNO}, else 0
 * @param errnoName the errno's name, e.g. {@code EINVAL}, else empty
 * @param signo     the signal number for {@link Kind#SIGNAL}, else 0
 * @param signal    the signal's name, e.g. {@code SIGSEGV}, else empty
 * @param code      the si_code's name, e.g. {@code SEGV_ACCERR}, else empty
 * @param address   si_addr of the signal, else 0
 * @param message   the helper's words for {@link Kind#FAILURE}, else empty
 */
public record HostResult(Kind kind, long value, long value2, int errno, String errnoName, int signo, String signal,
        String code, long address, String message) {

    /** The cases of a result. */
    public enum Kind {
        /** Success without a value (munmap, mprotect, a touched page, ...). */
        OK,
        /** Success with a value (mmap's address, a byte read, a child pid, ...). */
        VALUE,
        /** The system call failed with {@link HostResult#errno()}. */
        ERRNO,
        /** The access raised {@link HostResult#signal()} with {@link HostResult#code()}. */
        SIGNAL,
        /** Not a kernel result: the helper timed out, the process crashed, or the request was bad. */
        FAILURE
    }

    /** @return a success without value */
    public static HostResult ok() {
        return new HostResult(Kind.OK, 0, 0, 0, "", 0, "", "", 0, "");
    }

    /**
     * @param value  the value
     * @param value2 a second value or 0
     * @return a success with value
     */
    public static HostResult value(long value, long value2) {
        return new HostResult(Kind.VALUE, value, value2, 0, "", 0, "", "", 0, "");
    }

    /**
     * @param errno the errno
     * @param name  its name
     * @return a failed system call
     */
    public static HostResult errno(int errno, String name) {
        return new HostResult(Kind.ERRNO, 0, 0, errno, name, 0, "", "", 0, "");
    }

    /**
     * @param signo   signal number
     * @param signal  signal name
     * @param code    si_code name
     * @param address si_addr
     * @return a signal raised by an access
     */
    public static HostResult signal(int signo, String signal, String code, long address) {
        return new HostResult(Kind.SIGNAL, 0, 0, 0, "", signo, signal, code, address, "");
    }

    /**
     * @param message what failed
     * @return a helper-level failure
     */
    public static HostResult failure(String message) {
        return new HostResult(Kind.FAILURE, 0, 0, 0, "", 0, "", "", 0, message);
    }

    /** @return true for {@link Kind#OK} and {@link Kind#VALUE} */
    public boolean succeeded() {
        return kind == Kind.OK || kind == Kind.VALUE;
    }

    /**
     * The result as the scenario language writes it: {@code ok}, {@code 0x7f..}, {@code EINVAL},
     * {@code SIGSEGV(ACCERR)}, or {@code error: MESSAGE}.
     *
     * @return the scenario text of this result
     */
    public String text() {
        return switch (kind) {
            case OK -> "ok";
            case VALUE -> "0x" + Long.toHexString(value);
            case ERRNO -> errnoName;
            case SIGNAL -> signal + "(" + shortCode(code) + ")";
            case FAILURE -> "error: " + message;
        };
    }

    /** SEGV_ACCERR -> ACCERR, BUS_ADRERR -> ADRERR, SI_KERNEL -> KERNEL. */
    static String shortCode(String code) {
        int us = code.indexOf('_');
        return us < 0 ? code : code.substring(us + 1).toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return text();
    }
}
