# Checks: in a fork child, splitting a faulted VMA by mprotect and restoring merges it back (both halves share
#   the same anon_vma), unlike a new neighbour.
# Kernel: mm/vma.c vma_merge_existing_range, is_mergeable_anon_vma case 3 (anon_vmas equal).
# Expected: child: three VMAs then one 12K VMA.
kernel x86_64-6.18
$a = mmap 0x100000000000 12K rw- fixed
touch $a 12K w
$c = fork
mprotect $a+4K 4K r--
dump
mprotect $a+4K 4K rw-
dump
