# Checks: MREMAP_FIXED with a smaller new size moves only the first new_len bytes; the rest of the source is unmapped.
# Kernel: mm/mremap.c mremap_to (old_len > new_len: unmap the tail first, then move_vma).
# Expected: 0x100000100000; one 8K VMA there with pages AA; the source gone.
kernel x86_64-6.18
$a = mmap 0x100000000000 16K rw- fixed
touch $a 16K w
mremap $a 16K 8K maymove fixed=0x100000100000
dump
