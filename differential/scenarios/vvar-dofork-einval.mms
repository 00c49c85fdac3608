# Checks: MADV_DOFORK on [vvar] (VM_IO) is EINVAL; MADV_DONTFORK of all of it is allowed, and a child then lacks it.
# Kernel: mm/madvise.c madvise_vma_behavior (MADV_DOFORK: VM_IO -> -EINVAL); kernel/fork.c dup_mmap (VM_DONTCOPY).
# Expected: EINVAL, ok; child dump without [vvar].
kernel x86_64-6.18
madvise [vvar] 16K dofork
madvise [vvar] 16K dontfork
$c = fork
dump
