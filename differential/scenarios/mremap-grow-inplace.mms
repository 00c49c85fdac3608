# Checks: mremap grows a VMA in place when the space after it is free, keeping its pages.
# Kernel: mm/mremap.c mremap_at / expand_vma_in_place (vma_merge_extend).
# Expected: result 0x100000000000, one rw-p VMA of 16K, pages AA..
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
touch $a 8K w
mremap $a 8K 16K
dump
