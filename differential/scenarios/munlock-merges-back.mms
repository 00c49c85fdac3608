# Checks: munlock of the locked middle merges it back with its neighbours; pages stay present.
# Kernel: mm/mlock.c mlock_fixup -> mm/vma.c vma_modify_flags (merge).
# Expected: one VMA, no "lo", pages .AA.
kernel x86_64-6.18
$a = mmap 0x100000000000 16K rw- fixed
mlock $a+4K 8K
munlock $a+4K 8K
dump
