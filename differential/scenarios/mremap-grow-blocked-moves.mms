# Checks: growth blocked in place with MREMAP_MAYMOVE moves the VMA to a kernel-chosen place, with its pages.
# Kernel: mm/mremap.c expand_vma -> move_vma (get_unmapped_area, copy_vma, move_page_tables).
# Expected: a new address ($m, symbolic); the data moved (0x5a, then 0x0 in the grown part); the old range gone.
#   The moved VMA is unmapped before the dumps: at a kernel-chosen place it may merge with the live helper's own
#   mappings.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
$b = mmap 0x100000002000 4K r-- fixed
touch $a 8K w
$m = mremap $a 8K 16K maymove
read $m+4K
read $m+12K
touch $a 4K r
munmap $m 16K
dump
