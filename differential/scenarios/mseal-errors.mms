# Checks: mseal errno edge cases: unmapped range -> ENOMEM; unaligned start -> EINVAL; zero length -> ok.
# Kernel: mm/mseal.c do_mseal (range_contains_unmapped -> -ENOMEM; offset_in_page -> -EINVAL).
# Expected: ENOMEM, EINVAL, ok.
kernel x86_64-6.18
$a = mmap 0x100000000000 4K rw- fixed
mseal $a 8K
mseal $a+1 4K
mseal $a 0
dump
