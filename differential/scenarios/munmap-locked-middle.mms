# Checks: munmap inside an mlocked VMA splits it; the remaining parts stay locked and populated.
# Kernel: mm/vma.c vms_gather_munmap_vmas (split_vma, munlock of the removed part).
# Expected: two "lo" VMAs with A pages.
kernel x86_64-6.18
$a = mmap 0x100000000000 12K rw- fixed locked
munmap $a+4K 4K
dump
