# Checks: moving only part of [vdso] is refused: special mappings may not split.
# Kernel: mm/mmap.c special_mapping_split (-EINVAL) via mm/vma.c __split_vma in mm/mremap.c move_vma.
# Expected: EINVAL; [vdso] unchanged.
kernel x86_64-6.18
mremap [vdso] 4K 4K maymove fixed=0x100000000000
mremap [vdso]+4K 4K 4K maymove fixed=0x100000000000
dump
