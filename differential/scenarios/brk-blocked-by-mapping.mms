# Checks: brk cannot grow the heap over an existing mapping: the break stays where it was.
# Kernel: mm/mmap.c SYSCALL_DEFINE1(brk) (check_brk_limits, then vma_find / next within the new range plus
#   stack_guard_gap... -> goto out: return the old break).
# Expected: [brk]+0x1000, a fixed mapping at [heap]+64K, then brk +128K refused: [brk]+0x1000 again.
kernel x86_64-6.18
brk +4K
mmap [heap]+64K 4K rw- noreplace
brk +128K
dump
