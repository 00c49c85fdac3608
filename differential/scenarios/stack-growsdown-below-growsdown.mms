# Checks: a growsdown mapping below another growsdown one does not block its growth (only non-growsdown
#   accessible neighbours enforce the gap).
# Kernel: mm/mmap.c expand_downwards (!(prev->vm_flags & VM_GROWSDOWN) condition).
# Expected: ok; the upper growsdown VMA grows by one page.
kernel x86_64-6.18
$l = mmap 0x100000000000 4K rw- fixed growsdown
$g = mmap 0x100000080000 8K rw- fixed growsdown
touch $g-4K 4K w
dump
