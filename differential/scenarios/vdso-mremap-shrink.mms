# Checks: shrinking [vdso] with mremap is refused (the tail would have to be split off).
# Kernel: mm/mremap.c shrink_vma -> do_vmi_munmap -> mm/vma.c __split_vma -> special_mapping_split (-EINVAL).
# Expected: EINVAL; [vdso] still 8K.
kernel x86_64-6.18
mremap [vdso] 8K 4K
dump
