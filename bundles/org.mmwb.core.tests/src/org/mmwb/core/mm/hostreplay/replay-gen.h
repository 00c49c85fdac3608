/*
 * What the two generators of HostReplayTest's golden files share (replay-gen.c, replay-gen-fork.c): the
 * pseudo-random generator, the 48-page window at 0x200000000, its dump as /proc/self/smaps and /proc/self/pagemap
 * show it, and the anonymous operation mix (mmap/munmap/mprotect/madvise/mremap/mlock/touch) drawn for op < 100.
 * The generator and the mix must stay identical to HostReplayTest's.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/mman.h>
#include <string.h>
#include <errno.h>
#include <stdlib.h>
#include <stdint.h>
#include <fcntl.h>
#include <signal.h>
#include <setjmp.h>
#include <unistd.h>
#define P 4096UL
#define N 48
static uint64_t x;
static unsigned rnd(unsigned n){ x = x*6364136223846793005ULL + 1442695040888963407ULL; return (unsigned)((x>>33)%n); }
static int pmfd; static uint64_t zpfn;
static uint64_t pm(void*p){uint64_t v=0;pread(pmfd,&v,8,((uintptr_t)p/4096)*8);return v;}
static char let(void*p){uint64_t v=pm(p); if(!v) return '.'; if(v&(1ULL<<58)) return 'G'; if(!(v>>63&1)) return '?'; if((v&0x7fffffffffffffULL)==zpfn) return 'Z'; if(v&(1ULL<<61)) return 'F'; return (v>>56&1)?'A':'a';}
static sigjmp_buf jb; static volatile int sig, code;
static void h(int s, siginfo_t*si, void*u){sig=s;code=si->si_code;siglongjmp(jb,1);}
static const char* acc(volatile char*p,int w){ sig=0; if(!sigsetjmp(jb,1)){ if(w) *p='Z'; else (void)*p; return "ok";} static char b[40]; sprintf(b,"%s(%s)",sig==11?"SIGSEGV":"SIGBUS",sig==11?(code==1?"MAPERR":"ACCERR"):"ADRERR"); return b;}
static char*B=(char*)0x200000000;
static void dump(void){FILE*f=fopen("/proc/self/smaps","r");char l[512];unsigned long s,e;int in=0;while(fgets(l,512,f)){if(sscanf(l,"%lx-%lx",&s,&e)==2&&l[0]!='V'&&strchr(l,'-')-l<17){in=(s<(unsigned long)(B+N*P)&&e>(unsigned long)B);if(in){char perm[5];sscanf(l,"%*s %4s",perm);printf("  %lx-%lx %s",s,e,perm);}}else if(in&&!strncmp(l,"VmFlags",7)){l[strlen(l)-1]=0;printf(" %s\n",l+9);}}fclose(f);printf("  pages ");for(int i=0;i<N;i++)putchar(let(B+i*P));putchar('\n');}
static const char*en(long r,int e){static char b[32]; if(r!=-1) return "ok"; return strerrorname_np(e);}
static const int prots[]={PROT_READ,PROT_READ|PROT_WRITE,PROT_NONE,PROT_READ|PROT_EXEC,PROT_READ|PROT_WRITE};
static const int advs[]={MADV_DONTNEED,102,103,MADV_DONTFORK,MADV_WIPEONFORK,MADV_HUGEPAGE,MADV_POPULATE_READ,MADV_POPULATE_WRITE,MADV_NOHUGEPAGE,MADV_DOFORK};
/* The seed from argv, SIGSEGV/SIGBUS caught for acc(), pagemap open and the zero page's PFN found. */
static void setup(char**argv){
 x=strtoull(argv[1],0,10);
 struct sigaction sa={0}; sa.sa_sigaction=h; sa.sa_flags=SA_SIGINFO|SA_NODEFER; sigaction(SIGSEGV,&sa,0); sigaction(SIGBUS,&sa,0);
 pmfd=open("/proc/self/pagemap",O_RDONLY);
 char*z=mmap(0,P,PROT_READ,MAP_PRIVATE|MAP_ANONYMOUS,-1,0); (void)*(volatile char*)z; zpfn=pm(z)&0x7fffffffffffffULL; munmap(z,P);
}
/* Step s of the anonymous mix, op < 100 drawn by the caller with a (first page) and len (pages). */
static void anon_step(int s,unsigned op,unsigned a,unsigned len){
  char*ad=B+a*P; long r; int e;
  if(op<20){ int pr=prots[rnd(5)]; int sh=rnd(5)==0; int nr=rnd(4)==0; int fl=MAP_FIXED|MAP_ANONYMOUS|(sh?MAP_SHARED:MAP_PRIVATE)|(nr?MAP_NORESERVE:0);
    r=(long)mmap(ad,len*P,pr,fl,-1,0); e=errno; printf("%d mmap %u %u prot%d fl%x: %s\n",s,a,len,pr,fl,en(r==(long)MAP_FAILED?-1:0,e)); }
  else if(op<30){ r=munmap(ad,len*P); e=errno; printf("%d munmap %u %u: %s\n",s,a,len,en(r,e)); }
  else if(op<45){ int pr=prots[rnd(5)]; r=mprotect(ad,len*P,pr); e=errno; printf("%d mprotect %u %u %d: %s\n",s,a,len,pr,en(r,e)); }
  else if(op<58){ int ad2=advs[rnd(10)]; r=madvise(ad,len*P,ad2); e=errno; printf("%d madvise %u %u %d: %s\n",s,a,len,ad2,en(r,e)); }
  else if(op<66){ unsigned k=rnd(3); unsigned to=rnd(N); unsigned nl=1+rnd(8);
    if(k==0) r=(long)mremap(ad,len*P,len*P,MREMAP_MAYMOVE|MREMAP_FIXED,B+to*P);
    else if(k==1) r=(long)mremap(ad,len*P,nl*P,0);
    else r=(long)mremap(ad,len*P,len*P,MREMAP_MAYMOVE|MREMAP_FIXED|MREMAP_DONTUNMAP,B+to*P);
    e=errno; printf("%d mremap%u %u %u %u %u: %s\n",s,k,a,len,to,nl,en(r==(long)MAP_FAILED?-1:0,e)); }
  else if(op<70){ int lk=rnd(2); r=lk?mlock(ad,len*P):munlock(ad,len*P); e=errno; printf("%d mlock %u %u: %s\n",s,a,len,en(r,e)); }
  else { int w=rnd(2); printf("%d touch %u %c: %s\n",s,a,w?'w':'r',acc(ad,w)); }
}
