/* Recorded by RecordReplayTest: mlockall with bad flags, MCL_CURRENT | MCL_FUTURE (a later mapping is locked and
 * populated), munlockall, MCL_FUTURE | MCL_ONFAULT (locked, faulted on touch), munlockall. */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define BASE ((char *) 0x200000000000UL)

int main(void)
{
    if (syscall(SYS_mlockall, 0) == 0 || syscall(SYS_mlockall, MCL_ONFAULT) == 0) {
        return 1;                      /* both EINVAL */
    }
    if (mlockall(MCL_CURRENT | MCL_FUTURE)) {
        return 2;
    }
    volatile char *p = mmap(BASE, 4 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
        -1, 0);
    if (p != BASE) {
        return 3;
    }
    p[0] = 1;                          /* populated by the locked mmap: no fault */
    if (munlockall() || mlockall(MCL_FUTURE | MCL_ONFAULT)) {
        return 4;
    }
    volatile char *q = mmap(BASE + 0x100000, 2 * 4096, PROT_READ | PROT_WRITE,
        MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    q[4096] = 1;                       /* VM_LOCKONFAULT: a write fault */
    munlockall();
    munmap(BASE, 4 * 4096);
    munmap(BASE + 0x100000, 2 * 4096);
    return 0;
}
