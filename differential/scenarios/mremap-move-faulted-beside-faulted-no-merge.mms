# Checks: moving a faulted anonymous VMA next to another faulted one (different anon_vma) does not merge.
# Kernel: mm/vma.c copy_vma -> vma_merge_new_range, is_mergeable_anon_vma case 3 (anon_vmas differ).
# Expected: two rw-p VMAs, 8K each, pages AA and AA.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
touch $a 8K w
$b = mmap 0x100000100000 8K rw- fixed
touch $b 8K w
mremap $b 8K 8K maymove fixed=0x100000002000
dump
