# Checks: mlockall(MCL_CURRENT | MCL_ONFAULT) locks every VMA without populating it (only touched pages present)
#   and merges the three VMAs an earlier mlock split (whole-VMA mlock_fixup); a later plain MCL_CURRENT replaces
#   VM_LOCKONFAULT and populates everything; munlockall merges a locked mapping made under MCL_FUTURE|MCL_ONFAULT
#   back into its unlocked, unpopulated neighbour.
# Kernel: mm/mlock.c apply_mlockall_flags (newflags = vm_flags & ~VM_LOCKED_MASK | to_add), mlock_fixup ->
#   vma_modify_flags, mm/gup.c __mm_populate / populate_vma_page_range (VM_LOCKONFAULT returns at once).
# Expected: every result ok; pages as described.
kernel x86_64-6.18
$a = mmap 0x100000000000 32K rw- fixed
mlock $a+8K 8K
touch $a 4K w
mlockall current onfault
dump
mlockall current
dump
munlockall
$b = mmap 0x100000100000 16K rw- fixed
mlockall future onfault
mmap 0x100000104000 16K rw- fixed
dump
munlockall
dump
