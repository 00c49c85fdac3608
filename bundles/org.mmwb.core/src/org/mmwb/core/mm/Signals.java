package org.mmwb.core.mm;

/**
 * Signals and si_codes a memory access can end with (include/uapi/asm-generic/siginfo.h), and the
 * compact int encoding access results use: 0 = no signal, else {@code signo << 16 | si_code}.
 */
public final class Signals {
    public static final int SIGBUS = 7;
    public static final int SIGKILL = 9;
    public static final int SIGSEGV = 11;
    public static final int SEGV_MAPERR = 1;
    public static final int SEGV_ACCERR = 2;
    public static final int SEGV_PKUERR = 4;
    public static final int BUS_ADRALN = 1;
    public static final int BUS_ADRERR = 2;
    public static final int BUS_OBJERR = 3;
    public static final int SI_KERNEL = 0x80;

    public static final int OK = 0;
    public static final int SEGV_MAPERR_RESULT = encode(SIGSEGV, SEGV_MAPERR);
    public static final int SEGV_ACCERR_RESULT = encode(SIGSEGV, SEGV_ACCERR);
    public static final int BUS_ADRERR_RESULT = encode(SIGBUS, BUS_ADRERR);

    private Signals() {
    }

    /** An access result from a signal number and its si_code. */
    public static int encode(int signo, int code) {
        return signo << 16 | code;
    }

    /** The signal number of an access result (0 for OK). */
    public static int signo(int result) {
        return result >>> 16;
    }

    /** The si_code of an access result. */
    public static int code(int result) {
        return result & 0xffff;
    }

    /** "ok", "SIGSEGV(MAPERR)", "SIGBUS(ADRERR)", "SIGKILL". */
    public static String describe(int result) {
        if (result == OK) {
            return "ok";
        }
        int s = signo(result);
        int c = code(result);
        return switch (s) {
            case SIGSEGV -> "SIGSEGV(" + switch (c) {
                case SEGV_MAPERR -> "MAPERR";
                case SEGV_ACCERR -> "ACCERR";
                case SEGV_PKUERR -> "PKUERR";
                case SI_KERNEL -> "KERNEL";
                default -> String.valueOf(c);
            } + ")";
            case SIGBUS -> "SIGBUS(" + switch (c) {
                case BUS_ADRALN -> "ADRALN";
                case BUS_ADRERR -> "ADRERR";
                case BUS_OBJERR -> "OBJERR";
                default -> String.valueOf(c);
            } + ")";
            case SIGKILL -> "SIGKILL";
            default -> "SIG" + s + "(" + c + ")";
        };
    }
}
