# Checks: partial munmap of [vvar] is EINVAL; whole munmap works and a later read is SIGSEGV(MAPERR).
# Kernel: mm/vma.c vms_gather_munmap_vmas -> __split_vma -> special_mapping_split.
# Expected: EINVAL, ok, SIGSEGV(MAPERR); [vvar] gone.
kernel x86_64-6.18
munmap [vvar]+4K 4K
$p = mmap 0x100000000000 4K rw- fixed
munmap [vvar] 16K
read [vvar]                       # SIGSEGV(MAPERR)
dump
