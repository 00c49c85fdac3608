# Checks: a munmap range covering a sealed VMA fails with EPERM as a whole: nothing is unmapped, not even the
#   unsealed neighbours.
# Kernel: mm/vma.c vms_gather_munmap_vmas (checks every VMA of the range for VM_SEALED before unmapping).
# Expected: EPERM; all three VMAs still there.
kernel x86_64-6.18
$a = mmap 0x100000000000 12K rw- fixed
mseal $a+4K 4K
munmap $a 12K
dump
