# Checks: guard regions cannot be installed in special mappings ([vdso] VM_DONTEXPAND, [vvar] VM_PFNMAP|VM_IO).
# Kernel: mm/madvise.c is_valid_guard_vma (VM_SPECIAL among the disallowed flags -> -EINVAL).
# Expected: EINVAL, EINVAL.
kernel x86_64-6.18
madvise [vdso] 4K guard_install
madvise [vvar] 4K guard_install
dump
