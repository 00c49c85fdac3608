# Checks: sealing two adjacent compatible VMAs one after the other: the second mseal merges them (VM_SEALED equal).
# Kernel: mm/mseal.c mseal_apply -> mm/vma.c vma_modify_flags (merges with a sealed prev).
# Expected: one VMA with "sl".
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
mseal $a 4K
mseal $a+4K 4K
dump
