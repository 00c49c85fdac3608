# Checks: growing a file mapping in place keeps its pgoff; the new pages read the following file pages, and pages
#   past EOF SIGBUS.
# Kernel: mm/mremap.c expand_vma_in_place (vma_merge_extend); mm/filemap.c filemap_fault.
# Expected: 0x100000000000; one VMA of 16K pgoff 0x1000; reads 0x44 ('D'), then SIGBUS(ADRERR) at the last page.
kernel x86_64-6.18
file f 16K
$a = mmap 0x100000000000 8K r-- file=f:4K fixed
mremap $a 8K 16K
read $a+8K
read $a+12K
dump
