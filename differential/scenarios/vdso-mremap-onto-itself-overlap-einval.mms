# Checks: moving [vdso] by one page (overlapping itself) is EINVAL.
# Kernel: mm/mremap.c check_mremap_params (overlapping old and new range -> -EINVAL).
# Expected: EINVAL.
kernel x86_64-6.18
mremap [vdso] 8K 8K maymove fixed=[vdso]+4K
dump
