# Checks: side-by-side mappings of one file with non-contiguous offsets stay separate.
# Kernel: mm/vma.c can_vma_merge_after (pgoff continuity fails).
# Expected: two VMAs, pgoff 0 and pgoff 0x4000 (16K).
kernel x86_64-6.18
file f 32K
$a = mmap 0x100000000000 8K r-- fixed file=f:0
$b = mmap 0x100000002000 8K r-- fixed file=f:16K
dump
