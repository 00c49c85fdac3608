/*
 * mmwb-hostd: runs mmwb scenario operations on the live Linux kernel (x86-64).
 *
 * Built from this source by org.mmwb.host.HostKernel with `gcc -O2 -std=gnu11`. No dependencies.
 * Faults and fork() cannot be done safely inside a JVM, so Java drives this helper over stdin/stdout.
 *
 * PROCESSES
 *   controller   this program as started by Java. Sets PR_SET_CHILD_SUBREAPER so that orphans of a
 *                scenario come back to it, reads commands from stdin, answers on stdout.
 *   worker       scenario pid 1: forked by the controller, then exec'ed as `mmwb-hostd --worker` so that
 *                every scenario starts from a fresh address space ([heap] absent, fresh randomised layout).
 *                It is the leader of a new process group; PR_SET_PDEATHSIG(SIGKILL) ties it to the controller.
 *                Scenario `fork` forks a worker: the child becomes scenario pid 2, 3, ... (a grandchild).
 *   channels     each worker owns one end of its own AF_UNIX stream socketpair (fd 3); the controller holds
 *                the other end. On fork the parent worker creates the child's socketpair and hands the
 *                controller's end over with SCM_RIGHTS, so only the child holds its end: its death (or exit)
 *                is seen by the controller as EOF. Controller -> worker: a 4-byte length + the command text;
 *                worker -> controller: the answer text streamed in pieces and ended by a NUL byte, so a worker
 *                needs only small fixed buffers whatever the size of a dump.
 *                A worker that reads EOF (controller gone) exits at once.
 *   safety       workers: RLIMIT_CORE 0 and PR_SET_DUMPABLE 0 (no core dumps), SIGCHLD ignored (no zombies),
 *                stdin/stdout/stderr on /dev/null, no malloc or stdio (the scenario owns [heap]).
 *                Each operation has a deadline (default 2000 ms, `timeout MS`): when it passes, the whole
 *                process group is SIGKILLed and reaped, and the answer is a `fail timeout ...` line.
 *
 * LINE PROTOCOL (stdin -> stdout, one command per line, numbers decimal or 0x-hex; flags are the kernel's
 * own PROT_*, MAP_*, MREMAP_*, MADV_* values passed straight through)
 *   Controller commands:
 *     hello                          -> hello 1 <uname -r>
 *     facts                          -> facts zero_page=0|1   what the simulator must copy to compare like with
 *                                                             like (0: read faults get fresh pages, no zero page)
 *     timeout MS                     -> ok                    per-operation deadline
 *     begin [WINSTART WINLEN]        -> val 0x1               new scenario (ends an active one); with a window,
 *                                                             pid 1 checks it is free with MAP_FIXED_NOREPLACE
 *                                                             (else `fail window ...`) and unmaps it again
 *     end                            -> val N                 SIGKILL the scenario's tree, reap; N processes were live
 *     pids                           -> val P...              live scenario pids (or `ok` when none)
 *     bench anon PAGES RUNS          -> rates R1 R2 ...       anonymous write faults per second, one per run
 *     bench mmap ITERATIONS RUNS     -> rates R1 R2 ...       mmap+mprotect+munmap triples per second
 *     sysctl NAME VALUE              -> ok | err | fail       writes /proc/sys/vm/NAME (max_map_count,
 *                                                             overcommit_memory, overcommit_ratio, mmap_min_addr)
 *                                                             for this scenario; `end`, `begin`, `quit` and the
 *                                                             helper's exit restore the old value. Values that
 *                                                             would starve the machine's other processes are
 *                                                             refused (`fail`): max_map_count below 4096,
 *                                                             overcommit_memory 2 (or a ratio under it) whose
 *                                                             commit limit is not 2 GiB above Committed_AS
 *     faults                         -> list N, then N lines  the scenario's own user page faults since `begin`,
 *                                       `PID 0xADDR 0xERROR 0xIP` in the order taken (see FAULTS) | fail WHY when
 *                                       they could not be captured (no perf_event_open, records lost)
 *     quit                           -> ok                    then the helper exits
 *   Process commands start with the scenario pid:  PID OP ARGS
 *     P file NAME SIZE               -> val FD                memfd NAME, byte 0 of page i = 'A'+i%26
 *     P mmap ADDR LEN PROT FLAGS FD OFF -> val ADDR | err      FD -1 for anonymous
 *     P munmap ADDR LEN | P mprotect ADDR LEN PROT | P mlock ADDR LEN | P munlock ADDR LEN
 *     P mseal ADDR LEN | P madvise ADDR LEN ADVICE                        -> ok | err
 *     P mremap ADDR OLDLEN NEWLEN FLAGS NEWADDR                            -> val ADDR | err
 *     P brk ADDR                     -> val BRK               raw brk syscall (0 asks the current break)
 *     P sbrk LEN                     -> val BRK               brk(current + LEN): the new break (unchanged on failure)
 *     P touch ADDR LEN r|w|x         -> list N, then N result lines, one per page (first byte of each page;
 *                                       w stores 0x5a; x executes one instruction under the trap flag)
 *     P read ADDR                    -> val BYTE | sig
 *     P write ADDR BYTE              -> ok | sig
 *     P exec ADDR                    -> ok | sig
 *     P fork                         -> val CHILDPID          the child's scenario pid
 *     P exit                         -> val PARENTPID         0 when the parent is gone
 *     P special NAME                 -> val START END | err 2 ENOENT   NAME as in maps: [vdso] [vvar] [stack] ...
 *     P pid                          -> val REALPID
 *     P setrlimit RES SOFT HARD      -> ok | err              setrlimit(2) of this process (inherited by forks);
 *                                                             HARD -2 keeps the current hard limit
 *     P mlockall FLAGS | P munlockall -> ok | err            the raw system calls (MCL_* bits passed unchanged)
 *     P capdrop CAP                  -> ok | err              capset(2): drops capability CAP (14 CAP_IPC_LOCK) from
 *                                                             this process's effective, permitted and inheritable
 *                                                             sets, so that a root scenario meets RLIMIT_MEMLOCK
 *     P usage                        -> val MAPS TOTAL DATA LOCKED STACK   map_count (maps lines but the gate
 *                                       area), VmSize, VmData, VmLck in bytes, the [stack] VMA's size
 *     P pad N                        -> val START END         N one-page PROT_NONE VMAs in [START, END), two
 *                                       pages apart, above the differential window (VMA-count padding); a
 *                                       finite RLIMIT_AS is raised by their size
 *     P window ADDR LEN              -> ok | err              is [ADDR, ADDR+LEN) free? (MAP_FIXED_NOREPLACE, then unmapped)
 *     P hang | P crash               for tests: never answer (deadline) / raise SIGABRT (crash report)
 *     P dump [MAXPAGES]              -> dump, then one line per VMA (fields separated by TAB), then end:
 *                                       START END PERMS PGOFF VMFLAGS RSS_KB PAGES NAME
 *                                       START/END/PGOFF hex (PGOFF in bytes as in maps), VMFLAGS comma separated,
 *                                       PAGES one letter per page (shorter than the VMA when capped at MAXPAGES,
 *                                       default 262144): . not present, Z zero page, A anon exclusive,
 *                                       a anon shared, F file/shmem, G guard marker, S swapped
 *   FAULTS
 *     The controller opens exceptions:page_fault_user (perf_event_open, one event per scenario process, not
 *     inherited: each forked child gets its own before it runs a command) and reads the ring buffers while it
 *     waits for answers. A fault is the scenario's when its ip lies in the worker's access routine
 *     (mmwb_access_begin..end: the one load and the one store of read/write/touch r|w), or when it is an
 *     instruction fetch (X86_PF_INSTR) whose ip lies outside the worker's own file-backed code (the helper, libc,
 *     ld.so: the ranges the worker reports when it starts): exec probes jump to the target. Everything else is
 *     the helper's own (its stack, buffers, code pages after fork, the signal frame) and is left out. Kernel-mode
 *     faults are not captured: no scenario operation makes the kernel copy into the scenario's memory, and the
 *     populate paths (MAP_POPULATE, mlock, MADV_POPULATE_*) fault through GUP, which takes no exception.
 *   Result lines:
 *     ok                             success without a value
 *     val 0xHEX [0xHEX]              success with a value
 *     err ERRNO NAME                 the syscall failed, e.g. `err 22 EINVAL`
 *     sig SIGNO SIGNAME CODE 0xADDR  the access raised a signal, e.g. `sig 11 SIGSEGV SEGV_ACCERR 0x100000000000`
 *     fail MESSAGE                   a helper-level failure: bad command, no such process, timeout, crash
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <linux/perf_event.h>

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif
#ifndef MFD_CLOEXEC
#define MFD_CLOEXEC 1U
#endif
#ifndef SYS_memfd_create
#define SYS_memfd_create 319
#endif
#ifndef SYS_mseal
#define SYS_mseal 462
#endif
#ifndef SEGV_PKUERR
#define SEGV_PKUERR 4
#endif

#define PAGE 4096UL
#define CHANNEL_FD 3
#define MAX_PROCS 256
#define PROTOCOL_VERSION 1

/* ------------------------------------------------------------------ names */

static const char *errno_name(int e)
{
    switch (e) {
    case EPERM: return "EPERM"; case ENOENT: return "ENOENT"; case ESRCH: return "ESRCH";
    case EINTR: return "EINTR"; case EIO: return "EIO"; case E2BIG: return "E2BIG";
    case EBADF: return "EBADF"; case EAGAIN: return "EAGAIN"; case ENOMEM: return "ENOMEM";
    case EACCES: return "EACCES"; case EFAULT: return "EFAULT"; case EBUSY: return "EBUSY";
    case EEXIST: return "EEXIST"; case ENODEV: return "ENODEV"; case EINVAL: return "EINVAL";
    case ENFILE: return "ENFILE"; case EMFILE: return "EMFILE"; case ETXTBSY: return "ETXTBSY";
    case EFBIG: return "EFBIG"; case ENOSPC: return "ENOSPC"; case ESPIPE: return "ESPIPE";
    case EROFS: return "EROFS"; case ERANGE: return "ERANGE"; case ENOSYS: return "ENOSYS";
    case EOVERFLOW: return "EOVERFLOW"; case EOPNOTSUPP: return "EOPNOTSUPP";
    case EHWPOISON: return "EHWPOISON"; case ENOTDIR: return "ENOTDIR"; case EISDIR: return "EISDIR";
    default: return "EUNKNOWN";
    }
}

static const char *signal_name(int s)
{
    switch (s) {
    case SIGSEGV: return "SIGSEGV"; case SIGBUS: return "SIGBUS"; case SIGTRAP: return "SIGTRAP";
    case SIGILL: return "SIGILL"; case SIGFPE: return "SIGFPE"; case SIGKILL: return "SIGKILL";
    case SIGABRT: return "SIGABRT"; case SIGTERM: return "SIGTERM"; case SIGSYS: return "SIGSYS";
    default: return "SIGUNKNOWN";
    }
}

static const char *code_name(int s, int c)
{
    if (c == SI_KERNEL) return "SI_KERNEL";
    if (c == SI_USER) return "SI_USER";
    if (c == SI_TKILL) return "SI_TKILL";
    if (s == SIGSEGV) {
        switch (c) {
        case SEGV_MAPERR: return "SEGV_MAPERR"; case SEGV_ACCERR: return "SEGV_ACCERR";
        case SEGV_BNDERR: return "SEGV_BNDERR"; case SEGV_PKUERR: return "SEGV_PKUERR";
        }
    } else if (s == SIGBUS) {
        switch (c) {
        case BUS_ADRALN: return "BUS_ADRALN"; case BUS_ADRERR: return "BUS_ADRERR";
        case BUS_OBJERR: return "BUS_OBJERR"; case BUS_MCEERR_AR: return "BUS_MCEERR_AR";
        case BUS_MCEERR_AO: return "BUS_MCEERR_AO";
        }
    } else if (s == SIGTRAP) {
        switch (c) { case TRAP_BRKPT: return "TRAP_BRKPT"; case TRAP_TRACE: return "TRAP_TRACE"; }
    } else if (s == SIGILL) {
        switch (c) { case ILL_ILLOPC: return "ILL_ILLOPC"; case ILL_ILLOPN: return "ILL_ILLOPN"; }
    }
    return "CODE_UNKNOWN";
}

/* ------------------------------------------------------------ formatting */

static int write_all(int fd, const void *buf, size_t len);
static int send_with_fd(int fd, const char *buf, size_t len, int passfd);

/* The worker's answer, streamed to the controller through a small buffer in .bss: workers must not call malloc
 * (the scenario owns [heap]) and should keep their own footprint small (it shows in dumps). */
static char out_buf[64 * 1024];
static size_t out_len;
static int out_sent;                            /* something of this answer has gone out already */
static int out_pass_fd = -1;                    /* a descriptor to hand over with the answer (fork) */
static int out_suppressed;                      /* no answer at all (the child of a fork) */

static void out_reset(void) { out_len = 0; out_sent = 0; out_pass_fd = -1; out_suppressed = 0; }

static void out_flush(void)
{
    if (!out_len) return;
    int r = out_pass_fd >= 0 ? send_with_fd(CHANNEL_FD, out_buf, out_len, out_pass_fd)
                             : write_all(CHANNEL_FD, out_buf, out_len);
    if (r < 0) _exit(0);                        /* the controller is gone */
    out_pass_fd = -1;
    out_len = 0;
    out_sent = 1;
}

static void out_char(char c)
{
    if (out_len == sizeof out_buf) out_flush();
    out_buf[out_len++] = c;
}

static void out_printf(const char *fmt, ...)
{
    if (sizeof out_buf - out_len < 8192) out_flush();
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(out_buf + out_len, sizeof out_buf - out_len, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    out_len += (size_t)n;
    if (out_len > sizeof out_buf - 1) out_len = sizeof out_buf - 1;
}

/* Ends the answer with its NUL terminator. */
static void out_end(void)
{
    if (out_suppressed) return;
    if (!out_len && !out_sent) out_printf("fail no answer\n");
    out_char(0);
    out_flush();
}

static void out_result_errno(int e) { out_printf("err %d %s\n", e, errno_name(e)); }

static void out_syscall_status(long r)
{
    if (r < 0) out_result_errno(errno);
    else out_printf("ok\n");
}

static unsigned long parse_num(const char *s, int *ok)
{
    char *end;
    if (!s) { *ok = 0; return 0; }
    errno = 0;
    unsigned long v;
    if (s[0] == '-') v = (unsigned long)strtol(s, &end, 0);
    else v = strtoul(s, &end, 0);
    if (errno || *end || end == s) *ok = 0;
    return v;
}

static int split(char *line, char **argv, int max)
{
    int n = 0;
    char *save = NULL;
    for (char *t = strtok_r(line, " \t\r\n", &save); t && n < max; t = strtok_r(NULL, " \t\r\n", &save))
        argv[n++] = t;
    return n;
}

/* --------------------------------------------------------------- framing */

static int write_all(int fd, const void *buf, size_t len)
{
    const char *p = buf;
    while (len) {
        ssize_t n = write(fd, p, len);
        if (n < 0) { if (errno == EINTR) continue; return -1; }
        p += n; len -= (size_t)n;
    }
    return 0;
}

static int send_command(int fd, const char *buf, size_t len)
{
    uint32_t n = (uint32_t)len;
    struct iovec iov[2] = { { &n, sizeof n }, { (void *)buf, len } };
    ssize_t w = writev(fd, iov, 2);
    if (w < 0) return -1;
    if ((size_t)w < sizeof n) return -1;
    return (size_t)w == sizeof n + len ? 0 : write_all(fd, buf + (w - sizeof n), len - (w - sizeof n));
}

/* Sends bytes whose first one carries a descriptor (SCM_RIGHTS). */
static int send_with_fd(int fd, const char *buf, size_t len, int passfd)
{
    struct iovec iov = { (void *)buf, 1 };
    char cbuf[CMSG_SPACE(sizeof(int))];
    memset(cbuf, 0, sizeof cbuf);
    struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = cbuf, .msg_controllen = sizeof cbuf };
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET; c->cmsg_type = SCM_RIGHTS; c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &passfd, sizeof(int));
    if (sendmsg(fd, &msg, 0) != 1) return -1;
    return write_all(fd, buf + 1, len - 1);
}

/* ----------------------------------------------------------- the worker */

static sigjmp_buf probe_env;
static volatile sig_atomic_t probe_active;
static volatile sig_atomic_t exec_steps;
static volatile uintptr_t probe_target;
static volatile int caught_sig, caught_code;
static volatile uintptr_t caught_addr;
static volatile unsigned long caught_err;
static char alt_stack[32 * 1024];
static char scratch[8 * 1024];

static void fatal_handler(int sig, siginfo_t *si, void *ctx)
{
    ucontext_t *uc = ctx;
    if (probe_active) {
        uintptr_t rip = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
        if (probe_active == 'x') {
            /* The trap flag fires once with rip == target before the fetch; let the fetch happen. */
            if (sig == SIGTRAP && rip == probe_target && exec_steps == 0) { exec_steps = 1; return; }
            unsigned long err = (unsigned long)uc->uc_mcontext.gregs[REG_ERR];
            int at_target = ((uintptr_t)si->si_addr & ~(PAGE - 1)) == (probe_target & ~(PAGE - 1));
            int fetch_fault = (sig == SIGSEGV && at_target && (err & 16)) || (sig == SIGBUS && at_target);
            if (!fetch_fault) { caught_sig = 0; siglongjmp(probe_env, 1); }
        }
        caught_sig = sig; caught_code = si->si_code; caught_addr = (uintptr_t)si->si_addr;
        caught_err = (unsigned long)uc->uc_mcontext.gregs[REG_ERR];
        siglongjmp(probe_env, 1);
    }
    /* A crash outside a probe: say so on the channel, then die without a core. */
    char msg[160];
    int n = snprintf(msg, sizeof msg, "fail crashed: %s %s at 0x%lx rip 0x%lx\n", signal_name(sig),
                     code_name(sig, si->si_code), (unsigned long)si->si_addr,
                     (unsigned long)uc->uc_mcontext.gregs[REG_RIP]);
    if (n > (int)sizeof msg - 1) n = (int)sizeof msg - 1;
    msg[n] = 0;                                 /* the NUL ends the answer */
    write_all(CHANNEL_FD, msg, (size_t)n + 1);
    _exit(128 + sig);
}

/* Jumps to rdi with the trap flag set and every general register pointing into rsi (a scratch buffer), so the
 * one instruction that may run at the target cannot scribble on anything that matters. Never returns:
 * the trap or a fault ends it by siglongjmp. */
__asm__(".text\n.globl mmwb_exec_probe\n.type mmwb_exec_probe,@function\nmmwb_exec_probe:\n"
        "  mov %rdi, %r11\n  mov %rsi, %rax\n  mov %rsi, %rbx\n  mov %rsi, %rcx\n  mov %rsi, %rdx\n"
        "  mov %rsi, %rbp\n  mov %rsi, %rdi\n  mov %rsi, %r8\n  mov %rsi, %r9\n  mov %rsi, %r10\n"
        "  mov %rsi, %r12\n  mov %rsi, %r13\n  mov %rsi, %r14\n  mov %rsi, %r15\n"
        "  sub $512, %rsp\n  pushfq\n  orq $0x100, (%rsp)\n  popfq\n  jmp *%r11\n"
        ".size mmwb_exec_probe, .-mmwb_exec_probe\n");
void mmwb_exec_probe(uintptr_t target, void *scratch_mid);

/* The scenario's data accesses: one load and one store, nothing else, so that a page fault whose ip lies in
 * [mmwb_access_begin, mmwb_access_end) is the scenario's (see FAULTS at the top). */
__asm__(".text\n.globl mmwb_access_begin\nmmwb_access_begin:\n"
        ".globl mmwb_load_byte\n.type mmwb_load_byte,@function\nmmwb_load_byte:\n"
        "  movzbl (%rdi), %eax\n  ret\n.size mmwb_load_byte, .-mmwb_load_byte\n"
        ".globl mmwb_store_byte\n.type mmwb_store_byte,@function\nmmwb_store_byte:\n"
        "  movb %sil, (%rdi)\n  ret\n.size mmwb_store_byte, .-mmwb_store_byte\n"
        ".globl mmwb_access_end\nmmwb_access_end:\n");
unsigned mmwb_load_byte(uintptr_t addr);
void mmwb_store_byte(uintptr_t addr, unsigned byte);
extern char mmwb_access_begin[], mmwb_access_end[];

/* Accesses one byte; returns 0 when the access completed, else 1 with caught_* describing the signal. */
static int probe(int mode, uintptr_t addr, unsigned char wbyte, unsigned char *rbyte)
{
    caught_sig = 0;
    probe_target = addr;
    exec_steps = 0;
    if (sigsetjmp(probe_env, 1)) {
        probe_active = 0;
        return caught_sig != 0;
    }
    probe_active = mode;
    if (mode == 'r') *rbyte = (unsigned char)mmwb_load_byte(addr);
    else if (mode == 'w') mmwb_store_byte(addr, wbyte);
    else mmwb_exec_probe(addr, scratch + sizeof scratch / 2);
    probe_active = 0;
    return 0;
}

static void out_probe(void)
{
    out_printf("sig %d %s %s 0x%lx\n", caught_sig, signal_name(caught_sig), code_name(caught_sig, caught_code),
               (unsigned long)caught_addr);
}

/* Reads a /proc text file line by line through a small buffer (lines longer than it are cut). */
static char rd_buf[64 * 1024];
static size_t rd_pos, rd_len;
static int rd_fd = -1, rd_eof;

static int lines_open(const char *path)
{
    rd_fd = open(path, O_RDONLY | O_CLOEXEC);
    rd_pos = rd_len = 0;
    rd_eof = 0;
    return rd_fd;
}

static void lines_close(void) { if (rd_fd >= 0) close(rd_fd); rd_fd = -1; }

static char *next_line(void)
{
    for (;;) {
        char *nl = memchr(rd_buf + rd_pos, '\n', rd_len - rd_pos);
        if (nl) { char *l = rd_buf + rd_pos; *nl = 0; rd_pos = (size_t)(nl - rd_buf) + 1; return l; }
        if (rd_pos) { memmove(rd_buf, rd_buf + rd_pos, rd_len - rd_pos); rd_len -= rd_pos; rd_pos = 0; }
        if (rd_len == sizeof rd_buf - 1 || rd_eof) {
            if (!rd_len) return NULL;
            rd_buf[rd_len] = 0;                 /* last line without newline, or a cut line */
            rd_pos = rd_len = 0;
            return rd_buf;
        }
        ssize_t n = read(rd_fd, rd_buf + rd_len, sizeof rd_buf - 1 - rd_len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) rd_eof = 1; else rd_len += (size_t)n;
    }
}
static uint64_t pm_buf[4096];
static uint64_t zero_pfn;
static int kpageflags_fd = -1;

/* Letter for one pagemap entry (Documentation/admin-guide/mm/pagemap.rst). */
static char page_letter(uint64_t e)
{
    if (e & (1ULL << 58)) return 'G';           /* PM_GUARD_REGION: a guard marker */
    if (!(e & (1ULL << 63))) return (e & (1ULL << 62)) ? 'S' : '.';
    uint64_t pfn = e & ((1ULL << 55) - 1);
    /* Zero pages first: pagemap marks the huge zero page as a file page (PM_FILE), kpageflags as KPF_ZERO_PAGE. */
    if (pfn && zero_pfn && pfn == zero_pfn) return 'Z';
    if (pfn && kpageflags_fd >= 0) {
        uint64_t kf;
        if (pread(kpageflags_fd, &kf, 8, (off_t)(pfn * 8)) == 8 && (kf & (1ULL << 24))) return 'Z';
    }
    if (e & (1ULL << 61)) return 'F';           /* file page or shmem / shared anon */
    return (e & (1ULL << 56)) ? 'A' : 'a';
}

/*
 * A read fault maps the shared zero page, unless the kernel forbids it (mm_forbids_zeropage; some hosts boot with
 * pvm_no_zero_page=1): then it maps a fresh exclusive page, which must not be taken for the zero page (its PFN is
 * reused later). Only a PFN that is not exclusively mapped and, where kpageflags is readable, marked
 * KPF_ZERO_PAGE, counts. Returns the zero PFN, 0 when none was seen (or PFNs are hidden), and sets *forbidden
 * when the read fault mapped an exclusive page.
 */
static uint64_t probe_zero_pfn(int kpf, int *forbidden)
{
    uint64_t found = 0;
    int pm = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
    void *p = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    uint64_t e, kf;
    if (pm >= 0 && p != MAP_FAILED) {
        (void)*(volatile char *)p;
        if (pread(pm, &e, 8, (off_t)((uintptr_t)p / PAGE * 8)) == 8 && (e & (1ULL << 63))) {
            uint64_t pfn = e & ((1ULL << 55) - 1);
            if (e & (1ULL << 56))
                *forbidden = 1;
            else if (kpf < 0 || (pread(kpf, &kf, 8, (off_t)(pfn * 8)) == 8 && (kf & (1ULL << 24))))
                found = pfn;
        }
    }
    if (p != MAP_FAILED) munmap(p, PAGE);
    if (pm >= 0) close(pm);
    return found;
}

static void find_zero_pfn(void)
{
    int forbidden = 0;
    kpageflags_fd = open("/proc/kpageflags", O_RDONLY | O_CLOEXEC);
    zero_pfn = probe_zero_pfn(kpageflags_fd, &forbidden);
}

/* `facts zero_page=`: whether this kernel maps the zero page on anonymous read faults (checked once). */
static int host_zero_page(void)
{
    static int known = -1;
    if (known < 0) {
        int forbidden = 0;
        (void)probe_zero_pfn(-1, &forbidden);
        known = !forbidden;
    }
    return known;
}

/*
 * /proc/self/pagemap is mode 0400 and, for a process that is not dumpable (workers set PR_SET_DUMPABLE 0 against
 * core dumps), owned by root (task_dump_owner): a worker of a non-root user cannot open its own. The access check
 * is made at open time only, so the worker is dumpable just for the open.
 */
static int open_self_pagemap(void)
{
    int fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == EACCES && prctl(PR_GET_DUMPABLE) == 0) {
        prctl(PR_SET_DUMPABLE, 1);
        fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
        prctl(PR_SET_DUMPABLE, 0);
    }
    return fd;
}

static void do_dump(unsigned long maxpages)
{
    if (lines_open("/proc/self/smaps") < 0) { out_result_errno(errno); return; }
    int pm = open_self_pagemap();
    out_printf("dump\n");
    unsigned long s = 0, e = 0, off = 0, rss = 0;
    char perms[8] = "", name[512] = "", flags[512] = "";
    int have = 0;
    for (;;) {
        char *line = next_line();
        unsigned long a, b, o;
        char p[8];
        int hdr = 0, consumed = 0;
        if (line && sscanf(line, "%lx-%lx %7s %lx %*s %*s%n", &a, &b, p, &o, &consumed) == 4 && strchr(line, '-') &&
            consumed > 0 && line[0] != ' ')
            hdr = (line[0] >= '0' && line[0] <= '9') || (line[0] >= 'a' && line[0] <= 'f');
        if ((hdr || !line) && have) {
            out_printf("%lx\t%lx\t%s\t%lx\t%s\t%lu\t", s, e, perms, off, flags, rss);
            unsigned long n = (e - s) / PAGE, done = 0;
            if (n > maxpages) n = maxpages;
            while (pm >= 0 && done < n) {
                unsigned long chunk = n - done > 4096 ? 4096 : n - done;
                ssize_t r = pread(pm, pm_buf, chunk * 8, (off_t)((s / PAGE + done) * 8));
                if (r <= 0) {                   /* beyond what pagemap walks ([vsyscall]): not present */
                    for (; done < n; done++) out_char('.');
                    break;
                }
                chunk = (unsigned long)r / 8;
                for (unsigned long i = 0; i < chunk; i++) out_char(page_letter(pm_buf[i]));
                done += chunk;
            }
            out_printf("\t%s\n", name);
            have = 0;
        }
        if (!line) break;
        if (hdr) {
            s = a; e = b; off = o; rss = 0; flags[0] = 0;
            memcpy(perms, p, sizeof perms);
            const char *nm = line + consumed;
            while (*nm == ' ') nm++;
            snprintf(name, sizeof name, "%s", nm);
            have = 1;
        } else if (!strncmp(line, "Rss:", 4)) {
            rss = strtoul(line + 4, NULL, 10);
        } else if (!strncmp(line, "VmFlags:", 8)) {
            size_t k = 0;
            char *fs = NULL;
            for (char *t = strtok_r(line + 8, " ", &fs); t; t = strtok_r(NULL, " ", &fs))
                k += (size_t)snprintf(flags + k, sizeof flags - k, "%s%s", k ? "," : "", t);
        }
    }
    if (pm >= 0) close(pm);
    lines_close();
    out_printf("end\n");
}

static void do_special(const char *want)
{
    if (lines_open("/proc/self/maps") < 0) { out_result_errno(errno); return; }
    for (char *line; (line = next_line());) {
        unsigned long a, b;
        int consumed = 0;
        if (sscanf(line, "%lx-%lx %*s %*s %*s %*s%n", &a, &b, &consumed) != 2 || consumed <= 0) continue;
        const char *nm = line + consumed;
        while (*nm == ' ') nm++;
        if (!strcmp(nm, want)) { out_printf("val 0x%lx 0x%lx\n", a, b); lines_close(); return; }
    }
    lines_close();
    out_result_errno(ENOENT);
}

static void do_file(const char *name, unsigned long size)
{
    int fd = (int)syscall(SYS_memfd_create, name, 0);
    if (fd < 0) { out_result_errno(errno); return; }
    if (ftruncate(fd, (off_t)size) < 0) { int e = errno; close(fd); out_result_errno(e); return; }
    for (unsigned long i = 0; i * PAGE < size; i++) {
        char c = (char)('A' + i % 26);
        if (pwrite(fd, &c, 1, (off_t)(i * PAGE)) != 1) { int e = errno; close(fd); out_result_errno(e); return; }
    }
    out_printf("val 0x%x\n", fd);
}

/* The counters the limits apply to: map_count, total_vm, data_vm, locked_vm (bytes), the [stack] VMA's size. */
static void do_usage(void)
{
    unsigned long maps = 0, stack = 0, size_kb = 0, data_kb = 0, lck_kb = 0;
    if (lines_open("/proc/self/maps") < 0) { out_result_errno(errno); return; }
    for (char *line; (line = next_line());) {
        unsigned long a, b;
        if (sscanf(line, "%lx-%lx", &a, &b) != 2) continue;
        if (strstr(line, "[vsyscall]")) continue;     /* the gate area is not in mm->map_count */
        maps++;
        if (strstr(line, "[stack]")) stack = b - a;
    }
    lines_close();
    if (lines_open("/proc/self/status") < 0) { out_result_errno(errno); return; }
    for (char *line; (line = next_line());) {
        if (!strncmp(line, "VmSize:", 7)) size_kb = strtoul(line + 7, NULL, 10);
        else if (!strncmp(line, "VmData:", 7)) data_kb = strtoul(line + 7, NULL, 10);
        else if (!strncmp(line, "VmLck:", 6)) lck_kb = strtoul(line + 6, NULL, 10);
    }
    lines_close();
    out_printf("val 0x%lx 0x%lx 0x%lx 0x%lx 0x%lx\n", maps, size_kb << 10, data_kb << 10, lck_kb << 10, stack);
}

#define PAD_BASE 0x200000000000UL

/* N separate one-page VMAs (a gap between each), so that a low vm.max_map_count can be reached safely: the limit
 * is global, and other processes on the machine must stay well below it. */
static void do_pad(unsigned long n)
{
    static unsigned long next = PAD_BASE;
    unsigned long start = next;
    if (n > 1000000) { out_printf("fail pad: too many\n"); return; }
    /* The padding is the harness's, not the scenario's: a finite RLIMIT_AS grows by what it takes. */
    struct rlimit as;
    if (getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur != RLIM_INFINITY) {
        rlim_t more = as.rlim_cur + n * PAGE;
        as.rlim_cur = as.rlim_max != RLIM_INFINITY && more > as.rlim_max ? as.rlim_max : more;
        setrlimit(RLIMIT_AS, &as);
    }
    for (unsigned long i = 0; i < n; i++, next += 2 * PAGE) {
        void *p = mmap((void *)next, PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE,
                       -1, 0);
        if (p == MAP_FAILED) { out_result_errno(errno); return; }
    }
    out_printf("val 0x%lx 0x%lx\n", start, next);
}

/* capdrop: capget/capset with the version-3 header (two 32-bit words per set); no libcap needed. */
static void do_capdrop(unsigned long cap)
{
    struct { uint32_t version; int pid; } hdr = { 0x20080522, 0 };  /* _LINUX_CAPABILITY_VERSION_3 */
    struct { uint32_t effective, permitted, inheritable; } data[2];
    if (cap >= 64) { out_result_errno(EINVAL); return; }
    if (syscall(SYS_capget, &hdr, data) < 0) { out_result_errno(errno); return; }
    uint32_t bit = 1u << (cap % 32);
    data[cap / 32].effective &= ~bit;
    data[cap / 32].permitted &= ~bit;
    data[cap / 32].inheritable &= ~bit;
    out_syscall_status(syscall(SYS_capset, &hdr, data));
}

static void worker_fork(void)
{
    int sp[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sp) < 0) { out_printf("fail socketpair: %s\n", strerror(errno)); return; }
    pid_t pid = fork();
    if (pid < 0) { int e = errno; close(sp[0]); close(sp[1]); out_result_errno(e); return; }
    if (pid == 0) {
        /* Only the child holds its channel end: its death is EOF for the controller. */
        close(sp[0]);
        dup2(sp[1], CHANNEL_FD);
        close(sp[1]);
        out_suppressed = 1;                     /* the parent answers the fork */
        return;
    }
    close(sp[1]);
    out_printf("val 0x%x\n", (unsigned)pid);
    out_pass_fd = sp[0];
    out_end();
    close(sp[0]);
    out_suppressed = 1;                         /* already answered */
}

static void worker_command(char *line)
{
    char *argv[16];
    int argc = split(line, argv, 16), ok = 1;
    unsigned long a[8] = { 0 };
    for (int i = 1; i < argc && i < 9; i++) {
        int k = 1;
        a[i - 1] = parse_num(argv[i], &k);
    }
#define NEED(n) do { if (argc < (n) + 1) { out_printf("fail %s needs %d arguments\n", argv[0], (n)); return; } \
                     for (int i_ = 1; i_ <= (n); i_++) parse_num(argv[i_], &ok); \
                     if (!ok) { out_printf("fail %s: bad number\n", argv[0]); return; } } while (0)
    if (argc == 0) { out_printf("fail empty command\n"); return; }
    const char *op = argv[0];
    if (!strcmp(op, "mmap")) {
        NEED(6);
        void *p = mmap((void *)a[0], a[1], (int)a[2], (int)a[3], (int)(long)a[4], (off_t)a[5]);
        if (p == MAP_FAILED) out_result_errno(errno); else out_printf("val 0x%lx\n", (unsigned long)p);
    } else if (!strcmp(op, "munmap")) { NEED(2); out_syscall_status(munmap((void *)a[0], a[1]));
    } else if (!strcmp(op, "mprotect")) { NEED(3); out_syscall_status(mprotect((void *)a[0], a[1], (int)a[2]));
    } else if (!strcmp(op, "mlock")) { NEED(2); out_syscall_status(mlock((void *)a[0], a[1]));
    } else if (!strcmp(op, "munlock")) { NEED(2); out_syscall_status(munlock((void *)a[0], a[1]));
    } else if (!strcmp(op, "mlockall")) { NEED(1); out_syscall_status(syscall(SYS_mlockall, a[0]));
    } else if (!strcmp(op, "munlockall")) { out_syscall_status(syscall(SYS_munlockall));
    } else if (!strcmp(op, "capdrop")) { NEED(1); do_capdrop(a[0]);
    } else if (!strcmp(op, "mseal")) { NEED(2); out_syscall_status(syscall(SYS_mseal, a[0], a[1], 0UL));
    } else if (!strcmp(op, "madvise")) { NEED(3); out_syscall_status(madvise((void *)a[0], a[1], (int)a[2]));
    } else if (!strcmp(op, "mremap")) {
        NEED(5);
        void *p = (void *)syscall(SYS_mremap, a[0], a[1], a[2], a[3], a[4]);
        if (p == MAP_FAILED) out_result_errno(errno); else out_printf("val 0x%lx\n", (unsigned long)p);
    } else if (!strcmp(op, "brk")) {
        NEED(1); out_printf("val 0x%lx\n", (unsigned long)syscall(SYS_brk, a[0]));
    } else if (!strcmp(op, "sbrk")) {
        NEED(1);
        unsigned long cur = (unsigned long)syscall(SYS_brk, 0UL);
        out_printf("val 0x%lx\n", (unsigned long)syscall(SYS_brk, cur + a[0]));
    } else if (!strcmp(op, "touch")) {
        NEED(2);
        if (argc < 4 || !strchr("rwx", argv[3][0]) || argv[3][1]) { out_printf("fail touch needs r, w or x\n"); return; }
        unsigned long first = a[0] & ~(PAGE - 1), last = a[1] ? (a[0] + a[1] - 1) & ~(PAGE - 1) : first;
        unsigned long n = a[1] ? (last - first) / PAGE + 1 : 0;
        if (last < first || n > 1000000) { out_printf("fail touch range too large\n"); return; }
        out_printf("list %lu\n", n);
        for (unsigned long i = 0; i < n; i++) {
            unsigned char b;
            if (probe(argv[3][0], first + i * PAGE, 0x5a, &b)) out_probe(); else out_printf("ok\n");
        }
    } else if (!strcmp(op, "read")) {
        NEED(1);
        unsigned char b = 0;
        if (probe('r', a[0], 0, &b)) out_probe(); else out_printf("val 0x%x\n", b);
    } else if (!strcmp(op, "write")) {
        NEED(2);
        unsigned char b;
        if (probe('w', a[0], (unsigned char)a[1], &b)) out_probe(); else out_printf("ok\n");
    } else if (!strcmp(op, "exec")) {
        NEED(1);
        unsigned char b;
        if (probe('x', a[0], 0, &b)) out_probe(); else out_printf("ok\n");
    } else if (!strcmp(op, "file")) {
        if (argc < 3) { out_printf("fail file needs NAME SIZE\n"); return; }
        unsigned long size = parse_num(argv[2], &ok);
        if (!ok) { out_printf("fail file: bad size\n"); return; }
        do_file(argv[1], size);
    } else if (!strcmp(op, "special")) {
        if (argc < 2) { out_printf("fail special needs NAME\n"); return; }
        do_special(argv[1]);
    } else if (!strcmp(op, "dump")) {
        unsigned long maxpages = 262144;
        if (argc > 1) { maxpages = parse_num(argv[1], &ok); if (!ok) { out_printf("fail dump: bad number\n"); return; } }
        do_dump(maxpages);
    } else if (!strcmp(op, "window")) {
        NEED(2);
        void *p = mmap((void *)a[0], a[1], PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE,
                       -1, 0);
        if (p == MAP_FAILED) { out_result_errno(errno); return; }
        munmap(p, a[1]);
        if ((unsigned long)p != a[0]) out_result_errno(EEXIST); else out_printf("ok\n");
    } else if (!strcmp(op, "pid")) {
        out_printf("val 0x%x\n", (unsigned)getpid());
    } else if (!strcmp(op, "setrlimit")) {
        NEED(3);
        struct rlimit rl = { (rlim_t)a[1], (rlim_t)a[2] };
        if ((long)a[2] == -2 && getrlimit((int)a[0], &rl) == 0) rl.rlim_cur = (rlim_t)a[1];  /* -2: keep the hard limit */
        out_syscall_status(setrlimit((int)a[0], &rl));
    } else if (!strcmp(op, "usage")) {
        do_usage();
    } else if (!strcmp(op, "pad")) {
        NEED(1);
        do_pad(a[0]);
    } else if (!strcmp(op, "fork")) {
        worker_fork();
    } else if (!strcmp(op, "exit")) {
        _exit(0);                               /* the controller sees EOF once exit_mm() is done */
    } else if (!strcmp(op, "hang")) {
        for (;;) pause();                       /* for tests of the deadline */
    } else if (!strcmp(op, "crash")) {
        raise(SIGABRT);                         /* for tests of crash reports */
    } else {
        out_printf("fail unknown operation %s\n", op);
    }
#undef NEED
}

static int read_exact(int fd, void *buf, size_t len)
{
    char *p = buf;
    while (len) {
        ssize_t n = read(fd, p, len);
        if (n < 0) { if (errno == EINTR) continue; return -1; }
        if (n == 0) return -1;
        p += n; len -= (size_t)n;
    }
    return 0;
}

static char cmd_buf[4096];

/* The start answer: `ok`, then the access routine's range and the worker's own file-backed code ranges (its binary,
 * libc, ld.so), which the controller needs to tell the scenario's faults from the helper's (FAULTS at the top). */
static void hello_ranges(void)
{
    out_reset();
    out_printf("ok 0x%lx 0x%lx", (unsigned long)mmwb_access_begin, (unsigned long)mmwb_access_end);
    if (lines_open("/proc/self/maps") >= 0) {
        for (char *line; (line = next_line());) {
            unsigned long a, b;
            char perms[8];
            int consumed = 0;
            if (sscanf(line, "%lx-%lx %7s %*s %*s %*s%n", &a, &b, perms, &consumed) != 3 || consumed <= 0) continue;
            const char *nm = line + consumed;
            while (*nm == ' ') nm++;
            if (perms[2] == 'x' && nm[0] == '/') out_printf(" 0x%lx 0x%lx", a, b);
        }
        lines_close();
    }
    out_printf("\n");
    out_end();
}

static int worker_main(void)
{
    struct rlimit nocore = { 0, 0 };
    setrlimit(RLIMIT_CORE, &nocore);
    prctl(PR_SET_DUMPABLE, 0);
    signal(SIGCHLD, SIG_IGN);
    signal(SIGPIPE, SIG_IGN);
    stack_t ss = { .ss_sp = alt_stack, .ss_size = sizeof alt_stack, .ss_flags = 0 };
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = fatal_handler;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    int sigs[] = { SIGSEGV, SIGBUS, SIGTRAP, SIGILL, SIGFPE, SIGABRT, SIGSYS };
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) sigaction(sigs[i], &sa, NULL);
    find_zero_pfn();
    hello_ranges();
    for (;;) {
        uint32_t len;
        if (read_exact(CHANNEL_FD, &len, sizeof len) < 0 || len >= sizeof cmd_buf) _exit(0);
        if (read_exact(CHANNEL_FD, cmd_buf, len) < 0) _exit(0);
        cmd_buf[len] = 0;
        out_reset();
        worker_command(cmd_buf);
        out_end();
    }
}

/* ------------------------------------------------------- the controller */

#define MAX_CODE 16

struct proc {
    int alive;
    int parent;                                 /* scenario pid of the parent, 0 for pid 1 */
    pid_t real;
    int fd;                                     /* controller end of the channel */
    int perf_fd;                                /* its exceptions:page_fault_user event, -1 when none */
    char *ring;                                 /* the event's ring buffer (metadata page first) */
    unsigned long acc_lo, acc_hi;               /* the worker's access routine (FAULTS at the top) */
    int ncode;
    unsigned long code[MAX_CODE][2];            /* the worker's own file-backed code */
};

static struct proc procs[MAX_PROCS + 1];
static int nprocs;                              /* scenario pids used so far */
static pid_t group;                             /* process group of the active scenario, 0 when none */
static int op_timeout_ms = 2000;
static char *reply_buf;                         /* the controller may malloc: its heap is not a scenario's */
static size_t reply_cap;
static char self_exe[4096];

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ------------------------------------------------- the scenario's faults */

#define RING_PAGES 64UL                         /* 256 KiB per process, drained while the controller waits */

struct fault { int pid; unsigned long addr, err, ip; };
static struct fault *faults;                    /* this scenario's faults, in the order taken */
static size_t nfaults, faults_cap;
static char faults_why[256];                    /* why they are not (all) captured; "" while they are */
static long fault_tp = -2;                      /* exceptions:page_fault_user's id; -2 not read yet, -1 none */
static char fault_tp_why[200];
static struct proc *draining;                   /* the process whose ring recv_reply drains while it waits */

static void faults_fail(const char *why)
{
    if (!faults_why[0]) snprintf(faults_why, sizeof faults_why, "%s", why);
}

/* The tracepoint's id from tracefs (mounted first when it is not, as mmwb-record does). */
static long fault_tracepoint(void)
{
    static const char *const ids[] = { "/sys/kernel/tracing/events/exceptions/page_fault_user/id",
                                       "/sys/kernel/debug/tracing/events/exceptions/page_fault_user/id" };
    if (fault_tp != -2) return fault_tp;
    struct stat st;
    if (stat("/sys/kernel/tracing/events", &st) != 0 && stat("/sys/kernel/debug/tracing/events", &st) != 0)
        mount("nodev", "/sys/kernel/tracing", "tracefs", 0, NULL);
    fault_tp = -1;
    int e = ENOENT;
    for (int i = 0; i < 2 && fault_tp < 0; i++) {
        FILE *f = fopen(ids[i], "re");
        if (!f) { if (errno != ENOENT) e = errno; continue; }
        if (fscanf(f, "%ld", &fault_tp) != 1) fault_tp = -1;
        fclose(f);
    }
    if (fault_tp < 0)
        snprintf(fault_tp_why, sizeof fault_tp_why, "cannot read the id of the tracepoint exceptions:page_fault_user "
                 "from tracefs (%s; it needs root)", strerror(e));
    return fault_tp;
}

/* Opens the fault event of a scenario process before it runs any scenario operation. */
static void faults_open(struct proc *p)
{
    p->perf_fd = -1;
    p->ring = NULL;
    if (faults_why[0]) return;
    if (fault_tracepoint() < 0) { faults_fail(fault_tp_why); return; }
    struct perf_event_attr a;
    memset(&a, 0, sizeof a);
    a.size = sizeof a;
    a.type = PERF_TYPE_TRACEPOINT;
    a.config = (unsigned long)fault_tp;
    a.sample_period = 1;
    a.sample_type = PERF_SAMPLE_RAW;
    a.watermark = 1;
    a.wakeup_watermark = (unsigned)(RING_PAGES * PAGE / 2);
    int fd = (int)syscall(SYS_perf_event_open, &a, p->real, -1, -1, PERF_FLAG_FD_CLOEXEC);
    if (fd < 0) {
        char why[200];
        snprintf(why, sizeof why, "perf_event_open(exceptions:page_fault_user) failed: %s (it needs root, or "
                 "CAP_PERFMON and CAP_SYS_PTRACE)", strerror(errno));
        faults_fail(why);
        return;
    }
    void *m = mmap(NULL, (RING_PAGES + 1) * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (m == MAP_FAILED) {
        char why[200];
        snprintf(why, sizeof why, "cannot map the perf ring buffer: %s", strerror(errno));
        faults_fail(why);
        close(fd);
        return;
    }
    p->perf_fd = fd;
    p->ring = m;
}

/* FAULTS at the top: the scenario's own accesses, not the helper's. */
static int scenario_fault(const struct proc *p, unsigned long ip, unsigned long err)
{
    if (ip >= p->acc_lo && ip < p->acc_hi) return 1;
    if (!(err & 0x10)) return 0;                /* X86_PF_INSTR */
    for (int i = 0; i < p->ncode; i++)
        if (ip >= p->code[i][0] && ip < p->code[i][1]) return 0;
    return 1;
}

static void ring_copy(const char *data, unsigned long off, void *dst, size_t len)
{
    unsigned long size = RING_PAGES * PAGE, at = off % size, first = size - at < len ? size - at : len;
    memcpy(dst, data + at, first);
    memcpy((char *)dst + first, data, len - first);
}

/* Moves the process's fault records from its ring into `faults`. */
static void faults_drain(struct proc *p, int pid)
{
    if (!p->ring) return;
    struct perf_event_mmap_page *meta = (struct perf_event_mmap_page *)p->ring;
    const char *data = p->ring + PAGE;
    uint64_t head = __atomic_load_n(&meta->data_head, __ATOMIC_ACQUIRE), tail = meta->data_tail;
    while (tail < head) {
        struct perf_event_header h;
        unsigned char rec[256];
        ring_copy(data, tail, &h, sizeof h);
        if (h.size < sizeof h) break;
        size_t n = h.size < sizeof rec ? h.size : sizeof rec;
        ring_copy(data, tail, rec, n);
        if (h.type == PERF_RECORD_SAMPLE && n >= sizeof h + 4 + 32) {
            uint64_t addr, ip, err;
            memcpy(&addr, rec + sizeof h + 4 + 8, 8);   /* after the u32 size and the common fields */
            memcpy(&ip, rec + sizeof h + 4 + 16, 8);
            memcpy(&err, rec + sizeof h + 4 + 24, 8);
            if (scenario_fault(p, ip, err)) {
                if (nfaults == faults_cap) {
                    size_t cap = faults_cap ? faults_cap * 2 : 4096;
                    struct fault *f = realloc(faults, cap * sizeof *f);
                    if (!f) { faults_fail("out of memory for the faults"); break; }
                    faults = f;
                    faults_cap = cap;
                }
                faults[nfaults++] = (struct fault){ pid, addr, err, ip };
            }
        } else if (h.type == PERF_RECORD_LOST || h.type == PERF_RECORD_THROTTLE) {
            faults_fail("perf lost fault records (ring buffer overflow or throttling)");
        }
        tail += h.size;
    }
    __atomic_store_n(&meta->data_tail, tail, __ATOMIC_RELEASE);
}

static void faults_close(struct proc *p, int pid)
{
    faults_drain(p, pid);
    if (p->ring) munmap(p->ring, (RING_PAGES + 1) * PAGE);
    if (p->perf_fd >= 0) close(p->perf_fd);
    p->ring = NULL;
    p->perf_fd = -1;
}

/* The start answer `ok ACC_LO ACC_HI [CODE_LO CODE_HI]...` of a worker (hello_ranges). */
static void parse_ranges(struct proc *p, const char *reply)
{
    char *end;
    const char *s = reply + 2;
    p->acc_lo = strtoul(s, &end, 0); s = end;
    p->acc_hi = strtoul(s, &end, 0); s = end;
    p->ncode = 0;
    while (p->ncode < MAX_CODE) {
        unsigned long lo = strtoul(s, &end, 0);
        if (end == s) break;
        s = end;
        unsigned long hi = strtoul(s, &end, 0);
        if (end == s) break;
        s = end;
        p->code[p->ncode][0] = lo;
        p->code[p->ncode][1] = hi;
        p->ncode++;
    }
    if (p->acc_lo == 0 || p->acc_hi <= p->acc_lo) faults_fail("the worker did not report its access routine");
}

static void print_faults(void)
{
    for (int i = 1; i <= nprocs; i++) faults_drain(&procs[i], i);
    if (faults_why[0]) { printf("fail faults not captured: %s\n", faults_why); return; }
    printf("list %zu\n", nfaults);
    for (size_t i = 0; i < nfaults; i++)
        printf("%d 0x%lx 0x%lx 0x%lx\n", faults[i].pid, faults[i].addr, faults[i].err, faults[i].ip);
}

/* Reads one answer (up to its NUL) into reply_buf before the deadline; returns its length, -1 on EOF (reply_buf
 * then holds what came before it), -2 on timeout. Keeps a descriptor that came with it in *passed_fd. */
static long recv_reply(int fd, long deadline, int *passed_fd)
{
    size_t len = 0;
    for (;;) {
        if (reply_cap - len < 65536) {
            reply_cap = reply_cap ? reply_cap * 2 : 1 << 20;
            reply_buf = realloc(reply_buf, reply_cap);
            if (!reply_buf) { fprintf(stderr, "mmwb-hostd: out of memory\n"); exit(1); }
        }
        reply_buf[len] = 0;
        long left = deadline - now_ms();
        if (left <= 0) return -2;
        struct pollfd pfd[2] = { { fd, POLLIN, 0 }, { draining ? draining->perf_fd : -1, POLLIN, 0 } };
        int r = poll(pfd, draining && draining->perf_fd >= 0 ? 2 : 1, (int)left);
        if (r < 0) { if (errno == EINTR) continue; return -1; }
        if (r == 0) return -2;
        if (draining && draining->perf_fd >= 0 && pfd[1].revents) {
            faults_drain(draining, (int)(draining - procs));
            if (pfd[1].revents & (POLLHUP | POLLERR)) draining = NULL;    /* the task is gone: no more */
            if (!(pfd[0].revents)) continue;
        }
        char cbuf[CMSG_SPACE(sizeof(int))];
        struct iovec iov = { reply_buf + len, reply_cap - len - 1 };
        struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = cbuf, .msg_controllen = sizeof cbuf };
        ssize_t n = recvmsg(fd, &msg, MSG_CMSG_CLOEXEC);
        if (n < 0) { if (errno == EINTR) continue; return -1; }
        if (n == 0) return -1;
        for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c))
            if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
                int got;
                memcpy(&got, CMSG_DATA(c), sizeof got);
                if (passed_fd && *passed_fd < 0) *passed_fd = got; else close(got);
            }
        char *nul = memchr(reply_buf + len, 0, (size_t)n);
        len += (size_t)n;
        reply_buf[len] = 0;
        if (nul) return (long)(nul - reply_buf);
    }
}

static void reap_group(void)
{
    long deadline = now_ms() + 2000;
    while (waitpid(-group, NULL, 0) > 0) { }     /* our children in the group, as they die */
    while (kill(-group, 0) == 0 && now_ms() < deadline) {
        while (waitpid(-group, NULL, WNOHANG) > 0) { }
        struct timespec ts = { 0, 200000 };
        nanosleep(&ts, NULL);
    }
    while (waitpid(-1, NULL, WNOHANG) > 0) { }   /* orphans handed to us as subreaper */
}

/* ------------------------------------------------- sysctls of a scenario */

#define MAP_COUNT_FLOOR 4096                    /* the lowest vm.max_map_count the helper sets */
#define COMMIT_MARGIN_KB (2UL << 20)            /* head room above Committed_AS that overcommit_memory 2 keeps */

static const char *const sysctl_names[] = { "max_map_count", "overcommit_memory", "overcommit_ratio",
                                            "mmap_min_addr" };
#define NSYSCTL (sizeof sysctl_names / sizeof sysctl_names[0])
static char sysctl_saved[NSYSCTL][64];         /* the value before the scenario changed it, "" when unchanged */

static int read_sysctl(const char *name, char *buf, size_t len)
{
    char path[128];
    snprintf(path, sizeof path, "/proc/sys/vm/%s", name);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    ssize_t n = read(fd, buf, len - 1);
    close(fd);
    if (n <= 0) return -1;
    buf[n] = 0;
    buf[strcspn(buf, "\n")] = 0;
    return 0;
}

static int write_sysctl(const char *name, const char *value)
{
    char path[128];
    snprintf(path, sizeof path, "/proc/sys/vm/%s", name);
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    ssize_t n = write(fd, value, strlen(value));
    int e = errno;
    close(fd);
    errno = e;
    return n < 0 ? -1 : 0;
}

static void restore_sysctls(void)
{
    for (unsigned i = 0; i < NSYSCTL; i++)
        if (sysctl_saved[i][0]) { write_sysctl(sysctl_names[i], sysctl_saved[i]); sysctl_saved[i][0] = 0; }
}

static unsigned long meminfo_kb(const char *key)
{
    FILE *f = fopen("/proc/meminfo", "re");
    char line[256];
    unsigned long v = 0;
    size_t k = strlen(key);
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, key, k) && line[k] == ':') { v = strtoul(line + k + 1, NULL, 10); break; }
    if (f) fclose(f);
    return v;
}

/* Would overcommit_memory=mode with this ratio leave the machine's committed memory room to grow? */
static int commit_is_safe(unsigned long mode, unsigned long ratio)
{
    if (mode != 2) return 1;
    unsigned long limit = meminfo_kb("MemTotal") / 100 * ratio + meminfo_kb("SwapTotal");
    return meminfo_kb("Committed_AS") + COMMIT_MARGIN_KB < limit;
}

static void set_sysctl(int argc, char **argv)
{
    int ok = 1;
    if (argc < 3) { printf("fail sysctl NAME VALUE\n"); return; }
    unsigned long v = parse_num(argv[2], &ok);
    int idx = -1;
    for (unsigned i = 0; i < NSYSCTL; i++) if (!strcmp(argv[1], sysctl_names[i])) idx = (int)i;
    if (idx < 0 || !ok) { printf("fail sysctl: unknown name or bad value\n"); return; }
    if (!group) { printf("fail no active scenario (send begin)\n"); return; }
    char cur[64], mode[64], ratio[64];
    if (read_sysctl(argv[1], cur, sizeof cur) < 0) { printf("err %d %s\n", errno, errno_name(errno)); return; }
    if (idx == 0 && v < MAP_COUNT_FLOOR) {
        printf("fail sysctl: vm.max_map_count %lu is below %d, too low for the other processes of this machine\n",
               v, MAP_COUNT_FLOOR);
        return;
    }
    if (idx == 1 || idx == 2) {
        if (read_sysctl("overcommit_memory", mode, sizeof mode) < 0 || read_sysctl("overcommit_ratio", ratio, sizeof ratio) < 0) {
            printf("fail sysctl: cannot read the overcommit settings\n");
            return;
        }
        unsigned long m = idx == 1 ? v : strtoul(mode, NULL, 10), r = idx == 2 ? v : strtoul(ratio, NULL, 10);
        if (!commit_is_safe(m, r)) {
            printf("fail sysctl: overcommit_memory %lu with ratio %lu would leave this machine's processes no room to commit\n", m, r);
            return;
        }
    }
    char val[64];
    snprintf(val, sizeof val, "%lu", v);
    int had = sysctl_saved[idx][0] != 0;
    if (!had) snprintf(sysctl_saved[idx], sizeof sysctl_saved[idx], "%s", cur);
    if (write_sysctl(argv[1], val) < 0) {
        int e = errno;
        if (!had) sysctl_saved[idx][0] = 0;
        printf("err %d %s\n", e, errno_name(e));
        return;
    }
    printf("ok\n");
}

static void restore_on_signal(int sig)
{
    restore_sysctls();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Kills the active scenario's whole tree and forgets it; returns the number of processes that were live. */
static int end_scenario(void)
{
    int live = 0;
    restore_sysctls();
    for (int i = 1; i <= nprocs; i++) {
        if (procs[i].alive) live++;
        faults_close(&procs[i], i);
        if (procs[i].fd >= 0) close(procs[i].fd);
        procs[i].alive = 0; procs[i].fd = -1;
    }
    if (group > 0) {
        kill(-group, SIGKILL);
        reap_group();
    }
    group = 0;
    nprocs = 0;
    return live;
}

static void mark_dead(int p)
{
    procs[p].alive = 0;
    if (procs[p].fd >= 0) close(procs[p].fd);
    procs[p].fd = -1;
    if (p == 1) waitpid(procs[1].real, NULL, 0);
    faults_close(&procs[p], p);                 /* what it faulted before it died is still in the ring */
}

/* Sends one command to scenario process p and prints the answer (one line, or a list/dump block). */
static void process_command(int p, const char *cmd, const char *op)
{
    if (p < 1 || p > nprocs || !procs[p].alive) { printf("fail no such process %d\n", p); return; }
    int is_fork = !strcmp(op, "fork"), is_exit = !strcmp(op, "exit");
    if (is_fork && nprocs >= MAX_PROCS) { printf("fail too many processes (max %d)\n", MAX_PROCS); return; }
    if (send_command(procs[p].fd, cmd, strlen(cmd)) < 0) {
        mark_dead(p);
        printf("fail process %d is gone\n", p);
        return;
    }
    int passed = -1;
    draining = &procs[p];
    long n = recv_reply(procs[p].fd, now_ms() + op_timeout_ms, &passed);
    draining = NULL;
    faults_drain(&procs[p], p);
    char *crash = !strncmp(reply_buf, "fail crashed", 12) ? reply_buf : strstr(reply_buf, "\nfail crashed");
    if (n == -2) {
        int live = end_scenario();
        printf("fail timeout: %s did not finish within %d ms; killed the scenario (%d processes)\n", op,
               op_timeout_ms, live);
        return;
    }
    if (n == -1 && !crash) {
        if (is_exit) {
            int parent = procs[p].parent;
            mark_dead(p);
            printf("val 0x%x\n", parent > 0 && procs[parent].alive ? parent : 0);
        } else {
            mark_dead(p);
            printf("fail crashed: process %d died during %s\n", p, op);
        }
        return;
    }
    if (crash) {
        /* The worker reported its own death: wait for the EOF so the process is really gone. */
        if (*crash == '\n') crash++;
        crash[strcspn(crash, "\n")] = 0;
        char *msg = strdup(crash);
        if (n >= 0) recv_reply(procs[p].fd, now_ms() + op_timeout_ms, NULL);
        mark_dead(p);
        printf("%s (process %d, during %s)\n", msg ? msg : "fail crashed", p, op);
        free(msg);
        return;
    }
    if (is_fork && passed >= 0 && !strncmp(reply_buf, "val ", 4)) {
        int c = ++nprocs;
        procs[c].alive = 1; procs[c].parent = p; procs[c].fd = passed;
        procs[c].real = (pid_t)strtol(reply_buf + 4, NULL, 0);
        procs[c].acc_lo = procs[p].acc_lo;      /* fork copied the parent's layout */
        procs[c].acc_hi = procs[p].acc_hi;
        procs[c].ncode = procs[p].ncode;
        memcpy(procs[c].code, procs[p].code, sizeof procs[c].code);
        faults_open(&procs[c]);                 /* before the child runs a scenario operation */
        printf("val 0x%x\n", c);
        return;
    }
    if (passed >= 0) close(passed);
    fwrite(reply_buf, 1, (size_t)n, stdout);
    if (n == 0 || reply_buf[n - 1] != '\n') putchar('\n');
}

static void begin_scenario(int argc, char **argv)
{
    if (group) end_scenario();
    nfaults = 0;                                /* `faults` answers for the last scenario until the next begin */
    faults_why[0] = 0;
    int sp[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sp) < 0) { printf("fail socketpair: %s\n", strerror(errno)); return; }
    fflush(stdout);
    pid_t ppid = getpid();
    pid_t pid = fork();
    if (pid < 0) { printf("fail fork: %s\n", strerror(errno)); close(sp[0]); close(sp[1]); return; }
    if (pid == 0) {
        setpgid(0, 0);
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != ppid) _exit(1);
        int null = open("/dev/null", O_RDWR);
        dup2(null, 0); dup2(null, 1); dup2(null, 2);
        if (sp[1] == CHANNEL_FD) fcntl(CHANNEL_FD, F_SETFD, 0);
        else dup2(sp[1], CHANNEL_FD);           /* dup2 clears close-on-exec on the copy */
        for (int fd = CHANNEL_FD + 1; fd < 1024; fd++) close(fd);
        char *args[] = { "mmwb-hostd", "--worker", NULL };
        execv(self_exe, args);
        _exit(127);
    }
    setpgid(pid, pid);                          /* both sides, so kill(-pid) works at once */
    close(sp[1]);
    group = pid;
    nprocs = 1;
    procs[1] = (struct proc){ .alive = 1, .parent = 0, .real = pid, .fd = sp[0], .perf_fd = -1 };
    long n = recv_reply(sp[0], now_ms() + 5000, NULL);
    if (n < 0 || strncmp(reply_buf, "ok", 2)) {
        end_scenario();
        printf("fail the scenario process did not start (%s)\n", n == -2 ? "timeout" : "exec failed");
        return;
    }
    parse_ranges(&procs[1], reply_buf);
    faults_open(&procs[1]);                     /* after the worker's start, before the scenario's first access */
    if (argc >= 3) {
        char cmd[128];
        snprintf(cmd, sizeof cmd, "window %s %s", argv[1], argv[2]);
        send_command(sp[0], cmd, strlen(cmd));
        n = recv_reply(sp[0], now_ms() + op_timeout_ms, NULL);
        if (n < 0 || strncmp(reply_buf, "ok", 2)) {
            end_scenario();
            printf("fail window %s+%s is not free in a fresh process (%s)\n", argv[1], argv[2],
                   n < 0 ? "no answer" : strtok(reply_buf, "\n"));
            return;
        }
    }
    printf("val 0x1\n");
}

static void bench(int argc, char **argv)
{
    int ok = 1;
    if (argc < 4) { printf("fail bench anon PAGES RUNS | bench mmap ITERATIONS RUNS\n"); return; }
    unsigned long n = parse_num(argv[2], &ok), runs = parse_num(argv[3], &ok);
    if (!ok || n == 0 || runs == 0 || runs > 100) { printf("fail bench: bad numbers\n"); return; }
    double rates[100];
    for (unsigned long r = 0; r < runs; r++) {
        double t0, t1;
        if (!strcmp(argv[1], "anon")) {
            size_t len = n * PAGE;
            char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (p == MAP_FAILED) { printf("fail bench mmap: %s\n", strerror(errno)); return; }
            madvise(p, len, MADV_NOHUGEPAGE);   /* count 4 KiB faults, not THP */
            t0 = now_s();
            for (unsigned long i = 0; i < n; i++) p[i * PAGE] = 0x5a;
            t1 = now_s();
            munmap(p, len);
        } else if (!strcmp(argv[1], "mmap")) {
            t0 = now_s();
            for (unsigned long i = 0; i < n; i++) {
                void *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
                if (p == MAP_FAILED) { printf("fail bench mmap: %s\n", strerror(errno)); return; }
                mprotect(p, PAGE, PROT_READ);
                munmap(p, PAGE);
            }
            t1 = now_s();
        } else { printf("fail bench: unknown benchmark %s\n", argv[1]); return; }
        rates[r] = (double)n / (t1 - t0);
    }
    printf("rates");
    for (unsigned long r = 0; r < runs; r++) printf(" %.1f", rates[r]);
    putchar('\n');
}

static int controller_main(void)
{
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    signal(SIGPIPE, SIG_IGN);
    atexit(restore_sysctls);                    /* a scenario's sysctls never outlive the helper */
    int fatal[] = { SIGTERM, SIGINT, SIGHUP, SIGQUIT };
    for (unsigned i = 0; i < sizeof fatal / sizeof fatal[0]; i++) signal(fatal[i], restore_on_signal);
    struct rlimit nocore = { 0, 0 };
    setrlimit(RLIMIT_CORE, &nocore);
    ssize_t n = readlink("/proc/self/exe", self_exe, sizeof self_exe - 1);
    if (n <= 0) { printf("fail cannot read /proc/self/exe\n"); return 1; }
    self_exe[n] = 0;
    char line[8192];
    while (fgets(line, sizeof line, stdin)) {
        char copy[8192];
        snprintf(copy, sizeof copy, "%s", line);
        copy[strcspn(copy, "\r\n")] = 0;
        char *argv[16];
        int argc = split(line, argv, 16);
        if (argc == 0) { printf("fail empty command\n"); fflush(stdout); continue; }
        if (argv[0][0] >= '0' && argv[0][0] <= '9') {
            int ok = 1;
            int p = (int)parse_num(argv[0], &ok);
            if (!ok || argc < 2) printf("fail expected PID OP ARGS\n");
            else if (!group) printf("fail no active scenario (send begin)\n");
            else {
                const char *rest = copy + strspn(copy, " \t");
                rest += strcspn(rest, " \t");
                rest += strspn(rest, " \t");
                process_command(p, rest, argv[1]);
            }
        } else if (!strcmp(argv[0], "hello")) {
            struct utsname u;
            uname(&u);
            printf("hello %d %s\n", PROTOCOL_VERSION, u.release);
        } else if (!strcmp(argv[0], "facts")) {
            printf("facts zero_page=%d\n", host_zero_page());
        } else if (!strcmp(argv[0], "timeout")) {
            int ok = 1;
            long ms = argc > 1 ? (long)parse_num(argv[1], &ok) : -1;
            if (!ok || ms < 1 || ms > 3600000) printf("fail timeout MS (1..3600000)\n");
            else { op_timeout_ms = (int)ms; printf("ok\n"); }
        } else if (!strcmp(argv[0], "begin")) {
            begin_scenario(argc, argv);
        } else if (!strcmp(argv[0], "end")) {
            printf("val 0x%x\n", end_scenario());
        } else if (!strcmp(argv[0], "pids")) {
            int any = 0;
            for (int i = 1; i <= nprocs; i++)
                if (procs[i].alive) { printf(any ? " 0x%x" : "val 0x%x", i); any = 1; }
            printf(any ? "\n" : "ok\n");
        } else if (!strcmp(argv[0], "bench")) {
            bench(argc, argv);
        } else if (!strcmp(argv[0], "sysctl")) {
            set_sysctl(argc, argv);
        } else if (!strcmp(argv[0], "faults")) {
            print_faults();
        } else if (!strcmp(argv[0], "quit")) {
            end_scenario();
            printf("ok\n");
            fflush(stdout);
            return 0;
        } else {
            printf("fail unknown command %s\n", argv[0]);
        }
        fflush(stdout);
    }
    end_scenario();                             /* stdin closed: Java is gone */
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "--worker")) return worker_main();
    return controller_main();
}
