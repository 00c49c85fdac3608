# Checks: one munmap spanning the tail of one VMA and the head of the next trims both.
# Kernel: mm/vma.c vms_gather_munmap_vmas (splits the first and last VMA of the range).
# Expected: rw-p [0,4K) and r--p [12K,16K).
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
$b = mmap 0x100000002000 8K r-- fixed
munmap $a+4K 8K
dump
