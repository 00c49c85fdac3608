# Checks: MREMAP_FIXED with a target range overlapping the source fails with EINVAL.
# Kernel: mm/mremap.c check_mremap_params / mremap_to (new range overlaps old -> -EINVAL).
# Expected: EINVAL; the VMA unchanged.
kernel x86_64-6.18
$a = mmap 0x100000000000 16K rw- fixed
mremap $a 8K 8K maymove fixed=0x100000001000
dump
