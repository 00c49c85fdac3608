# Checks: moving the middle page of a 3-page VMA splits the source: two pieces stay with a hole between them.
# Kernel: mm/mremap.c move_vma -> mm/vma.c copy_vma, then do_vmi_munmap of the old range (split_vma twice).
# Expected: 0x100000100000 (reads 0x5a); source pieces [0,4K) and [8K,12K) with pages A, the hole MAPERR.
kernel x86_64-6.18
$a = mmap 0x100000000000 12K rw- fixed
touch $a 12K w
mremap $a+4K 4K 4K maymove fixed=0x100000100000
read 0x100000100000
touch $a 12K r
dump
