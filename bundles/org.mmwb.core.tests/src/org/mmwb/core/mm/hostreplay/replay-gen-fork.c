/*
 * Generator of the host-replay golden files seedF*.txt.gz of HostReplayTest (mmwb): like replay-gen.c, plus
 * MAP_FIXED mappings of a 16-page memfd (pages written, so in the page cache; offsets up to 20 pages, past EOF)
 * and up to three forks (the sequence continues in the child while the parent waits).
 *   gcc -O0 -o replay-gen-fork replay-gen-fork.c && ./replay-gen-fork SEED STEPS | sed 's/ *$//' | gzip -9n > seedFSEED.txt.gz
 */
#include "replay-gen.h"
#include <sys/wait.h>
int main(int argc,char**argv){
 setup(argv); int steps=atoi(argv[2]);
 int mfd=memfd_create("f",0); ftruncate(mfd,16*P); int forks=0;
 for(int i=0;i<16;i++){ char c='A'+i; pwrite(mfd,&c,1,i*P); }
 for(int s=0;s<steps;s++){
  unsigned op=rnd(110), a=rnd(N), len=1+rnd(8); char*ad=B+a*P; long r; int e; errno=0;
  if(op>=100){ if(op<108){ int pr=prots[rnd(5)]; int sh=rnd(2); unsigned off=rnd(20);
      r=(long)mmap(ad,len*P,pr,MAP_FIXED|(sh?MAP_SHARED:MAP_PRIVATE),mfd,off*P); e=errno; printf("%d mmapf %u %u prot%d sh%d off%u: %s\n",s,a,len,pr,sh,off,en(r==(long)MAP_FAILED?-1:0,e)); }
    else { if(forks<3){ fflush(stdout); pid_t p=fork(); if(p){ int st; waitpid(p,&st,0); _exit(0);} close(pmfd); pmfd=open("/proc/self/pagemap",O_RDONLY); forks++; } printf("%d fork\n",s); } }
  else anon_step(s,op,a,len);
  dump();
 }
 return 0;}
