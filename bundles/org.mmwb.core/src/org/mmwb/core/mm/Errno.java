package org.mmwb.core.mm;

/**
 * The errno values the mm system calls return (include/uapi/asm-generic/errno-base.h).
 * Syscalls of {@link Kernel} return {@code -errno} on failure, as the kernel's syscall entry does.
 */
public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EIO = 5;
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EFAULT = 14;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int ENODEV = 19;
    public static final int EINVAL = 22;
    public static final int ENFILE = 23;
    public static final int EFBIG = 27;
    public static final int ENOSPC = 28;
    public static final int EMFILE = 24;
    public static final int ETXTBSY = 26;
    public static final int ENOSYS = 38;
    public static final int EOPNOTSUPP = 95;
    public static final int ESRCH = 3;
    public static final int EBADF = 9;
    public static final int EOVERFLOW = 75;

    private Errno() {
    }

    /** True when a syscall result is an error ({@code -4095 <= r < 0}), as IS_ERR_VALUE. */
    public static boolean isError(long result) {
        return result < 0 && result >= -4095;
    }

    /** The symbolic name ("EINVAL") of an errno, given positive or negative. */
    public static String name(long errno) {
        int e = (int) Math.abs(errno);
        return switch (e) {
            case EPERM -> "EPERM";
            case ENOENT -> "ENOENT";
            case ESRCH -> "ESRCH";
            case EINTR -> "EINTR";
            case EIO -> "EIO";
            case EBADF -> "EBADF";
            case EAGAIN -> "EAGAIN";
            case ENOMEM -> "ENOMEM";
            case EACCES -> "EACCES";
            case EFAULT -> "EFAULT";
            case EBUSY -> "EBUSY";
            case EEXIST -> "EEXIST";
            case ENODEV -> "ENODEV";
            case EINVAL -> "EINVAL";
            case ENFILE -> "ENFILE";
            case EFBIG -> "EFBIG";
            case ENOSPC -> "ENOSPC";
            case EMFILE -> "EMFILE";
            case ETXTBSY -> "ETXTBSY";
            case ENOSYS -> "ENOSYS";
            case EOPNOTSUPP -> "EOPNOTSUPP";
            case EOVERFLOW -> "EOVERFLOW";
            default -> "E" + e;
        };
    }
}
