# Checks: RLIMIT_MEMLOCK against mlockall(MCL_CURRENT) for a process without CAP_IPC_LOCK: the limit is compared
#   with total_vm (VmSize), not locked_vm: within the 8 MiB hard limit it locks everything; once an 8 MiB PROT_NONE
#   mapping takes total_vm past it, MCL_CURRENT is ENOMEM while MCL_FUTURE alone is still allowed; a zero limit
#   makes mlockall, mlock and MAP_LOCKED EPERM (can_do_mlock) but not munlockall.
# Kernel: mm/mlock.c SYSCALL mlockall (lock_limit = rlimit(RLIMIT_MEMLOCK) >> PAGE_SHIFT;
#   !(flags & MCL_CURRENT) || total_vm <= lock_limit || capable(CAP_IPC_LOCK)), can_do_mlock, do_mlock;
#   mm/mmap.c do_mmap (MAP_LOCKED -> can_do_mlock).
# Expected: ok ok ok; ENOMEM, ok (future), ok; EPERM x4, ok.
kernel x86_64-6.18
capdrop CAP_IPC_LOCK
setrlimit RLIMIT_MEMLOCK 8M
$a = mmap 0x100000000000 64K rw- fixed
mlockall current
dump
munlockall
$b = mmap 0x100000100000 8M --- fixed noreserve
mlockall current
mlockall future
munmap $b 8M
munlockall
setrlimit RLIMIT_MEMLOCK 0
mlockall current
mlockall future
mlock $a 4K
mmap 0x100000100000 4K rw- fixed locked
munlockall
dump
