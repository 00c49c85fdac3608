# Checks: munmap of a range with no mapping in it succeeds.
# Kernel: mm/vma.c do_vmi_munmap (no VMA found -> 0).
# Expected: ok.
kernel x86_64-6.18
munmap 0x100000000000 64K
