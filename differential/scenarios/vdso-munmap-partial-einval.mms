# Checks: munmap of part of [vdso] is EINVAL (special_mapping_split); munmap of all of it works and it is gone.
# Kernel: mm/vma.c vms_gather_munmap_vmas -> __split_vma -> vm_ops->may_split (special_mapping_split -> -EINVAL).
# Expected: EINVAL, ok; [vdso] absent afterwards.
kernel x86_64-6.18
munmap [vdso] 4K
munmap [vdso] 8K
dump
