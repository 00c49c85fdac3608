# Checks: after mseal of [vdso], moving or unmapping it is EPERM.
# Kernel: mm/mseal.c do_mseal; mm/mremap.c (vma_is_sealed -> -EPERM), mm/vma.c vms_gather_munmap_vmas.
# Expected: ok, EPERM, EPERM; [vdso] has "sl".
kernel x86_64-6.18
mseal [vdso] 8K
mremap [vdso] 8K 8K maymove fixed=0x100000000000
munmap [vdso] 8K
dump
