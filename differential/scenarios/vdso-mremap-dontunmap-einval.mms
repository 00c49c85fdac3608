# Checks: MREMAP_DONTUNMAP on [vdso] is refused.
# Kernel: mm/mremap.c check_prep_vma / vma_to_resize (VM_DONTEXPAND|VM_PFNMAP with MREMAP_DONTUNMAP -> -EINVAL).
# Expected: EINVAL; [vdso] unchanged.
kernel x86_64-6.18
mremap [vdso] 8K 8K maymove dontunmap fixed=0x100000000000
dump
