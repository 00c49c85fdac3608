# Checks: RLIMIT_STACK bounds the growth of any VM_GROWSDOWN mapping, the process [stack] included: a fault
#   that would make the VMA larger than the limit is SIGSEGV; raising the limit lets it grow again.
# Kernel: mm/mmap.c expand_downwards -> acct_stack_growth (size > rlimit(RLIMIT_STACK) -> -ENOMEM),
#   arch/x86/mm/fault.c bad_area (SEGV_MAPERR).
# Expected: ok, ok, SIGSEGV(MAPERR), then ok once unlimited; [stack]-4K is SIGSEGV with +0 headroom.
kernel x86_64-6.18
$g = mmap 0x100000080000 8K rw- fixed growsdown
setrlimit RLIMIT_STACK 16K
touch $g-4K 4K w
touch $g-8K 4K w
touch $g-12K 4K w
setrlimit RLIMIT_STACK unlimited
touch $g-12K 4K w
setrlimit RLIMIT_STACK +0
touch [stack]-4K 4K w
setrlimit RLIMIT_STACK +4K
touch [stack]-4K 4K w
dump
