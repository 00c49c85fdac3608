# Checks: MREMAP_FIXED requires MREMAP_MAYMOVE.
# Kernel: mm/mremap.c check_mremap_params (MREMAP_FIXED without MREMAP_MAYMOVE -> -EINVAL).
# Expected: EINVAL.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
mremap $a 8K 8K fixed=0x100000100000
dump
