# Checks: a new anonymous mapping right after a compatible one extends it (one VMA).
# Kernel: mm/vma.c __mmap_region -> vma_merge_new_range (merge with prev).
# Expected: one rw-p VMA [0x100000000000, +16K), pages AA.. (faulted prev merges with an unfaulted newcomer).
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
touch $a 8K w
$b = mmap 0x100000002000 8K rw- fixed
dump
