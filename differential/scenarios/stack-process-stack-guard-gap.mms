# Checks: the process [stack] does not grow into the stack_guard_gap (256 pages = 1M) of a mapping placed below
#   it: with a mapping at [stack]-512K, touching [stack]-4K is SIGSEGV(MAPERR).
# Kernel: mm/mmap.c expand_downwards (address - prev->vm_end < stack_guard_gap -> -ENOMEM) ->
#   arch/x86/mm/fault.c bad_area (SEGV_MAPERR).
# Expected: a fixed placement at [stack]-512K succeeds; SIGSEGV(MAPERR); [stack] unchanged.
kernel x86_64-6.18
mmap [stack]-512K 4K rw- noreplace
touch [stack]-4K 4K w
