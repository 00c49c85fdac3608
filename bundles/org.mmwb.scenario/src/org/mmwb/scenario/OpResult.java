package org.mmwb.scenario;

import java.util.Objects;

import org.mmwb.core.mm.Errno;

/**
 * The result of one operation (or of one page of a {@code touch}): a value, {@code ok}, an errno name or a signal
 * with its si_code. {@link #text()} is the contract form of docs/scenarios.md ({@code 0x7f..}, {@code ok},
 * {@code EINVAL}, {@code SIGSEGV(ACCERR)}); {@link #parse(String)} reads it back.
 *
 * @param kind  what the result is
 * @param value the address or value ({@link Kind#VALUE}) or the pid ({@link Kind#PID}); 0 otherwise
 * @param name  errno name, signal name, or the reason of an UNRESOLVED/ERROR result; null otherwise
 * @param code  the si_code name of a signal without its prefix (MAPERR, ACCERR, ADRERR); null otherwise
 */
public record OpResult(Kind kind, long value, String name, String code) {

    /** Result kinds. UNRESOLVED and ERROR are the runner's own: the operation did not reach the target. */
    public enum Kind {
        /** An address or a value, printed as 0x-hex. */
        VALUE,
        /** A (scenario) process id, printed in decimal. */
        PID,
        /** Success without a value. */
        OK,
        /** The system call failed with this errno. */
        ERRNO,
        /** The access raised a signal. */
        SIGNAL,
        /** An argument could not be resolved (its binding failed, a special mapping is absent, overflow). */
        UNRESOLVED,
        /** The target failed internally (a bug or a lost helper process), never a kernel result. */
        ERROR
    }

    private static final OpResult OK_RESULT = new OpResult(Kind.OK, 0, null, null);


    public OpResult {
        Objects.requireNonNull(kind, "kind");
    }

    public static OpResult ok() {
        return OK_RESULT;
    }

    public static OpResult value(long v) {
        return new OpResult(Kind.VALUE, v, null, null);
    }

    public static OpResult pid(int pid) {
        return new OpResult(Kind.PID, pid, null, null);
    }

    /** An errno by name, e.g. {@code errno("EINVAL")}. */
    public static OpResult errno(String name) {
        return new OpResult(Kind.ERRNO, 0, Objects.requireNonNull(name), null);
    }

    /** An errno by the kernel's positive number (x86-64 / asm-generic values), e.g. 22 for EINVAL. */
    public static OpResult errno(int number) {
        return errno(Errno.name(number));
    }

    /** A signal by names, e.g. {@code signal("SIGSEGV", "ACCERR")}. */
    public static OpResult signal(String signal, String code) {
        return new OpResult(Kind.SIGNAL, 0, Objects.requireNonNull(signal), Objects.requireNonNull(code));
    }

    /** A signal by the kernel's numbers: SIGSEGV=11 (SEGV_MAPERR=1, SEGV_ACCERR=2, SEGV_PKUERR=4),
     *  SIGBUS=7 (BUS_ADRALN=1, BUS_ADRERR=2, BUS_OBJERR=3, BUS_MCEERR_AR=4), SIGKILL=9. */
    public static OpResult signal(int signo, int siCode) {
        return switch (signo) {
            case 11 -> signal("SIGSEGV", switch (siCode) {
                case 1 -> "MAPERR";
                case 2 -> "ACCERR";
                case 3 -> "BNDERR";
                case 4 -> "PKUERR";
                default -> "CODE" + siCode;
            });
            case 7 -> signal("SIGBUS", switch (siCode) {
                case 1 -> "ADRALN";
                case 2 -> "ADRERR";
                case 3 -> "OBJERR";
                case 4 -> "MCEERR_AR";
                case 5 -> "MCEERR_AO";
                default -> "CODE" + siCode;
            });
            case 9 -> signal("SIGKILL", "KERNEL"); // the OOM killer's; a killed task never sees si_code
            default -> signal("SIG" + signo, "CODE" + siCode);
        };
    }

    public static OpResult unresolved(String why) {
        return new OpResult(Kind.UNRESOLVED, 0, why, null);
    }

    public static OpResult error(String message) {
        return new OpResult(Kind.ERROR, 0, message == null ? "?" : message, null);
    }

    /** True for VALUE, PID and OK. */
    public boolean succeeded() {
        return kind == Kind.VALUE || kind == Kind.PID || kind == Kind.OK;
    }

    /** The contract text: {@code 0x100000000000}, {@code 2}, {@code ok}, {@code EINVAL}, {@code SIGBUS(ADRERR)},
     *  {@code unresolved(...)}, {@code error(...)}. */
    public String text() {
        return switch (kind) {
            case VALUE -> "0x" + Long.toHexString(value);
            case PID -> Long.toString(value);
            case OK -> "ok";
            case ERRNO -> name;
            case SIGNAL -> name + "(" + code + ")";
            case UNRESOLVED -> "unresolved(" + name + ")";
            case ERROR -> "error(" + name + ")";
        };
    }

    @Override
    public String toString() {
        return text();
    }

    /**
     * Reads the contract text back (the inverse of {@link #text()}).
     *
     * @return the result, or null when the text is none of the forms
     */
    public static OpResult parse(String t) {
        if (t == null || t.isEmpty()) {
            return null;
        }
        if (t.equals("ok")) {
            return ok();
        }
        if (t.startsWith("unresolved(") && t.endsWith(")")) {
            return unresolved(t.substring(11, t.length() - 1));
        }
        if (t.startsWith("error(") && t.endsWith(")")) {
            return error(t.substring(6, t.length() - 1));
        }
        if (t.startsWith("0x") && t.length() > 2) {
            try {
                return value(Long.parseUnsignedLong(t.substring(2), 16));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (t.chars().allMatch(Character::isDigit)) {
            try {
                return pid(Integer.parseInt(t));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        int open = t.indexOf('(');
        if (t.startsWith("SIG") && open > 0 && t.endsWith(")")) {
            return signal(t.substring(0, open), t.substring(open + 1, t.length() - 1));
        }
        if (t.matches("E[A-Z0-9_]+")) {
            return errno(t);
        }
        return null;
    }
}
