# Checks: mseal of part of a VMA splits it; only the sealed part refuses munmap; unsealed part can be unmapped.
# Kernel: mm/mseal.c mseal_apply -> mm/vma.c vma_modify_flags.
# Expected: two VMAs, the second with "sl"; munmap of the first ok; munmap of both -> EPERM.
kernel x86_64-6.18
$a = mmap 0x100000000000 16K rw- fixed
mseal $a+8K 8K
dump
munmap $a+8K 16K
munmap $a 8K
dump
