# Checks: vm.max_map_count on the other paths that add a VMA: brk (do_brk_flags checks map_count > limit),
#   madvise and mlock (vma_modify -> split_vma), mremap (check_mremap_params: map_count + 2 >= limit - 3 for a
#   fixed move; move_vma: map_count >= limit - 3), MAP_FIXED over a VMA's middle (the munmap gather).
# Kernel: mm/mmap.c do_brk_flags, mm/madvise.c, mm/mlock.c mlock_fixup, mm/mremap.c, mm/vma.c.
# Expected: at limit +1: madvise EAGAIN, mlock ENOMEM, MAP_FIXED over the middle ENOMEM, the fixed move and
#   the move to a new place ENOMEM; +6: the fixed move ok; +0: brk still grows (the count is not above the
#   limit); +6: the moved-away source is EFAULT.
kernel x86_64-6.18
$a = mmap 0x100000000000 64K rw- fixed
sysctl vm.max_map_count +1
madvise $a+4K 4K dontfork
mlock $a+24K 4K
mmap $a+40K 4K r-- fixed
mremap $a+48K 4K 4K maymove fixed=0x100000100000
mremap $a 4K 8K maymove
sysctl vm.max_map_count +6
mremap $a+48K 4K 4K maymove fixed=0x100000100000
sysctl vm.max_map_count +0
brk +64K
sysctl vm.max_map_count +6
mremap $a+48K 4K 4K maymove fixed=0x100000200000
dump
