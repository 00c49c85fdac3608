# Checks: splitting a file mapping gives the tail part the matching file offset.
# Kernel: mm/vma.c __split_vma (new->vm_pgoff += pages before the split).
# Expected: r--p pgoff 0x2000 [0,8K) from f:8K, then rw-p pgoff 0x4000, then r--p pgoff 0x6000; read gives 'E' (page 4);
#   the read fault maps its neighbours in the same VMA too (fault-around, mm/memory.c do_fault_around): FF.
kernel x86_64-6.18
file f 32K
$a = mmap 0x100000000000 24K r-- fixed file=f:8K
mprotect $a+8K 8K rw-
dump
read $a+8K                        # 0x45 ('E')
