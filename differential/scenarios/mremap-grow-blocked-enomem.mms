# Checks: growth in place blocked by a following mapping fails with ENOMEM without MREMAP_MAYMOVE.
# Kernel: mm/mremap.c vma_expandable / expand_vma (-ENOMEM when it cannot grow and may not move).
# Expected: ENOMEM; both VMAs unchanged.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
$b = mmap 0x100000002000 4K r-- fixed
mremap $a 8K 16K
dump
