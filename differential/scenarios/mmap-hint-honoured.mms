# Checks: a non-fixed mmap with a free, aligned hint address gets exactly that address; an occupied hint is moved
#   elsewhere by the kernel (compared symbolically, $b). $b is unmapped again before the final dump because the
#   kernel may place it beside (and merge it with) the live helper's own mappings.
# Kernel: mm/mmap.c do_mmap -> __get_unmapped_area -> arch_get_unmapped_area_topdown (hint used when it fits).
# Expected: 0x100000000000; a kernel-chosen address ($b); ok; ok.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw-
$b = mmap 0x100000000000 8K rw-
touch $b 4K w
munmap $b 8K
dump
