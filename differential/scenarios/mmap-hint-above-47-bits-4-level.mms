# Checks: TASK_SIZE on 4-level paging: a hint at or above 2^47 is not honoured (the mapping goes where the
#   kernel chooses, below mmap_base), a fixed mapping crossing TASK_SIZE is ENOMEM, one well below it works.
# Kernel: arch/x86/kernel/sys_x86_64.c arch_get_unmapped_area_topdown (hint checks against TASK_SIZE),
#   mm/mmap.c __get_unmapped_area (addr > TASK_SIZE - len -> -ENOMEM).
# Expected: a kernel-chosen address below mmap_base (not 0x800000000000), ENOMEM, then 0x7fffff000000; with
#   `kernel x86_64-6.18 levels=5` the simulator honours the hint (no 5-level host here to record that on).
kernel x86_64-6.18
$a = mmap 0x800000000000 4K rw-
munmap $a 4K
mmap 0x7ffffffff000 8K rw- fixed
mmap 0x7fffff000000 4K rw- fixed
munmap 0x7fffff000000 4K
