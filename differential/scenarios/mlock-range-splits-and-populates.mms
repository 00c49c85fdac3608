# Checks: mlock of a middle range splits the VMA, sets "lo" and populates it (writable private -> anon pages).
# Kernel: mm/mlock.c apply_vma_lock_flags -> mlock_fixup; mm/gup.c __mm_populate (FOLL_WRITE for private writable).
# Expected: three VMAs, the middle one locked with pages AA, the others empty.
kernel x86_64-6.18
$a = mmap 0x100000000000 16K rw- fixed
mlock $a+4K 8K
dump
