/*
 * Generator of the host-replay golden files of HostReplayTest (mmwb): runs a pseudo-random sequence of
 * mmap/munmap/mprotect/madvise/mremap/mlock/touch operations on a 48-page window at 0x200000000 and prints,
 * after each step, the result and the window as /proc/self/smaps and /proc/self/pagemap show it.
 * Build and run as root on the reference kernel:
 *   gcc -O0 -o replay-gen replay-gen.c && ./replay-gen SEED STEPS | sed 's/ *$//' | gzip -9n > seedSEED.txt.gz
 * The pseudo-random generator and the operation mix (replay-gen.h) must stay identical to HostReplayTest's.
 */
#include "replay-gen.h"
int main(int argc,char**argv){
 setup(argv); int steps=atoi(argv[2]);
 for(int s=0;s<steps;s++){
  unsigned op=rnd(100), a=rnd(N), len=1+rnd(8); errno=0;
  anon_step(s,op,a,len);
  dump();
 }
 return 0;}
