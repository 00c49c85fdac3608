/* Recorded by RecordReplayTest: a second thread faults on a page the main thread mapped (one mm, two tasks). */
#define _GNU_SOURCE
#include <pthread.h>
#include <sys/mman.h>

#define BASE ((char *) 0x200000000000UL)

static void *worker(void *arg)
{
    ((volatile char *) arg)[4096] = 1; /* write fault in the thread, page 1 */
    return 0;
}

int main(void)
{
    char *p = mmap(BASE, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (p != BASE) {
        return 1;
    }
    pthread_t t;
    if (pthread_create(&t, 0, worker, p) != 0) {
        return 1;
    }
    pthread_join(t, 0);
    ((volatile char *) p)[0] = 1;      /* write fault in the main thread, page 0 */
    return 0;
}
