# Checks: MAP_FIXED_NOREPLACE over an existing mapping fails with EEXIST and leaves it alone; plain MAP_FIXED replaces.
# Kernel: mm/mmap.c do_mmap (MAP_FIXED_NOREPLACE: find_vma_intersection -> -EEXIST).
# Expected: EEXIST; then the fixed mapping replaces page 1 (r--p in the middle, its page gone).
kernel x86_64-6.18
$a = mmap 0x100000000000 12K rw- fixed
touch $a 12K w
mmap 0x100000001000 4K r-- noreplace
mmap 0x100000001000 4K r-- fixed
dump
