/*
 * mmwb-record: records the memory life of a command on the live kernel, as a JSON-lines recording
 * (docs/recording.md, format version 1). Built from source by org.mmwb.host (RecorderBuild) and driven by
 * ./mmwb record; its output is the recording itself, never text meant for people (messages go to stderr).
 *
 *   mmwb-record -o FILE [-b PAGES] -- CMD [ARGS...]
 *
 * Mechanism (root on Linux x86-64):
 *  - ptrace follows the life cycle: the command stops right after its execve (PTRACE_EVENT_EXEC), where the
 *    address space is read (/proc/PID/smaps for VMAs and VmFlags, /proc/PID/pagemap for the pages present,
 *    mincore() on each mapped file for its page-cache residency, /proc/PID/stat for start_brk and the stack);
 *    forks, vforks and clones (PTRACE_EVENT_FORK/VFORK/CLONE: the clone flags are read from the tracee's
 *    registers) and exits (PTRACE_EVENT_EXIT of a thread-group leader: its final maps) are recorded the same way.
 *  - perf_event_open tracepoints, one set per CPU, inherited by every thread and child: raw_syscalls:sys_enter
 *    and sys_exit (filtered to the mm system calls), exceptions:page_fault_user and page_fault_kernel (the
 *    latter for user addresses: the kernel touching user memory, e.g. read() into a fresh buffer), plus the
 *    side-band MMAP2 records (which file a mmap mapped) and FORK/EXIT records.
 *  - Events carry CLOCK_MONOTONIC time stamps; the per-CPU streams and the ptrace-side snapshots are merged by
 *    time at the end. Lost or throttled perf records make the recording incomplete: it says so in its last
 *    line and the exit code is 3.
 *
 * Exit codes: 0 complete recording, 1 error, 2 usage, 3 incomplete recording (lost events), 4 the kernel
 * facilities are not available (privileges, tracefs, perf).
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/perf_event.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define FORMAT_VERSION 1

typedef uint64_t u64;
typedef uint32_t u32;

/* ------------------------------------------------------------------------------------------------ events */

enum { EV_ENTER, EV_EXIT, EV_FAULT, EV_KFAULT, EV_FORK, EV_PEXIT, EV_MMAP, EV_SNAP };

struct ev {
    u64 t;
    u64 seq;      /* arrival order inside its stream: ties keep it */
    int type;
    u32 pid, tid;
    u64 a[7];
    char *str;    /* EV_MMAP: file name; EV_SNAP: a complete JSON line */
};

struct evbuf {
    struct ev *v;
    size_t n, cap;
};

static void push(struct evbuf *b, const struct ev *e)
{
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 4096;
        b->v = realloc(b->v, b->cap * sizeof *b->v);
        if (!b->v) {
            fprintf(stderr, "mmwb-record: out of memory\n");
            exit(1);
        }
    }
    b->v[b->n] = *e;
    b->v[b->n].seq = b->n;
    b->n++;
}

/* the output file, removed when the recorder gives up: no empty or partial file is left behind */
static const char *remove_on_error;

static void die(int code, const char *fmt, ...)
{
    va_list ap;
    if (remove_on_error) {
        unlink(remove_on_error);
    }
    va_start(ap, fmt);
    fprintf(stderr, "mmwb-record: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    exit(code);
}

static u64 now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (u64) ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

/* ------------------------------------------------------------------------------------------------ json text */

struct sb {
    char *s;
    size_t n, cap;
};

static void sb_add(struct sb *b, const char *fmt, ...)
{
    va_list ap;
    for (;;) {
        size_t room = b->cap - b->n;
        va_start(ap, fmt);
        int k = vsnprintf(b->s ? b->s + b->n : NULL, room, fmt, ap);
        va_end(ap);
        if (k >= 0 && (size_t) k < room) {
            b->n += k;
            return;
        }
        b->cap = (b->cap + k + 1) * 2;
        b->s = realloc(b->s, b->cap);
    }
}

static void sb_str(struct sb *b, const char *s)
{
    sb_add(b, "\"");
    for (; *s; s++) {
        unsigned char c = *s;
        if (c == '"' || c == '\\') {
            sb_add(b, "\\%c", c);
        } else if (c < 0x20 || c >= 0x7f) {
            sb_add(b, "\\u%04x", c);
        } else {
            sb_add(b, "%c", c);
        }
    }
    sb_add(b, "\"");
}

/* ------------------------------------------------------------------------------------------------ tracefs */

static const char *tracefs_events(void)
{
    static const char *dirs[] = { "/sys/kernel/tracing/events", "/sys/kernel/debug/tracing/events" };
    struct stat st;
    for (int i = 0; i < 2; i++) {
        if (stat(dirs[i], &st) == 0) {
            return dirs[i];
        }
    }
    /* tracefs exists but is not mounted (common in containers and minimal systems): root may mount it */
    if (mount("nodev", "/sys/kernel/tracing", "tracefs", 0, NULL) == 0 && stat(dirs[0], &st) == 0) {
        return dirs[0];
    }
    return NULL;
}

static long tracepoint_id(const char *events, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s/id", events, name);
    FILE *f = fopen(path, "r");
    if (!f) {
        die(4, "cannot read the id of tracepoint %s (%s: %s); recording needs root and tracefs", name, path,
            strerror(errno));
    }
    long id = -1;
    if (fscanf(f, "%ld", &id) != 1) {
        id = -1;
    }
    fclose(f);
    if (id < 0) {
        die(4, "tracepoint %s has no id in %s", name, path);
    }
    return id;
}

/* ------------------------------------------------------------------------------------------------ perf */

/* x86-64 numbers of the system calls recorded: the mm ones and the process life cycle */
static const int MM_SYSCALLS[] = { 9 /* mmap */, 10 /* mprotect */, 11 /* munmap */, 12 /* brk */,
    25 /* mremap */, 28 /* madvise */, 30 /* shmat */, 67 /* shmdt */, 56 /* clone */, 57 /* fork */,
    58 /* vfork */, 59 /* execve */, 60 /* exit */, 149 /* mlock */, 150 /* munlock */, 151 /* mlockall */,
    152 /* munlockall */, 216 /* remap_file_pages */, 231 /* exit_group */, 322 /* execveat */,
    325 /* mlock2 */, 329 /* pkey_mprotect */, 435 /* clone3 */, 440 /* process_madvise */, 462 /* mseal */ };

static long id_enter, id_exit, id_fault, id_kfault;

struct ring {
    int fd;
    struct perf_event_mmap_page *meta;
    char *data;
    u64 size;
    struct evbuf evs;
    u64 lost, throttled;
    char *tmp;
};

static int ncpu;
static struct ring *rings;
static int *all_fds;
static int n_fds;
static size_t ring_pages = 2048; /* 8 MiB per CPU */

static int perf_open(struct perf_event_attr *a, pid_t pid, int cpu, int group)
{
    return (int) syscall(SYS_perf_event_open, a, pid, cpu, group, PERF_FLAG_FD_CLOEXEC);
}

static void open_events(pid_t pid)
{
    char filter[1024];
    int n = 0;
    n += snprintf(filter + n, sizeof filter - n, "id == %d", MM_SYSCALLS[0]);
    for (size_t i = 1; i < sizeof MM_SYSCALLS / sizeof MM_SYSCALLS[0]; i++) {
        n += snprintf(filter + n, sizeof filter - n, " || id == %d", MM_SYSCALLS[i]);
    }
    long ids[4] = { id_enter, id_exit, id_fault, id_kfault };
    rings = calloc(ncpu, sizeof *rings);
    all_fds = calloc(ncpu * 4, sizeof *all_fds);
    long pg = sysconf(_SC_PAGESIZE);
    for (int c = 0; c < ncpu; c++) {
        int leader = -1;
        for (int k = 0; k < 4; k++) {
            struct perf_event_attr a;
            memset(&a, 0, sizeof a);
            a.size = sizeof a;
            a.type = PERF_TYPE_TRACEPOINT;
            a.config = ids[k];
            a.sample_period = 1;
            a.sample_type = PERF_SAMPLE_TID | PERF_SAMPLE_TIME | PERF_SAMPLE_RAW;
            a.inherit = 1;
            a.sample_id_all = 1;
            a.use_clockid = 1;
            a.clockid = CLOCK_MONOTONIC;
            a.watermark = 1;
            a.wakeup_watermark = (u32) (ring_pages * pg / 4);
            if (k == 0) {
                a.mmap = 1;
                a.mmap2 = 1;
                a.mmap_data = 1;
                a.task = 1;
            }
            int fd = perf_open(&a, pid, c, -1);
            if (fd < 0) {
                int e = errno;
                if (e == EACCES || e == EPERM) {
                    FILE *f = fopen("/proc/sys/kernel/perf_event_paranoid", "r");
                    int par = 99;
                    if (f) {
                        if (fscanf(f, "%d", &par) != 1) {
                            par = 99;
                        }
                        fclose(f);
                    }
                    die(4, "perf_event_open refused the tracepoints (%s): recording needs root, or CAP_PERFMON "
                        "and CAP_SYS_PTRACE with read access to tracefs (kernel.perf_event_paranoid is %d)",
                        strerror(e), par);
                }
                die(4, "perf_event_open of a tracepoint on CPU %d failed: %s", c, strerror(e));
            }
            if (k < 2 && ioctl(fd, PERF_EVENT_IOC_SET_FILTER, filter) != 0) {
                die(4, "the kernel refused the system-call filter: %s", strerror(errno));
            }
            /* the kernel's own accesses to user memory; kernel addresses are not the program's */
            if (k == 3 && ioctl(fd, PERF_EVENT_IOC_SET_FILTER, "address < 0x800000000000") != 0) {
                die(4, "the kernel refused the fault filter: %s", strerror(errno));
            }
            if (k == 0) {
                leader = fd;
                struct ring *r = &rings[c];
                r->fd = fd;
                r->size = ring_pages * pg;
                void *m = mmap(NULL, (ring_pages + 1) * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
                if (m == MAP_FAILED) {
                    die(4, "cannot map the perf ring buffer (%zu pages): %s", ring_pages, strerror(errno));
                }
                r->meta = m;
                r->data = (char *) m + pg;
                r->tmp = malloc(65536);
            } else if (ioctl(fd, PERF_EVENT_IOC_SET_OUTPUT, leader) != 0) {
                die(4, "PERF_EVENT_IOC_SET_OUTPUT failed: %s", strerror(errno));
            }
            all_fds[n_fds++] = fd;
        }
    }
}

static void file_line(struct sb *b, int fd, const char *path, u64 t);
static void push_snap_to(struct evbuf *to, u64 t, u32 pid, u32 tid, struct sb *b);

/*
 * A file mapped after exec: its residency is read as soon as the MMAP2 record arrives (a few ms after the
 * mmap; pages the program read in meanwhile count as cached: see docs/recording.md).
 */
static void mapped_file(struct ring *r, const struct ev *e)
{
    if (e->a[5] == 0 || e->str[0] != '/') {
        return;
    }
    char mf[128];
    snprintf(mf, sizeof mf, "/proc/%u/map_files/%llx-%llx", e->pid, (unsigned long long) e->a[0],
        (unsigned long long) (e->a[0] + e->a[1]));
    int fd = open(mf, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        fd = open(e->str, O_RDONLY | O_CLOEXEC);
    }
    if (fd < 0) {
        return;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && st.st_ino == e->a[5]) {
        struct sb b = { 0 };
        file_line(&b, fd, e->str, e->t);
        push_snap_to(&r->evs, e->t, e->pid, e->tid, &b);
    }
    close(fd);
}

static void parse_record(struct ring *r, struct perf_event_header *h)
{
    char *p = (char *) (h + 1);
    struct ev e;
    memset(&e, 0, sizeof e);
    switch (h->type) {
    case PERF_RECORD_SAMPLE: {
        u32 *ids = (u32 *) p;
        e.pid = ids[0];
        e.tid = ids[1];
        e.t = *(u64 *) (p + 8);
        u32 size = *(u32 *) (p + 16);
        char *raw = p + 20;
        if (size < 8) {
            return;
        }
        unsigned short type = *(unsigned short *) raw;
        if (type == id_enter) {
            e.type = EV_ENTER;
            e.a[0] = *(u64 *) (raw + 8);
            memcpy(&e.a[1], raw + 16, 48);
        } else if (type == id_exit) {
            e.type = EV_EXIT;
            e.a[0] = *(u64 *) (raw + 8);
            e.a[1] = *(u64 *) (raw + 16);
        } else if (type == id_fault || type == id_kfault) {
            e.type = type == id_fault ? EV_FAULT : EV_KFAULT;
            memcpy(&e.a[0], raw + 8, 24);
        } else {
            return;
        }
        push(&r->evs, &e);
        return;
    }
    case PERF_RECORD_MMAP2: {
        e.type = EV_MMAP;
        e.pid = *(u32 *) p;
        e.tid = *(u32 *) (p + 4);
        e.a[0] = *(u64 *) (p + 8);  /* addr */
        e.a[1] = *(u64 *) (p + 16); /* len */
        e.a[2] = *(u64 *) (p + 24); /* pgoff */
        e.a[3] = *(u32 *) (p + 32); /* maj */
        e.a[4] = *(u32 *) (p + 36); /* min */
        e.a[5] = *(u64 *) (p + 40); /* ino */
        e.a[6] = ((u64) * (u32 *) (p + 56) << 32) | *(u32 *) (p + 60); /* prot, flags */
        char *name = p + 64;
        e.str = strdup(name);
        /* sample_id_all: pid, tid, time at the end of the record */
        e.t = *(u64 *) ((char *) h + h->size - 8);
        mapped_file(r, &e);
        push(&r->evs, &e);
        return;
    }
    case PERF_RECORD_FORK:
    case PERF_RECORD_EXIT: {
        e.type = h->type == PERF_RECORD_FORK ? EV_FORK : EV_PEXIT;
        u32 *q = (u32 *) p;
        e.pid = q[0];
        e.a[0] = q[1]; /* ppid */
        e.tid = q[2];
        e.a[1] = q[3]; /* ptid */
        e.t = *(u64 *) (p + 16);
        push(&r->evs, &e);
        return;
    }
    case PERF_RECORD_LOST:
        r->lost += *(u64 *) (p + 8);
        return;
    case PERF_RECORD_LOST_SAMPLES:
        r->lost += *(u64 *) p;
        return;
    case PERF_RECORD_THROTTLE:
        r->throttled++;
        return;
    default:
        return;
    }
}

static void drain(struct ring *r)
{
    u64 head = __atomic_load_n(&r->meta->data_head, __ATOMIC_ACQUIRE);
    u64 tail = r->meta->data_tail;
    while (tail < head) {
        u64 off = tail % r->size;
        struct perf_event_header *h = (struct perf_event_header *) (r->data + off);
        struct perf_event_header hcopy;
        if (off + sizeof hcopy > r->size) {
            size_t first = r->size - off;
            memcpy(&hcopy, r->data + off, first);
            memcpy((char *) &hcopy + first, r->data, sizeof hcopy - first);
            h = &hcopy;
        }
        u32 size = h->size;
        if (size == 0) {
            break;
        }
        if (off + size > r->size) {
            size_t first = r->size - off;
            memcpy(r->tmp, r->data + off, first);
            memcpy(r->tmp + first, r->data, size - first);
            h = (struct perf_event_header *) r->tmp;
        } else {
            h = (struct perf_event_header *) (r->data + off);
        }
        parse_record(r, h);
        tail += size;
    }
    __atomic_store_n(&r->meta->data_tail, tail, __ATOMIC_RELEASE);
}

static volatile int stop_drain;

static void *drain_thread(void *arg)
{
    (void) arg;
    struct pollfd *p = calloc(ncpu, sizeof *p);
    for (int c = 0; c < ncpu; c++) {
        p[c].fd = rings[c].fd;
        p[c].events = POLLIN;
    }
    while (!stop_drain) {
        poll(p, ncpu, 5); /* soon after a mmap: the residency of its file is read then */
        for (int c = 0; c < ncpu; c++) {
            drain(&rings[c]);
        }
    }
    for (int c = 0; c < ncpu; c++) {
        drain(&rings[c]);
    }
    return NULL;
}

/* ------------------------------------------------------------------------------------------------ snapshots */

static struct evbuf snaps; /* main thread only */

/* files whose residency was recorded, by (dev, ino) */
struct fkey {
    u64 dev, ino;
};
static struct fkey *files_seen;
static int file_seen_locked(u64 dev, u64 ino);
static size_t n_files;
static pthread_mutex_t files_lock = PTHREAD_MUTEX_INITIALIZER;

static int file_seen(u64 dev, u64 ino)
{
    pthread_mutex_lock(&files_lock);
    int r = file_seen_locked(dev, ino);
    pthread_mutex_unlock(&files_lock);
    return r;
}

static int file_seen_locked(u64 dev, u64 ino)
{
    for (size_t i = 0; i < n_files; i++) {
        if (files_seen[i].dev == dev && files_seen[i].ino == ino) {
            return 1;
        }
    }
    files_seen = realloc(files_seen, (n_files + 1) * sizeof *files_seen);
    files_seen[n_files].dev = dev;
    files_seen[n_files].ino = ino;
    n_files++;
    return 0;
}

/* run-length list of set bits: [[first,count],...] */
static void add_runs(struct sb *b, const unsigned char *bits, size_t n, int mask)
{
    sb_add(b, "[");
    int firstrun = 1;
    for (size_t i = 0; i < n;) {
        if (!(bits[i] & mask)) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && (bits[j] & mask)) {
            j++;
        }
        sb_add(b, "%s[%zu,%zu]", firstrun ? "" : ",", i, j - i);
        firstrun = 0;
        i = j;
    }
    sb_add(b, "]");
}

/*
 * A "file" line: the size of the file and which of its pages are in the page cache now (mincore of a shared
 * mapping of it sees the page cache; root passes can_do_mincore). fd is an open descriptor of the file.
 */
static void file_line(struct sb *b, int fd, const char *path, u64 t)
{
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        return;
    }
    u64 dev = st.st_dev, ino = st.st_ino;
    if (file_seen(dev, ino)) {
        return;
    }
    size_t pages = (st.st_size + 4095) / 4096;
    unsigned char *vec = calloc(pages + 1, 1);
    int ok = 0;
    if (pages > 0) {
        void *m = mmap(NULL, st.st_size, PROT_READ, MAP_SHARED, fd, 0);
        if (m != MAP_FAILED) {
            ok = mincore(m, st.st_size, vec) == 0;
            munmap(m, st.st_size);
        }
    } else {
        ok = 1;
    }
    sb_add(b, "{\"t\":%llu,\"type\":\"file\",\"dev\":\"%02x:%02x\",\"ino\":%llu,\"path\":", (unsigned long long) t,
        major(dev), minor(dev), (unsigned long long) ino);
    sb_str(b, path);
    struct statfs fs;
    sb_add(b, ",\"size\":%lld,\"fs\":\"%lx\",\"cached\":", (long long) st.st_size,
        fstatfs(fd, &fs) == 0 ? (unsigned long) fs.f_type : 0UL);
    if (ok) {
        add_runs(b, vec, pages, 1);
    } else {
        sb_add(b, "null");
    }
    sb_add(b, "}\n");
    free(vec);
}

static void push_snap(u64 t, u32 pid, u32 tid, struct sb *b)
{
    push_snap_to(&snaps, t, pid, tid, b);
}

static void push_snap_to(struct evbuf *to, u64 t, u32 pid, u32 tid, struct sb *b)
{
    if (!b->n) {
        return;
    }
    struct ev e;
    memset(&e, 0, sizeof e);
    e.type = EV_SNAP;
    e.t = t;
    e.pid = pid;
    e.tid = tid;
    e.str = b->s;
    push(to, &e);
    b->s = NULL;
    b->n = b->cap = 0;
}

static int tgid_of(pid_t tid)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", tid);
    FILE *f = fopen(path, "r");
    int tgid = tid;
    if (!f) {
        return tid;
    }
    while (fgets(line, sizeof line, f)) {
        if (sscanf(line, "Tgid: %d", &tgid) == 1) {
            break;
        }
    }
    fclose(f);
    return tgid;
}

/*
 * The VMAs of pid as smaps shows them, with VmFlags, and (when pages) the pages present from pagemap:
 * "present" anonymous/exclusive pages (bit 61 clear) and "file" pages (bit 61: page cache or shared anon).
 * Each mapped file's residency goes to files first.
 */
static void maps_json(struct sb *b, struct sb *files, pid_t pid, int pages, u64 t)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/smaps", pid);
    FILE *f = fopen(path, "r");
    if (!f) {
        sb_add(b, "[]");
        return;
    }
    snprintf(path, sizeof path, "/proc/%d/pagemap", pid);
    int pm = pages ? open(path, O_RDONLY) : -1;
    char *line = NULL;
    size_t cap = 0;
    int first = 1;
    int open_vma = 0;
    sb_add(b, "[");
    while (getline(&line, &cap, f) > 0) {
        unsigned long long s, e, off, ino;
        char perms[8], dev[16];
        int consumed = 0;
        if (sscanf(line, "%llx-%llx %7s %llx %15s %llu %n", &s, &e, perms, &off, dev, &ino, &consumed) >= 6
            && strchr(line, '-') && strlen(perms) == 4 && !isupper((unsigned char) line[0])) {
            if (open_vma) {
                sb_add(b, "}");
            }
            char *name = line + consumed;
            name[strcspn(name, "\n")] = 0;
            sb_add(b, "%s{\"start\":\"%llx\",\"end\":\"%llx\",\"perms\":\"%s\",\"pgoff\":\"%llx\",\"dev\":\"%s\","
                "\"ino\":%llu,\"name\":", first ? "" : ",", s, e, perms, off, dev, ino);
            sb_str(b, name);
            first = 0;
            open_vma = 1;
            if (files && ino != 0 && name[0] == '/') {
                char mf[128];
                snprintf(mf, sizeof mf, "/proc/%d/map_files/%llx-%llx", pid, s, e);
                int fd = open(mf, O_RDONLY | O_CLOEXEC);
                if (fd >= 0) {
                    file_line(files, fd, name, t);
                    close(fd);
                }
            }
            if (pm >= 0 && s < 0x800000000000ull) {
                size_t n = (e - s) / 4096;
                u64 *ent = malloc(n * 8);
                unsigned char *bits = calloc(n, 1);
                if (pread(pm, ent, n * 8, (s / 4096) * 8) == (ssize_t) (n * 8)) {
                    for (size_t i = 0; i < n; i++) {
                        if (ent[i] >> 63 & 1) {
                            bits[i] = (ent[i] >> 61 & 1) ? 2 : 1;
                        }
                    }
                }
                sb_add(b, ",\"anon_present\":");
                add_runs(b, bits, n, 1);
                sb_add(b, ",\"file_present\":");
                add_runs(b, bits, n, 2);
                free(ent);
                free(bits);
            }
        } else if (open_vma && strncmp(line, "VmFlags:", 8) == 0) {
            char *v = line + 8;
            while (*v == ' ') {
                v++;
            }
            v[strcspn(v, "\n")] = 0;
            size_t l = strlen(v);
            while (l && v[l - 1] == ' ') {
                v[--l] = 0;
            }
            sb_add(b, ",\"vmflags\":");
            sb_str(b, v);
        }
    }
    if (open_vma) {
        sb_add(b, "}");
    }
    sb_add(b, "]");
    free(line);
    fclose(f);
    if (pm >= 0) {
        close(pm);
    }
}

static void exe_path(pid_t pid, char *out, size_t n)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/exe", pid);
    ssize_t k = readlink(path, out, n - 1);
    out[k > 0 ? k : 0] = 0;
}

/* start_stack (field 28) and start_brk (47) of /proc/PID/stat */
static void stat_fields(pid_t pid, unsigned long long *start_stack, unsigned long long *start_brk)
{
    char path[64], buf[4096];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    *start_stack = *start_brk = 0;
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        return;
    }
    ssize_t k = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (k <= 0) {
        return;
    }
    buf[k] = 0;
    char *p = strrchr(buf, ')');
    if (!p) {
        return;
    }
    p += 2; /* field 3 */
    int field = 3;
    char *save = NULL;
    for (char *tok = strtok_r(p, " ", &save); tok; tok = strtok_r(NULL, " ", &save), field++) {
        if (field == 28) {
            *start_stack = strtoull(tok, NULL, 10);
        } else if (field == 47) {
            *start_brk = strtoull(tok, NULL, 10);
        }
    }
}

static void snapshot_exec(pid_t tid)
{
    u64 t = now_ns();
    int pid = tgid_of(tid);
    struct sb b = { 0 }, files = { 0 };
    char exe[4096];
    exe_path(pid, exe, sizeof exe);
    unsigned long long stack, brk;
    stat_fields(pid, &stack, &brk);
    struct rlimit rl = { 0, 0 };
    prlimit(pid, RLIMIT_STACK, NULL, &rl);
    sb_add(&b, "{\"t\":%llu,\"type\":\"exec\",\"pid\":%d,\"tid\":%d,\"exe\":", (unsigned long long) t, pid, tid);
    sb_str(&b, exe);
    sb_add(&b, ",\"start_brk\":\"%llx\",\"start_stack\":\"%llx\",\"stack_rlimit\":%lld,\"vmas\":", brk, stack,
        rl.rlim_cur == RLIM_INFINITY ? -1LL : (long long) rl.rlim_cur);
    maps_json(&b, &files, pid, 1, t);
    sb_add(&b, "}\n");
    push_snap(t, pid, tid, &files);
    push_snap(t, pid, tid, &b);
}

static void snapshot_exit(pid_t tid, int status)
{
    u64 t = now_ns();
    int pid = tgid_of(tid);
    if (pid != tid) {
        return; /* a thread: the mm lives on */
    }
    struct sb b = { 0 };
    sb_add(&b, "{\"t\":%llu,\"type\":\"exit\",\"pid\":%d,\"tid\":%d,\"status\":%d,\"vmas\":", (unsigned long long) t,
        pid, tid, status);
    maps_json(&b, NULL, pid, 0, t); /* no residency: the files were recorded when mapped */
    sb_add(&b, "}\n");
    push_snap(t, pid, tid, &b);
}

/* clone flags of the fork-like call the tracee is stopped in (its syscall number and argument registers) */
static unsigned long long clone_flags(pid_t tid)
{
    struct user_regs_struct regs;
    if (ptrace(PTRACE_GETREGS, tid, 0, &regs) != 0) {
        return 0;
    }
    switch (regs.orig_rax) {
    case 56:
        return regs.rdi;
    case 58:
        return 0x100 | 0x4000; /* CLONE_VM | CLONE_VFORK */
    case 435: {
        errno = 0;
        long v = ptrace(PTRACE_PEEKDATA, tid, regs.rdi, 0);
        return errno ? 0 : (unsigned long long) v;
    }
    default:
        return 0;
    }
}

/* clone flags by child tid, for the task_new lines (written at the end, from the main thread) */
struct cflags {
    pid_t child;
    unsigned long long flags;
};
static struct cflags *clones;
static size_t n_clones;

static void snapshot_clone(pid_t tid, pid_t child)
{
    clones = realloc(clones, (n_clones + 1) * sizeof *clones);
    clones[n_clones].child = child;
    clones[n_clones].flags = clone_flags(tid);
    n_clones++;
}

static long long clone_flags_of(u32 child)
{
    for (size_t i = n_clones; i-- > 0;) {
        if (clones[i].child == (pid_t) child) {
            return (long long) clones[i].flags;
        }
    }
    return -1;
}

/* ------------------------------------------------------------------------------------------------ ptrace loop */

#define MAX_TASKS 65536
static unsigned char known[MAX_TASKS * 8]; /* tids seen (pid_max is at most 4M; bitmap of 4M bits) */

static int seen(pid_t tid)
{
    if (tid < 0 || tid >= MAX_TASKS * 64) {
        return 1;
    }
    return known[tid / 8] >> (tid % 8) & 1;
}

static void mark(pid_t tid)
{
    if (tid >= 0 && tid < MAX_TASKS * 64) {
        known[tid / 8] |= 1 << (tid % 8);
    }
}

static int command_status = -1;

static void trace_loop(pid_t root)
{
    int live = 1;
    while (live > 0) {
        int st;
        pid_t tid = waitpid(-1, &st, __WALL);
        if (tid < 0) {
            if (errno == EINTR) {
                continue;
            }
            break;
        }
        if (WIFEXITED(st) || WIFSIGNALED(st)) {
            live--;
            if (tid == root) {
                command_status = st;
            }
            continue;
        }
        if (!WIFSTOPPED(st)) {
            continue;
        }
        int sig = WSTOPSIG(st);
        int event = st >> 16;
        int inject = 0;
        if (!seen(tid)) {
            /* a new tracee (auto-attached child or thread) starts with a SIGSTOP: swallow it */
            mark(tid);
            if (tid != root) {
                live++;
            }
            if (sig == SIGSTOP && event == 0) {
                ptrace(PTRACE_CONT, tid, 0, 0);
                continue;
            }
        }
        if (sig == SIGTRAP && event != 0) {
            unsigned long msg = 0;
            switch (event) {
            case PTRACE_EVENT_EXEC:
                snapshot_exec(tid);
                break;
            case PTRACE_EVENT_FORK:
            case PTRACE_EVENT_VFORK:
            case PTRACE_EVENT_CLONE:
                ptrace(PTRACE_GETEVENTMSG, tid, 0, &msg);
                snapshot_clone(tid, (pid_t) msg);
                break;
            case PTRACE_EVENT_EXIT:
                ptrace(PTRACE_GETEVENTMSG, tid, 0, &msg);
                snapshot_exit(tid, (int) msg);
                break;
            default:
                break;
            }
        } else if (sig == SIGTRAP) {
            inject = 0; /* a stray trap of ours */
        } else {
            siginfo_t si;
            if (ptrace(PTRACE_GETSIGINFO, tid, 0, &si) == 0) {
                inject = sig; /* a signal for the program: deliver it */
            } /* else a group-stop: resume */
        }
        ptrace(PTRACE_CONT, tid, 0, inject);
    }
}

/* ------------------------------------------------------------------------------------------------ output */

static int cmp_ev(const void *x, const void *y)
{
    const struct ev *a = x, *b = y;
    if (a->t != b->t) {
        return a->t < b->t ? -1 : 1;
    }
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static const char *sys_name(long nr)
{
    switch (nr) {
    case 9: return "mmap";
    case 10: return "mprotect";
    case 11: return "munmap";
    case 12: return "brk";
    case 25: return "mremap";
    case 28: return "madvise";
    case 30: return "shmat";
    case 67: return "shmdt";
    case 56: return "clone";
    case 57: return "fork";
    case 58: return "vfork";
    case 59: return "execve";
    case 60: return "exit";
    case 149: return "mlock";
    case 150: return "munlock";
    case 151: return "mlockall";
    case 152: return "munlockall";
    case 216: return "remap_file_pages";
    case 231: return "exit_group";
    case 322: return "execveat";
    case 325: return "mlock2";
    case 329: return "pkey_mprotect";
    case 435: return "clone3";
    case 440: return "process_madvise";
    case 462: return "mseal";
    default: return "?";
    }
}

/* pending sys_enter per tid (open addressing) */
struct pend {
    u32 tid;
    int used;
    struct ev e;
};
static struct pend *pending;
static size_t pend_cap = 1 << 16;

static struct pend *pend_slot(u32 tid)
{
    size_t i = (tid * 2654435761u) & (pend_cap - 1);
    while (pending[i].used && pending[i].tid != tid) {
        i = (i + 1) & (pend_cap - 1);
    }
    return &pending[i];
}

/* the file a mmap mapped, from the latest MMAP2 record of the same task whose range holds the address */
struct lastmap {
    u32 tid;
    u64 addr, len;
    const struct ev *m;
};

/*
 * Whether an anonymous read fault maps the shared zero page here (mm_forbids_zeropage is false): some hosts boot
 * with pvm_no_zero_page=1 and map a fresh exclusive page instead (pagemap bit 56).
 */
static int zero_page_mapped(void)
{
    int r = 1;
    int pm = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
    void *p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    u64 e;
    if (pm >= 0 && p != MAP_FAILED) {
        (void) *(volatile char *) p;
        if (pread(pm, &e, 8, (off_t) ((uintptr_t) p / 4096 * 8)) == 8 && (e >> 63 & 1) && (e >> 56 & 1)) {
            r = 0;
        }
    }
    if (p != MAP_FAILED) {
        munmap(p, 4096);
    }
    if (pm >= 0) {
        close(pm);
    }
    return r;
}

static void write_output(FILE *out, char **argv, u64 t0, u64 t1)
{
    size_t total = snaps.n;
    for (int c = 0; c < ncpu; c++) {
        total += rings[c].evs.n;
    }
    struct ev *all = malloc((total + 1) * sizeof *all);
    size_t k = 0;
    u64 lost = 0, throttled = 0;
    for (int c = 0; c < ncpu; c++) {
        for (size_t i = 0; i < rings[c].evs.n; i++) {
            all[k] = rings[c].evs.v[i];
            all[k].seq = ((u64) (c + 1) << 40) | i;
            k++;
        }
        lost += rings[c].lost;
        throttled += rings[c].throttled;
    }
    for (size_t i = 0; i < snaps.n; i++) {
        all[k] = snaps.v[i];
        all[k].seq = i;
        k++;
    }
    qsort(all, total, sizeof *all, cmp_ev);

    struct utsname u;
    uname(&u);
    char thp[256] = "";
    FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
    if (f) {
        if (!fgets(thp, sizeof thp, f)) {
            thp[0] = 0;
        }
        thp[strcspn(thp, "\n")] = 0;
        fclose(f);
    }
    struct sb b = { 0 };
    sb_add(&b, "{\"mmwb_recording\":%d,\"kernel\":", FORMAT_VERSION);
    sb_str(&b, u.release);
    sb_add(&b, ",\"machine\":");
    sb_str(&b, u.machine);
    sb_add(&b, ",\"page_size\":%ld,\"cpus\":%d,\"zero_page\":%s,\"thp\":", sysconf(_SC_PAGESIZE), ncpu,
        zero_page_mapped() ? "true" : "false");
    sb_str(&b, thp);
    sb_add(&b, ",\"command\":[");
    for (int i = 0; argv[i]; i++) {
        if (i) {
            sb_add(&b, ",");
        }
        sb_str(&b, argv[i]);
    }
    sb_add(&b, "],\"t0\":%llu}\n", (unsigned long long) t0);
    fwrite(b.s, 1, b.n, out);
    b.n = 0;

    pending = calloc(pend_cap, sizeof *pending);
    size_t nmaps = 0, capmaps = 1024;
    struct lastmap *maps = malloc(capmaps * sizeof *maps);
    u64 nsys = 0, nfault = 0;
    int started = 0;
    for (size_t i = 0; i < total; i++) {
        struct ev *e = &all[i];
        if (!started && e->type != EV_SNAP) {
            continue; /* before the first exec snapshot (the tail of the initial execve) */
        }
        started = 1;
        b.n = 0;
        switch (e->type) {
        case EV_SNAP:
            fputs(e->str, out);
            continue;
        case EV_ENTER: {
            long nr = (long) e->a[0];
            if (nr == 60 || nr == 231) {
                sb_add(&b, "{\"t\":%llu,\"type\":\"sys\",\"pid\":%u,\"tid\":%u,\"name\":\"%s\",\"nr\":%ld,"
                    "\"args\":[\"%llx\"]}\n", (unsigned long long) e->t, e->pid, e->tid, sys_name(nr), nr,
                    (unsigned long long) e->a[1]);
                nsys++;
                break;
            }
            struct pend *p = pend_slot(e->tid);
            p->used = 1;
            p->tid = e->tid;
            p->e = *e;
            continue;
        }
        case EV_EXIT: {
            struct pend *p = pend_slot(e->tid);
            if (!p->used || (long) p->e.a[0] != (long) e->a[0]) {
                continue; /* a child's return from clone, or an execve whose entry preceded the recording */
            }
            p->used = 0;
            long nr = (long) e->a[0];
            long long ret = (long long) e->a[1];
            sb_add(&b, "{\"t\":%llu,\"t_enter\":%llu,\"type\":\"sys\",\"pid\":%u,\"tid\":%u,\"name\":\"%s\","
                "\"nr\":%ld,\"args\":[", (unsigned long long) e->t, (unsigned long long) p->e.t, e->pid, e->tid,
                sys_name(nr), nr);
            for (int j = 0; j < 6; j++) {
                sb_add(&b, "%s\"%llx\"", j ? "," : "", (unsigned long long) p->e.a[1 + j]);
            }
            sb_add(&b, "],\"ret\":%lld", ret);
            if (nr == 9 && ret >= 0 && !(p->e.a[4] & 0x20)) {
                for (size_t j = nmaps; j-- > 0;) {
                    /* a mapping merged into its neighbour is reported as the merged VMA: the range covers ret */
                    if (maps[j].tid == e->tid && maps[j].addr <= (u64) ret && (u64) ret < maps[j].addr + maps[j].len) {
                        const struct ev *m = maps[j].m;
                        sb_add(&b, ",\"file\":{\"dev\":\"%02llx:%02llx\",\"ino\":%llu,\"path\":",
                            (unsigned long long) m->a[3], (unsigned long long) m->a[4], (unsigned long long) m->a[5]);
                        sb_str(&b, m->str);
                        sb_add(&b, "}");
                        break;
                    }
                }
            }
            sb_add(&b, "}\n");
            nsys++;
            break;
        }
        case EV_FAULT:
        case EV_KFAULT:
            sb_add(&b, "{\"t\":%llu,\"type\":\"fault\",\"pid\":%u,\"tid\":%u,\"addr\":\"%llx\",\"ip\":\"%llx\","
                "\"error\":\"%llx\"%s}\n", (unsigned long long) e->t, e->pid, e->tid,
                (unsigned long long) e->a[0], (unsigned long long) e->a[1], (unsigned long long) e->a[2],
                e->type == EV_KFAULT ? ",\"kernel\":true" : "");
            nfault++;
            break;
        case EV_MMAP:
            if (nmaps == capmaps) {
                capmaps *= 2;
                maps = realloc(maps, capmaps * sizeof *maps);
            }
            maps[nmaps].tid = e->tid;
            maps[nmaps].addr = e->a[0];
            maps[nmaps].len = e->a[1];
            maps[nmaps].m = e;
            nmaps++;
            continue;
        case EV_FORK:
            sb_add(&b, "{\"t\":%llu,\"type\":\"task_new\",\"pid\":%u,\"tid\":%u,\"ppid\":%llu,\"ptid\":%llu",
                (unsigned long long) e->t, e->pid, e->tid, (unsigned long long) e->a[0], (unsigned long long) e->a[1]);
            if (clone_flags_of(e->tid) >= 0) {
                sb_add(&b, ",\"clone_flags\":\"%llx\"", (unsigned long long) clone_flags_of(e->tid));
            }
            sb_add(&b, "}\n");
            break;
        case EV_PEXIT:
            sb_add(&b, "{\"t\":%llu,\"type\":\"task_end\",\"pid\":%u,\"tid\":%u,\"ppid\":%llu,\"ptid\":%llu}\n",
                (unsigned long long) e->t, e->pid, e->tid, (unsigned long long) e->a[0], (unsigned long long) e->a[1]);
            break;
        default:
            continue;
        }
        fwrite(b.s, 1, b.n, out);
    }
    b.n = 0;
    int complete = lost == 0 && throttled == 0;
    sb_add(&b, "{\"t\":%llu,\"type\":\"end\",\"complete\":%s,\"lost\":%llu,\"throttled\":%llu,\"syscalls\":%llu,"
        "\"faults\":%llu,\"wall_ns\":%llu,\"status\":%d}\n", (unsigned long long) t1, complete ? "true" : "false",
        (unsigned long long) lost, (unsigned long long) throttled, (unsigned long long) nsys,
        (unsigned long long) nfault, (unsigned long long) (t1 - t0), command_status);
    fwrite(b.s, 1, b.n, out);
}

/* ------------------------------------------------------------------------------------------------ main */

static void usage(void)
{
    fprintf(stderr, "usage: mmwb-record -o FILE [-b RING_PAGES] -- CMD [ARGS...]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    const char *outpath = NULL;
    int i = 1;
    for (; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
            outpath = argv[++i];
        } else if (strcmp(argv[i], "-b") == 0 && i + 1 < argc) {
            ring_pages = strtoul(argv[++i], NULL, 10);
            if (ring_pages == 0 || (ring_pages & (ring_pages - 1))) {
                die(2, "-b needs a power of two");
            }
        } else {
            usage();
        }
    }
    if (i >= argc || !outpath) {
        usage();
    }
    char **cmd = argv + i;
    if (geteuid() != 0) {
        die(4, "recording needs root: it opens perf tracepoints on another process (perf_event_open) and "
            "follows it with ptrace (run as root, e.g. sudo ./mmwb record ...)");
    }
    const char *events = tracefs_events();
    if (!events) {
        die(4, "tracefs is not available (neither /sys/kernel/tracing nor /sys/kernel/debug/tracing, and mounting "
            "it failed): the tracepoints' ids cannot be read");
    }
    id_enter = tracepoint_id(events, "raw_syscalls/sys_enter");
    id_exit = tracepoint_id(events, "raw_syscalls/sys_exit");
    id_fault = tracepoint_id(events, "exceptions/page_fault_user");
    id_kfault = tracepoint_id(events, "exceptions/page_fault_kernel");
    ncpu = (int) sysconf(_SC_NPROCESSORS_CONF);
    FILE *out = fopen(outpath, "w");
    if (!out) {
        die(1, "cannot write %s: %s", outpath, strerror(errno));
    }
    remove_on_error = outpath;

    pid_t child = fork();
    if (child < 0) {
        die(1, "fork: %s", strerror(errno));
    }
    if (child == 0) {
        ptrace(PTRACE_TRACEME, 0, 0, 0);
        raise(SIGSTOP);
        execvp(cmd[0], cmd);
        fprintf(stderr, "mmwb-record: cannot run %s: %s\n", cmd[0], strerror(errno));
        _exit(127);
    }
    /* ^C and the like go to the command (same process group); the recorder writes what it saw when it ends */
    signal(SIGINT, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    int st;
    if (waitpid(child, &st, 0) != child || !WIFSTOPPED(st)) {
        die(1, "the command did not stop before exec");
    }
    mark(child);
    ptrace(PTRACE_SETOPTIONS, child, 0, PTRACE_O_TRACEEXEC | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK
        | PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXIT | PTRACE_O_EXITKILL);
    ptrace(PTRACE_CONT, child, 0, 0);
    for (;;) { /* until the exec: a failed execvp exits (through a PTRACE_EVENT_EXIT stop) */
        if (waitpid(child, &st, 0) != child) {
            die(1, "lost the command before its exec");
        }
        if (WIFEXITED(st)) {
            die(1, "the command could not be started (exit status %d)", WEXITSTATUS(st));
        }
        if (WIFSIGNALED(st)) {
            die(1, "the command was killed by signal %d before its exec", WTERMSIG(st));
        }
        if ((st >> 16) == PTRACE_EVENT_EXEC) {
            break;
        }
        int sig = WSTOPSIG(st);
        ptrace(PTRACE_CONT, child, 0, sig == SIGTRAP || sig == SIGSTOP ? 0 : sig);
    }
    u64 t0 = now_ns();
    snapshot_exec(child);
    open_events(child);
    pthread_t th;
    pthread_create(&th, NULL, drain_thread, NULL);
    ptrace(PTRACE_CONT, child, 0, 0);
    trace_loop(child);
    u64 t1 = now_ns();
    stop_drain = 1;
    pthread_join(th, NULL);
    write_output(out, cmd, t0, t1);
    if (fclose(out) != 0) {
        die(1, "cannot write %s: %s", outpath, strerror(errno));
    }
    for (int c = 0; c < ncpu; c++) {
        if (rings[c].lost || rings[c].throttled) {
            fprintf(stderr, "mmwb-record: the recording is INCOMPLETE: the kernel dropped events (lost %llu, "
                "throttled %llu on CPU %d); retry with a larger ring buffer (-b)\n",
                (unsigned long long) rings[c].lost, (unsigned long long) rings[c].throttled, c);
            return 3;
        }
    }
    return 0;
}
