# Checks: growing a VMA in place up to a compatible next VMA merges all into one.
# Kernel: mm/mremap.c expand_vma_in_place -> mm/vma.c vma_merge_extend / vma_expand.
# Expected: 0x100000000000; one rw-p VMA [0, 16K).
kernel x86_64-6.18
$a = mmap 0x100000000000 4K rw- fixed
$b = mmap 0x100000002000 8K rw- fixed noreserve
$c = mmap 0x100000003000 4K rw- fixed
munmap $b 4K
mremap $a 4K 12K
dump
