# Checks: moving an unfaulted anonymous VMA right after a faulted compatible one merges them.
# Kernel: mm/vma.c copy_vma -> vma_merge_new_range (is_mergeable_anon_vma case 2).
# Expected: one rw-p VMA of 16K at 0x100000000000, pages AA..
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
touch $a 8K w
$b = mmap 0x100000100000 8K rw- fixed
mremap $b 8K 8K maymove fixed=0x100000002000
dump
