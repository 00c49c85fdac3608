# Checks: mlock over a hole fails with ENOMEM.
# Kernel: mm/mlock.c apply_vma_lock_flags (gap in the range -> -ENOMEM).
# Expected: ENOMEM, ENOMEM for munlock too.
kernel x86_64-6.18
$a = mmap 0x100000000000 4K rw- fixed
mlock $a 8K
munlock 0x100000100000 4K
