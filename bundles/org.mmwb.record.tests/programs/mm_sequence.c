/* Recorded by RecordReplayTest: mmap at a fixed address, touch (write, read), mprotect, read, munmap. */
#define _GNU_SOURCE
#include <sys/mman.h>

#define BASE ((char *) 0x200000000000UL)

int main(void)
{
    volatile char *p = mmap(BASE, 4 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
        -1, 0);
    if (p != BASE) {
        return 1;
    }
    p[0] = 1;                          /* write fault, page 0 */
    (void) p[4096];                    /* read fault, page 1 */
    mprotect(BASE + 2 * 4096, 4096, PROT_READ);
    (void) p[2 * 4096];                /* read fault, page 2 */
    munmap(BASE, 4 * 4096);
    return 0;
}
