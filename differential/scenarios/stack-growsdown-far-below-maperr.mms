# Checks: an access far below a growsdown VMA, with another mapping closer than the guard gap, is SIGSEGV(MAPERR).
#   An access above the growsdown VMA's end (in a hole) is also MAPERR.
# Kernel: mm/mmap.c expand_downwards; arch/x86/mm/fault.c bad_area.
# Expected: SIGSEGV(MAPERR) twice.
kernel x86_64-6.18
$l = mmap 0x100000000000 4K rw- fixed
$g = mmap 0x100000010000 4K rw- fixed growsdown
touch 0x100000008000 4K w
touch $g+4K 4K r
dump
