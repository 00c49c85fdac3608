# Checks: a MAP_GROWSDOWN mapping ("gd") grows by the faulting page when an access hits just below it.
# Kernel: mm/mmap.c expand_stack / expand_downwards; arch/x86/mm/fault.c do_user_addr_fault (VM_GROWSDOWN).
# Expected: ok; the VMA starts 4K lower, the new page A.
kernel x86_64-6.18
$g = mmap 0x100000100000 8K rw- fixed growsdown
dump
touch $g-4K 4K w
dump
