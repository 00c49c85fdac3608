# Checks: brk grows the heap ([heap] appears, rw-p), touching it works, shrinking unmaps the tail.
# Kernel: mm/mmap.c SYSCALL_DEFINE1(brk) (do_brk_flags to grow, do_vmi_align_munmap to shrink).
# Expected: [brk]+0x4000, ok x4, [brk]+0x1000; the heap is 4K afterwards; the old tail is SIGSEGV(MAPERR).
kernel x86_64-6.18
brk +16K
touch [heap] 16K w
brk [heap]+4K
dump
touch [heap]+4K 4K r
