# Checks: mlock over a hole fails with ENOMEM.
# Kernel: mm/mlock.c apply_vma_lock_flags (gap in the range -> -ENOMEM).
#   The VMAs before the hole are still marked VM_LOCKED (apply_vma_lock_flags walks them first), but do_mlock
#   returns before __mm_populate, so nothing is populated.
# Expected: ENOMEM (the 4K VMA shows "lo" with no pages), ENOMEM for munlock of a hole.
kernel x86_64-6.18
$a = mmap 0x100000000000 4K rw- fixed
mlock $a 8K
munlock 0x100000100000 4K
