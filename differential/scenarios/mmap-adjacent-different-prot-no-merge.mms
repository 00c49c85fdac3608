# Checks: neighbours with different protections never merge.
# Kernel: mm/vma.c is_mergeable_vma (vm_flags must be equal).
# Expected: two VMAs: rw-p and r--p.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
$b = mmap 0x100000002000 8K r-- fixed
dump
