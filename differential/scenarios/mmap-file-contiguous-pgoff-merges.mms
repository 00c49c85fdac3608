# Checks: two mappings of the same file placed side by side merge when their file offsets are contiguous.
# Kernel: mm/vma.c can_vma_merge_after (vm_pgoff + pages == new pgoff), vma_merge_new_range.
# Expected: one r--p VMA of 16K, pgoff 0, name /memfd:f (deleted).
kernel x86_64-6.18
file f 32K
$a = mmap 0x100000000000 8K r-- file=f:0
$b = mmap 0x100000002000 8K r-- fixed file=f:8K
dump
