# Checks: restoring the protection of a split-off middle part merges all three parts back (same anon_vma).
# Kernel: mm/vma.c vma_merge_existing_range (prev and next both mergeable, is_mergeable_anon_vma case 3).
# Expected: after the second mprotect one rw-p VMA of 12K with pages AAA.
kernel x86_64-6.18
$a = mmap 0x100000000000 12K rw- fixed
touch $a 12K w
mprotect $a+4K 4K r--
dump
mprotect $a+4K 4K rw-
dump
