# Checks: madvise on [vdso]: dontneed zaps its pages (they come back on the next fault from the pages array);
#   dontfork on part of it is EINVAL (split refused).
# Kernel: mm/madvise.c madvise_dontneed_single_vma; madvise_update_vma -> __split_vma -> special_mapping_split;
#   mm/mmap.c special_mapping_fault.
# Expected: ok, ok (exec after the zap), EINVAL.
kernel x86_64-6.18
madvise [vdso] 8K dontneed
exec [vdso]
madvise [vdso] 4K dontfork
dump
