# Checks: after mlockall(MCL_FUTURE) without CAP_IPC_LOCK every new locked page must fit RLIMIT_MEMLOCK on top of
#   locked_vm: an mmap that fits is locked and populated, the next is EAGAIN, brk keeps the old break, mremap growth
#   of a locked mapping is EAGAIN, a MAP_GROWSDOWN mapping (locked by def_flags) grows while it fits and then
#   faults SIGSEGV(MAPERR) (it lies 8 MiB above its neighbour: the 1 MiB stack_guard_gap is no obstacle); mlock of
#   pages already locked passes the limit, of new ones ENOMEM.
# Kernel: mm/mmap.c mlock_future_ok (do_mmap -EAGAIN, check_brk_limits), mm/mremap.c resize_is_valid (-EAGAIN),
#   mm/vma.c acct_stack_growth (mlock_future_ok), mm/mlock.c do_mlock (count_mm_mlocked_page_nr).
# Expected: mmap ok, mmap EAGAIN, brk unchanged, mremap EAGAIN, touch ok then SIGSEGV(MAPERR); mlock of the
#   locked $a ok; after munlockall (def_flags clear: $c unlocked) mlock ok, ok, ENOMEM (7 pages > 6), ok.
kernel x86_64-6.18
capdrop CAP_IPC_LOCK
setrlimit RLIMIT_MEMLOCK 24K
mlockall future
$a = mmap 0x100000000000 8K rw- fixed
$g = mmap 0x100000800000 8K rw- fixed growsdown
touch $g-4K 4K w
mmap 0x100000200000 4K rw- fixed
mmap 0x100000300000 8K rw- fixed
brk +4K
mremap $a 8K 12K
touch $g-8K 4K w
mlock $a 8K
munlockall
$c = mmap 0x100000400000 8K rw- fixed
mlock $a 8K
mlock $g-4K 12K
mlock $c 8K
mlock $c 4K
dump
