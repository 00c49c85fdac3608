# Checks: an unfaulted anonymous VMA merges with a faulted neighbour when mprotect makes their flags equal.
# Kernel: mm/vma.c vma_merge_existing_range, is_mergeable_anon_vma case 2 (target has anon_vma, source none).
# Expected: one rw-p VMA of 16K, pages AAZ. (the read of the r--
#   part mapped the zero page and gave it no anon_vma).
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
$b = mmap 0x100000002000 8K r-- fixed       # different prot: no merge at mmap time
dump
touch $a 8K w
touch $b 4K r                               # zero page, no anon_vma
mprotect $b 8K rw-
dump
