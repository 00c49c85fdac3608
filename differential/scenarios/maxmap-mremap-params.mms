# Checks: mremap's map_count headroom: a fixed move needs map_count + 2 < limit - 3 (check_mremap_params),
#   a move needs map_count < limit - 3 (move_vma), an in-place resize needs none.
# Kernel: mm/mremap.c check_mremap_params, prep_move_vma.
# Expected: limit +4: the fixed move ENOMEM, the move to a kernel-chosen place ok; +5: the fixed move still
#   ENOMEM; +6: ok; +3: any move ENOMEM, DONTUNMAP too.
kernel x86_64-6.18
$a = mmap 0x100000000000 64K rw- fixed
mmap 0x100000020000 4K r-- fixed
sysctl vm.max_map_count +4
mremap $a 4K 4K maymove fixed=0x100000100000
$m = mremap $a+4K 4K 8K maymove
munmap $m 8K
mremap 0x100000020000 4K 8K
sysctl vm.max_map_count +5
mremap $a+4K 4K 4K maymove fixed=0x100000110000
mremap $a+4K 4K 8K maymove
sysctl vm.max_map_count +6
mremap $a+8K 4K 4K maymove fixed=0x100000120000
sysctl vm.max_map_count +3
mremap $a+16K 4K 8K maymove
mremap $a+20K 4K 4K maymove dontunmap
dump
