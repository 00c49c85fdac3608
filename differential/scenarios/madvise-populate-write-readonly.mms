# Checks: MADV_POPULATE_WRITE on a read-only mapping fails with EINVAL (incompatible permissions) and populates nothing.
# Kernel: mm/madvise.c madvise_populate (mm/gup.c faultin_page_range -> check_vma_flags fails; madvise_populate
#   reports incompatible mappings/permissions as -EINVAL).
# Expected: EINVAL; no pages.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K r-- fixed
madvise $a 8K populate_write
dump
