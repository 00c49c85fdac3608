package org.mmwb.core.mm;

/**
 * The siginfo a faulting access delivers: signal, si_code and si_addr.
 *
 * @param signo  SIGSEGV, SIGBUS or SIGKILL ({@link Signals})
 * @param code   si_code (SEGV_MAPERR, SEGV_ACCERR, BUS_ADRERR, SI_KERNEL ...)
 * @param addr   the faulting address
 */
public record SigInfo(int signo, int code, long addr) {
    /** The siginfo of an access result ({@link Kernel#access}), or null when the access succeeded. */
    public static SigInfo of(int result, long addr) {
        return result == Signals.OK ? null : new SigInfo(Signals.signo(result), Signals.code(result), addr);
    }

    /** "SIGSEGV(MAPERR)" etc. */
    @Override
    public String toString() {
        return Signals.describe(Signals.encode(signo, code));
    }
}
