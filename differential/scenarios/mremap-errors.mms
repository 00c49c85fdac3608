# Checks: mremap errno edge cases: unaligned address -> EINVAL, new length 0 -> EINVAL, unmapped source -> EFAULT,
#   source spanning two VMAs -> EFAULT.
# Kernel: mm/mremap.c check_mremap_params, vma_lookup / resize_is_valid (range must be inside one VMA).
# Expected: EINVAL, EINVAL, EFAULT, EFAULT.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
$b = mmap 0x100000002000 8K r-- fixed
mremap $a+1 4K 4K
mremap $a 4K 0
mremap 0x100000100000 4K 8K maymove
mremap $a 16K 32K maymove
