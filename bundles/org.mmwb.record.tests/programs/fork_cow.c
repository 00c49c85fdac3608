/* Recorded by RecordReplayTest: a written page shared copy-on-write by fork; the child and the parent write it. */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define BASE ((char *) 0x200000000000UL)

int main(void)
{
    volatile char *p = mmap(BASE, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
        -1, 0);
    if (p != BASE) {
        return 1;
    }
    p[0] = 1;                          /* write fault in the parent */
    pid_t c = fork();
    if (c == 0) {
        p[0] = 2;                      /* COW fault in the child */
        _exit(0);
    }
    int st;
    waitpid(c, &st, 0);
    p[0] = 3;                          /* write-protect fault in the parent: the page is reused */
    return 0;
}
