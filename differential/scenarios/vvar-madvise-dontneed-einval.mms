# Checks: MADV_DONTNEED on [vvar] (VM_PFNMAP) is EINVAL; MADV_POPULATE_READ on it is EINVAL too.
# Kernel: mm/madvise.c madvise_dontneed_free_valid_vma (VM_PFNMAP -> false -> -EINVAL);
#   madvise_populate (mm/gup.c check_vma_flags refuses VM_IO|VM_PFNMAP -> -EINVAL).
# Expected: EINVAL, EINVAL.
kernel x86_64-6.18
madvise [vvar] 16K dontneed
madvise [vvar] 4K populate_read
