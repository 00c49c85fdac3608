# Checks: growth blocked in place with MREMAP_MAYMOVE moves the VMA to a kernel-chosen place, with its pages.
# Kernel: mm/mremap.c expand_vma -> move_vma (get_unmapped_area, copy_vma, move_page_tables).
# Expected: a new address ($m, symbolic); the old range is gone; the moved VMA is 16K with pages AA..
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
$b = mmap 0x100000002000 4K r-- fixed
touch $a 8K w
$m = mremap $a 8K 16K maymove
read $m
dump
