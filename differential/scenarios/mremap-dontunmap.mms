# Checks: MREMAP_DONTUNMAP moves the pages but leaves the old VMA in place, empty.
# Kernel: mm/mremap.c move_vma with MREMAP_DONTUNMAP (old VMA kept, its pages moved; VM_ACCOUNT handling).
# Expected: new VMA at 0x100000100000 with pages AA; old VMA still mapped with no pages; reading it gives 0.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
touch $a 8K w
mremap $a 8K 8K maymove dontunmap fixed=0x100000100000
dump
read $a
read 0x100000100000
