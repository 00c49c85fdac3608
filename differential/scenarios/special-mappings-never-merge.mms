# Checks: anonymous mappings placed right before and right after a moved [vdso] with the same protection (r-x)
#   do not merge with it.
# Kernel: mm/vma.c is_mergeable_vma (vm_ops and VM_SPECIAL/VM_DONTEXPAND differ; special mappings never merge).
# Expected: three VMAs: r-xp anon 8K, [vdso] 8K, r-xp anon 8K.
kernel x86_64-6.18
$v = mremap [vdso] 8K 8K maymove fixed=0x100000002000
mmap 0x100000000000 8K r-x fixed
mmap 0x100000004000 8K r-x fixed
dump
