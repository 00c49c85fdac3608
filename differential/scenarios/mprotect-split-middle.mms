# Checks: mprotect of the middle page of a 3-page anonymous VMA splits it into three VMAs.
# Kernel: mm/mprotect.c mprotect_fixup -> mm/vma.c vma_modify_flags -> split_vma (twice).
# Expected: rw-p [0,4K), r--p [4K,8K), rw-p [8K,12K); the faulted pages stay with their VMAs.
kernel x86_64-6.18
$a = mmap 0x100000000000 12K rw- fixed
touch $a 12K w
mprotect $a+4K 4K r--
dump
touch $a+4K 4K w                  # SIGSEGV(ACCERR): the middle is read-only now
