# Checks: growth of a growsdown VMA is refused when it would come within stack_guard_gap (256 pages) of a
#   mapping below; the access is SIGSEGV(MAPERR).
# Kernel: mm/mmap.c expand_downwards (stack_guard_gap check against prev -> -ENOMEM) -> bad_area (SEGV_MAPERR).
# Expected: SIGSEGV(MAPERR); the growsdown VMA keeps its size.
kernel x86_64-6.18
$l = mmap 0x100000000000 4K rw- fixed
$g = mmap 0x100000080000 8K rw- fixed growsdown
touch $g-4K 4K w
dump
