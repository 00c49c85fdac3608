# Checks: mseal over a range with a hole fails with ENOMEM and seals nothing (the range is checked first).
# Kernel: mm/mseal.c do_mseal (range_contains_unmapped -> -ENOMEM before mseal_apply).
# Expected: ENOMEM; munmap of the first VMA then works.
kernel x86_64-6.18
$a = mmap 0x100000000000 4K rw- fixed
$b = mmap 0x100000002000 4K rw- fixed
mseal $a 12K
munmap $a 4K
dump
