/* Recorded by RecordReplayTest: maps and writes a page, then execs itself; the new image maps another page. */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    char *base = (char *) (argc > 1 ? 0x210000000000UL : 0x200000000000UL);
    volatile char *p = mmap(base, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
        -1, 0);
    if (p != (volatile char *) base) {
        return 1;
    }
    p[0] = 1;                          /* write fault before (and after) the exec */
    if (argc == 1) {
        char *args[] = { argv[0], "again", 0 };
        execv("/proc/self/exe", args);
        return 2;
    }
    return 0;
}
