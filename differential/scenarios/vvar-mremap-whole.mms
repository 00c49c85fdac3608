# Checks: mremap of the whole [vvar] to a fixed address; growth EFAULT.
# Kernel: mm/mremap.c resize_is_valid (VM_DONTEXPAND|VM_PFNMAP growth -> -EFAULT), move_vma for the whole move.
#   The whole move is allowed; the .fault handler keeps working at the new place (pgoff relative to the VMA).
# Expected: EFAULT, 0x100000000000, then ok SIGBUS(ADRERR) ok SIGBUS(ADRERR) as in place.
kernel x86_64-6.18
mremap [vvar] 16K 32K maymove
mremap [vvar] 16K 16K maymove fixed=0x100000000000
touch 0x100000000000 16K r
dump
