# Checks: moving a file mapping next to another mapping of the same file with contiguous pgoff merges them.
# Kernel: mm/vma.c copy_vma -> vma_merge_new_range (can_vma_merge_after: same file, pgoff continuity).
# Expected: one r--p VMA of 16K at 0x100000000000, pgoff 0.
kernel x86_64-6.18
file f 16K
$a = mmap 0x100000000000 8K r-- file=f:0 fixed
$b = mmap 0x100000100000 8K r-- file=f:8K fixed
mremap $b 8K 8K maymove fixed=0x100000002000
dump
