# Checks: a mapping that exactly fills the hole between two compatible unfaulted neighbours merges all three.
# Kernel: mm/vma.c vma_merge_new_range (can_vma_merge_left and can_vma_merge_right; prev and next merged).
# Expected: one rw-p VMA of 12K.
kernel x86_64-6.18
$a = mmap 0x100000000000 4K rw- fixed
$c = mmap 0x100000002000 4K rw- fixed
dump
$b = mmap 0x100000001000 4K rw- fixed
dump
