# Checks: mremap to a smaller size unmaps the tail in place.
# Kernel: mm/mremap.c shrink_vma (do_vmi_munmap of the tail).
# Expected: 0x100000000000; one VMA of 4K; the old tail is unmapped (SIGSEGV(MAPERR)).
kernel x86_64-6.18
$a = mmap 0x100000000000 16K rw- fixed
touch $a 16K w
mremap $a 16K 4K
dump
touch $a+4K 4K r
