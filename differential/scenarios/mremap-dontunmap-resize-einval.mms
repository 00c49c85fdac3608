# Checks: MREMAP_DONTUNMAP with a size change and without MAYMOVE are both refused.
# Kernel: mm/mremap.c check_mremap_params (DONTUNMAP needs MAYMOVE and old_len == new_len).
# Expected: EINVAL, EINVAL.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
mremap $a 8K 16K maymove dontunmap fixed=0x100000100000
mremap $a 8K 8K dontunmap
