# Checks: brk below the initial break (brk 0, brk 0x1000) does not move it: the result is the current break,
#   before and after the heap has grown.
# Kernel: mm/mmap.c SYSCALL_DEFINE1(brk) (brk < mm->start_brk (min_brk) -> goto out: return mm->brk).
# Expected: [brk], [brk], [brk]+0x2000, [brk]+0x2000; [heap] 8K.
kernel x86_64-6.18
brk 0
brk 0x1000
brk +8K
brk 0x1000
dump
