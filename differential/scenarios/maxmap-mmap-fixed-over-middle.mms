# Checks: MAP_FIXED over the middle of a VMA at the limit: the munmap gather refuses to split (ENOMEM) and
#   nothing changes; over a VMA's end the one split is allowed.
# Kernel: mm/mmap.c do_mmap, mm/vma.c __mmap_region -> vms_gather_munmap_vmas.
# Expected: the middle ENOMEM, the end ok (map_count = limit + 1 afterwards), then the start ENOMEM (do_mmap:
#   the count is above the limit).
kernel x86_64-6.18
$a = mmap 0x100000000000 16K rw- fixed
sysctl vm.max_map_count +0
mmap $a+4K 4K r-- fixed
mmap $a+12K 4K r-- fixed
mmap $a 4K r-- fixed
dump
