# Checks: mprotect over [VMA][hole][VMA] fails with ENOMEM after it has already changed the first VMA.
# Kernel: mm/mprotect.c do_mprotect_pkey (walks the VMAs in order; at the hole: error = -ENOMEM, no rollback).
# Expected: ENOMEM; the first VMA is r--p, the second still rw-p.
kernel x86_64-6.18
$a = mmap 0x100000000000 4K rw- fixed
$b = mmap 0x100000002000 4K rw- fixed
mprotect $a 12K r--
dump
