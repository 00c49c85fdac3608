# Checks: madvise errno edge cases: unaligned start -> EINVAL; a range containing a hole -> ENOMEM (the mapped
#   part is still advised); zero length -> ok.
# Kernel: mm/madvise.c do_madvise / madvise_walk_vmas (-ENOMEM for unmapped parts).
# Expected: EINVAL, ENOMEM, ok; the first VMA's page was dropped by the ENOMEM call.
kernel x86_64-6.18
$a = mmap 0x100000000000 4K rw- fixed
touch $a 4K w
madvise $a+1 4K dontneed
madvise $a 8K dontneed
madvise $a 0 dontneed
dump
