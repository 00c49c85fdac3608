# Checks: RLIMIT_MEMLOCK does not bind a task with CAP_IPC_LOCK (the helper and the simulator run as root):
#   mlock and MAP_LOCKED past a zero limit still lock.
# Kernel: mm/mlock.c can_do_mlock / do_mlock (locked <= lock_limit || capable(CAP_IPC_LOCK)),
#   mm/mmap.c mlock_future_ok.
# Expected: ok, ok; both VMAs carry lo and are populated.
kernel x86_64-6.18
setrlimit RLIMIT_MEMLOCK 0
$a = mmap 0x100000000000 64K rw- fixed
mlock $a 64K
mmap 0x100000100000 16K rw- fixed locked
dump
