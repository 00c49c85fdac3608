# Checks: growing [vdso] (VM_DONTEXPAND) fails with EFAULT, in place and with maymove.
# Kernel: mm/mremap.c resize_is_valid (VM_DONTEXPAND|VM_PFNMAP and new_len > old_len -> -EFAULT).
# Expected: EFAULT, EFAULT.
kernel x86_64-6.18
mremap [vdso] 8K 16K
mremap [vdso] 8K 16K maymove
dump
