# Checks: TASK_SIZE (0x7ffffffff000) of 4-level paging against hints and fixed addresses: hints at 2^56, at
#   TASK_SIZE and crossing it are not taken (the kernel chooses, below mmap_base; with 4-level paging
#   TASK_SIZE_MAX - DEFAULT_MAP_WINDOW is 0, so a hint above 47 bits widens nothing); MAP_FIXED at 2^47, at TASK_SIZE
#   and MAP_FIXED_NOREPLACE at TASK_SIZE are ENOMEM, a length of 2^47 is ENOMEM, munmap at TASK_SIZE is EINVAL; the
#   last page below TASK_SIZE can be mapped with MAP_FIXED.
# Kernel: arch/x86/kernel/sys_x86_64.c arch_get_unmapped_area_topdown, arch/x86/mm/mmap.c mmap_address_hint_valid,
#   mm/mmap.c __get_unmapped_area (len > TASK_SIZE, addr > TASK_SIZE - len -> -ENOMEM), do_vmi_munmap (-EINVAL).
#   5-level paging (LA57) cannot be recorded here: the host CPU has no la57 flag (48-bit virtual addresses).
# Expected: three kernel-chosen addresses, ENOMEM x4, EINVAL, 0x7fffff000000 (fixed), ok.
kernel x86_64-6.18
$a = mmap 0x100000000000000 4K rw-
munmap $a 4K
$b = mmap 0x7ffffffff000 4K rw-
munmap $b 4K
$c = mmap 0x7fffffffd000 16K rw-
munmap $c 16K
mmap 0x800000000000 4K rw- fixed
mmap 0x7ffffffff000 4K rw- fixed
mmap 0x7ffffffff000 4K rw- noreplace
mmap 0 0x800000000000 --- noreserve
munmap 0x7ffffffff000 4K
mmap 0x7fffff000000 4K rw- fixed
munmap 0x7fffff000000 4K
