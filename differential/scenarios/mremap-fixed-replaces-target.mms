# Checks: MREMAP_FIXED unmaps whatever was at the target first.
# Kernel: mm/mremap.c mremap_to (do_munmap of the target range).
# Expected: the first page of the r--p target is replaced by the moved rw-p VMA with page A (reads 0x61); the
#   target's second page stays r--p.
kernel x86_64-6.18
$a = mmap 0x100000000000 4K rw- fixed
write $a 0x61
$t = mmap 0x100000100000 8K r-- fixed
mremap $a 4K 4K maymove fixed=0x100000100000
read 0x100000100000
dump
