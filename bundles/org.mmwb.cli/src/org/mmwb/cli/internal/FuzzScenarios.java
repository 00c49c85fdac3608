package org.mmwb.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random scenarios for the differential fuzzer: every operation of the language with its flags (mlockall without
 * a populating MCL_CURRENT, capdrop CAP_IPC_LOCK), forks and exits,
 * memfd files, the [vdso] special mapping, sysctls and rlimits; all fixed addresses in the differential window
 * (0x100000000000 + 1 MiB), so nothing lands beside the live helper's own mappings. Mappings stay below 2 MiB
 * (no THP, whose khugepaged timing the simulator cannot share). The same seed gives the same scenarios.
 */
final class FuzzScenarios {
    static final long WINDOW = 0x100000000000L;
    private static final int WINDOW_PAGES = 256;
    private static final String[] PROTS = {"---", "r--", "rw-", "r-x", "rwx", "-w-", "--x", "-wx"};
    private static final String[] ADVICE = {"dontneed", "free", "dontfork", "dofork", "wipeonfork", "keeponfork",
        "populate_read", "populate_write", "nohugepage", "guard_install", "guard_remove"};

    /**
     * mlockall without MCL_CURRENT's populate (it would fault in the live helper's own mappings and stack, which
     * the simulated process does not have), and the invalid MCL_ONFAULT alone (EINVAL).
     */
    private static final String[] MLOCKALL = {"mlockall future", "mlockall future onfault", "mlockall current onfault",
        "mlockall onfault", "munlockall"};

    private final SplittableRandom rnd;
    /** The profile of the live kernel the scenarios are compared with: the installed default. */
    private final String profile;
    private int files;
    private int depth;
    /**
     * mlockall locks the live helper's own mappings too: MCL_CURRENT those it has, MCL_FUTURE those it makes (its
     * padding for max_map_count, a forked worker's), so its locked_vm and total_vm exceed the simulated process's.
     * Once CAP_IPC_LOCK is dropped the RLIMIT_MEMLOCK checks would differ: a scenario has one or the other.
     */
    private boolean lockedAll;
    private boolean capDropped;

    FuzzScenarios(long seed, String profile) {
        this.rnd = new SplittableRandom(seed);
        this.profile = profile;
    }

    /** The next scenario's lines (without the header comment). */
    List<String> next(int maxOps) {
        List<String> l = new ArrayList<>();
        l.add("kernel " + profile);
        files = 1 + rnd.nextInt(2);
        depth = 0;
        lockedAll = false;
        capDropped = false;
        for (int i = 0; i < files; i++) {
            l.add("file f" + i + " " + (4 + rnd.nextInt(28)) + "K");
        }
        int n = 3 + rnd.nextInt(Math.max(1, maxOps - 2));
        for (int i = 0; i < n; i++) {
            l.add(op());
        }
        if (rnd.nextInt(3) == 0) {
            l.add("dump");
        }
        return l;
    }

    private String addr() {
        return "0x" + Long.toHexString(WINDOW + (long) rnd.nextInt(WINDOW_PAGES) * 4096);
    }

    private String len() {
        int pages = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(32) : 1 + rnd.nextInt(6);
        return pages * 4 + "K";
    }

    private String op() {
        int r = rnd.nextInt(100);
        if (r < 22) {
            return mmap();
        }
        if (r < 30) {
            return "munmap " + addr() + " " + len();
        }
        if (r < 40) {
            return "mprotect " + addr() + " " + len() + " " + PROTS[rnd.nextInt(5)];
        }
        if (r < 47) {
            return mremap();
        }
        if (r < 55) {
            return "madvise " + addr() + " " + len() + " " + ADVICE[rnd.nextInt(ADVICE.length)];
        }
        if (r < 57) {
            return (rnd.nextBoolean() ? "mlock " : "munlock ") + addr() + " " + len();
        }
        if (r < 59) {
            String op = MLOCKALL[rnd.nextInt(MLOCKALL.length)];
            if (op.contains("current") || op.contains("future")) {
                if (capDropped) {
                    return "munlockall";
                }
                lockedAll = true;
            }
            return op;
        }
        if (r == 59 && !lockedAll && !capDropped) {
            capDropped = true;
            return "capdrop CAP_IPC_LOCK";
        }
        if (r < 60) {
            return "mseal " + addr() + " " + len();
        }
        if (r < 62) {
            return "brk +" + (rnd.nextInt(5) * 4) + "K";
        }
        if (r < 80) {
            return "touch " + addr() + " " + len() + " " + "rwx".charAt(rnd.nextInt(3));
        }
        if (r < 84) {
            return rnd.nextBoolean() ? "read " + addr() : "write " + addr() + " " + rnd.nextInt(256);
        }
        if (r < 88) {
            if (depth < 3) {
                depth++;
                return "fork";
            }
            return "touch " + addr() + " 4K w";
        }
        if (r < 91) {
            if (depth > 0) {
                depth--;
                return "exit";
            }
            return "touch " + addr() + " 4K r";
        }
        if (r < 93) {
            return "touch [vdso] 8K " + (rnd.nextBoolean() ? "r" : "x");
        }
        if (r < 95) {
            return "sysctl vm.max_map_count +" + rnd.nextInt(12);
        }
        if (r < 97) {
            // never +0 for RLIMIT_DATA: a simulated process may have no data mapping, and a limit of 0 is the
            // kernel's "Valgrind workaround" (up to the hard limit), unlike the live process's VmData + 0
            return "setrlimit " + (rnd.nextBoolean() ? "RLIMIT_AS" : "RLIMIT_DATA") + " +" + (1 + rnd.nextInt(64)) * 4 + "K";
        }
        return "sysctl vm.overcommit_memory " + (rnd.nextBoolean() ? 0 : 1);
    }

    private String mmap() {
        StringBuilder sb = new StringBuilder("mmap ").append(addr()).append(' ').append(len()).append(' ')
                .append(PROTS[rnd.nextInt(5)]).append(rnd.nextInt(6) == 0 ? " noreplace" : " fixed");
        if (rnd.nextInt(4) == 0) {
            sb.append(" shared");
        }
        if (rnd.nextInt(3) == 0) {
            sb.append(" file=f").append(rnd.nextInt(files));
            if (rnd.nextBoolean()) {
                sb.append(':').append(rnd.nextInt(4) * 4).append('K');
            }
        } else if (rnd.nextInt(12) == 0) {
            sb.append(" growsdown");
        }
        int extra = rnd.nextInt(12);
        if (extra == 0) {
            sb.append(" populate");
        } else if (extra == 1) {
            sb.append(" locked");
        } else if (extra < 4) {
            sb.append(" noreserve");
        }
        return sb.toString();
    }

    private String mremap() {
        String base = "mremap " + addr() + " " + len() + " ";
        return switch (rnd.nextInt(4)) {
            case 0 -> base + len();
            case 1 -> base + len() + " maymove fixed=" + addr();
            case 2 -> {
                String l = len();
                yield "mremap " + addr() + " " + l + " " + l + " maymove dontunmap fixed=" + addr();
            }
            default -> base + len() + " maymove fixed=" + addr();
        };
    }
}
