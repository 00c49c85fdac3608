# Checks: mlockall's flag checks and the CAP_IPC_LOCK exemption: flags 0, MCL_ONFAULT alone and an unknown bit are
#   EINVAL; as root (CAP_IPC_LOCK) a zero RLIMIT_MEMLOCK does not stop MCL_CURRENT (total_vm above the limit) nor
#   MCL_FUTURE; every VMA gets VM_LOCKED and is populated, [vvar]/[vdso] (VM_SPECIAL) are left unlocked, and a
#   later mapping is locked and populated by do_mmap; munlockall unlocks everything.
# Kernel: mm/mlock.c SYSCALL mlockall (flag checks, can_do_mlock, total_vm <= lock_limit || capable(CAP_IPC_LOCK)),
#   apply_mlockall_flags, mlock_fixup (VM_SPECIAL skipped); mm/mmap.c do_mmap (mm->def_flags, *populate).
# Expected: ok, ok, EINVAL x3, mprotect ok (splits the locked VMA), ok; the first dump shows lo and populated
#   pages, the last no lo.
kernel x86_64-6.18
setrlimit RLIMIT_MEMLOCK 0
$a = mmap 0x100000000000 64K rw- fixed
mlockall current future
mmap 0x100000100000 16K rw- fixed
mlockall
mlockall onfault
mlockall current bits=8
mprotect 0x100000100000 4K r--
mlockall current future
dump
munlockall
dump
