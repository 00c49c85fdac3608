# Checks: a PROT_NONE mapping below a growsdown VMA does not count for the stack guard gap: growth into the gap
#   succeeds.
# Kernel: mm/mmap.c expand_downwards (prev must be vma_is_accessible() to enforce stack_guard_gap).
# Expected: ok; the growsdown VMA starts one page lower.
kernel x86_64-6.18
$l = mmap 0x100000000000 4K --- fixed
$g = mmap 0x100000080000 8K rw- fixed growsdown
touch $g-4K 4K w
dump
