# Checks: MAP_SHARED|MAP_ANONYMOUS memory (shmem) is shared with the child: the child's write is seen by the parent.
# Kernel: mm/shmem.c shmem_zero_setup / shmem_fault; kernel/fork.c dup_mmap.
# Expected: parent reads 0x77 after the child wrote it; pages F; name /dev/zero (deleted).
kernel x86_64-6.18
$s = mmap 0x100000000000 4K rw- shared fixed
$c = fork
write $s 0x77
exit
read $s
dump
