# Checks: moving one page of [vvar_vclock] or shrinking [vvar] is EINVAL (special mappings refuse to split).
# Kernel: mm/mremap.c (move of a part / shrink_vma -> do_vmi_munmap) -> mm/vma.c __split_vma ->
#   mm/mmap.c special_mapping_split (-EINVAL).
# Expected: EINVAL, EINVAL; both mappings unchanged.
kernel x86_64-6.18
mremap [vvar_vclock] 4K 4K maymove fixed=0x100000000000
mremap [vvar] 16K 8K
dump
