# Checks: after mseal, munmap, mprotect and mremap of the sealed range fail with EPERM; the "sl" flag shows.
# Kernel: mm/mseal.c do_mseal (VM_SEALED); mm/vma.c vms_gather_munmap_vmas, mm/mprotect.c, mm/mremap.c
#   (vma_is_sealed / can_modify checks -> -EPERM).
# Expected: ok, EPERM, EPERM, EPERM, EPERM; VMA unchanged with "sl".
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
mseal $a 8K
munmap $a 4K
mprotect $a 8K r--
mremap $a 8K 16K maymove
mremap $a 8K 4K
dump
